// The byte counter every upload passes through: it stops reading the moment a body passes its
// limit, so an oversized upload costs at most one chunk of memory, never the whole file.
export class TooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`upload exceeds ${maxBytes} bytes`);
  }
}

export async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stops the sender too when we give up early (too large, refused type, storage error).
    await reader.cancel().catch(() => {});
  }
}

export async function* limitBytes(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  let received = 0;
  for await (const chunk of source) {
    received += chunk.byteLength;
    if (received > maxBytes) throw new TooLargeError(maxBytes);
    yield chunk;
  }
}
