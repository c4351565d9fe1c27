// What each kind of upload may be: its size limit and the content types it accepts. Types are
// sniffed from the bytes (lib/files/sniff-content-type.ts); what the browser claims is ignored.
export type FilePurpose = 'task-attachment' | 'logo';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

const OFFICE_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;

export const FILE_PURPOSES = {
  'task-attachment': {
    maxBytes: 10 * 1024 ** 2,
    // text/plain: content without a known signature that is valid UTF-8 without NUL bytes.
    types: [...IMAGE_TYPES, 'application/pdf', 'application/zip', ...OFFICE_TYPES, 'text/plain'],
    typesInWords: 'images (PNG, JPEG, GIF, WebP), PDF, ZIP, Word, Excel, PowerPoint or plain text',
  },
  // No SVG: it is a document that can run script, not a picture.
  logo: { maxBytes: 1024 ** 2, types: IMAGE_TYPES, typesInWords: 'PNG, JPEG, GIF or WebP images' },
} as const satisfies Record<FilePurpose, { maxBytes: number; types: readonly string[]; typesInWords: string }>;

/** Types a browser may show in the page (an <img>); everything else downloads as an attachment. */
export function showsInline(contentType: string): boolean {
  return (IMAGE_TYPES as readonly string[]).includes(contentType);
}
