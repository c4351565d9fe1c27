// How a download names itself: images inline (an <img> shows them), anything else as an
// attachment, so an uploaded page never runs on our origin. The display name is already
// neutralised (lib/files/display-name.ts); here it is encoded for the header (RFC 6266, 5987).
import { showsInline } from './file-purposes';

export function contentDisposition(name: string, contentType: string): string {
  const kind = showsInline(contentType) ? 'inline' : 'attachment';
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
