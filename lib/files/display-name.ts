// The client's file name, kept only to show and to suggest on download: it never becomes part of a
// path (lib/files/storage-key.ts). Still neutralised, so it cannot pretend to be another name in
// the page or in a Content-Disposition header: no folders, control characters (NUL, CR, LF), bidi
// overrides that flip "gpj.exe" into "exe.jpg", zero-width characters, or leading dots.
const MAX_LENGTH = 200;
const FALLBACK = 'file';

// Controls (C0, C1: NUL, CR, LF…), format characters (bidi overrides and isolates, zero-width
// characters, the BOM) and line/paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

export function displayName(clientName: string | null | undefined): string {
  const normalised = (clientName ?? '').normalize('NFKC').replace(INVISIBLE, '');
  const base = normalised.split(/[/\\]/).pop() ?? '';
  const trimmed = base.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (!trimmed) return FALLBACK;
  return shorten(trimmed);
}

// Keeps the extension when cutting a long name (by code points, so no half surrogate is left).
function shorten(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length > 0 && extension.length <= 16) {
    return chars.slice(0, MAX_LENGTH - extension.length).join('') + extension.join('');
  }
  return chars.slice(0, MAX_LENGTH).join('');
}
