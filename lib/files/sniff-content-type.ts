// A file's type from its first bytes (magic numbers, via file-type), checked against what its
// purpose accepts. The client's Content-Type and file extension are never consulted.
import { fileTypeFromBuffer } from 'file-type';
import { FILE_PURPOSES, type FilePurpose } from './file-purposes';

/** How many leading bytes are read before deciding (file-type needs a few KB; ZIP-based formats more). */
export const SNIFF_BYTES = 16 * 1024;

export async function sniffContentType(head: Uint8Array, purpose: FilePurpose): Promise<string | null> {
  const detected = (await fileTypeFromBuffer(head))?.mime ?? (looksLikeText(head) ? 'text/plain' : null);
  const accepted: readonly string[] = FILE_PURPOSES[purpose].types;
  return detected && accepted.includes(detected) ? detected : null;
}

function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  try {
    // stream: true, because the head may end in the middle of a character.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}
