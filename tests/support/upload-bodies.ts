// Bodies for upload tests: real file signatures (so sniffing sees what a browser would send), of any
// size, as streams with or without an end.
export const PNG_1X1 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a10000000049454e44ae426082',
  'hex',
);

export const PDF_HEADER = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');

/** A PDF-looking file of exactly `size` bytes. */
export function pdfOfSize(size: number): Buffer {
  const body = Buffer.alloc(size, 0x20);
  PDF_HEADER.copy(body);
  return body;
}

export function streamOf(bytes: Buffer, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + chunkSize)));
      offset += chunkSize;
    },
  });
}

/** A PDF that never ends; pulled() says how many 64 KiB chunks were read from it. */
export function endlessPdf(): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(new Uint8Array(pulled === 0 ? pdfOfSize(64 * 1024) : Buffer.alloc(64 * 1024)));
      pulled += 1;
    },
  });
  return { body, pulled: () => pulled };
}
