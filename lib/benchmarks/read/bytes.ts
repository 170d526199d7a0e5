import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { BenchmarkFileError } from "../file-error";

/** A Node Readable is one; so is any async generator of byte chunks. */
export type ByteSource = AsyncIterable<Uint8Array>;

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Reads at least `n` bytes (fewer at end of input) and returns them plus a source that replays them. */
export async function peek(source: ByteSource, n: number): Promise<{ head: Uint8Array; source: ByteSource }> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < n) {
    const next = await iterator.next();
    if (next.done) break;
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  // The finally closes the underlying stream (e.g. a file handle) when a consumer stops early.
  async function* replay() {
    try {
      if (head.length > 0) yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  return { head, source: replay() };
}

async function* gunzip(source: ByteSource): AsyncGenerator<Uint8Array> {
  const inflater = createGunzip();
  // Errors surface through the iteration below; the pipeline promise itself is not needed.
  pipeline(Readable.from(source), inflater).catch(() => {});
  try {
    for await (const chunk of inflater) yield chunk as Uint8Array;
  } catch (error) {
    if (error instanceof BenchmarkFileError) throw error;
    throw new BenchmarkFileError("invalid_gzip", `The file looks gzip-compressed but cannot be decompressed: ${(error as Error).message}`);
  }
}

async function* stripBom(source: ByteSource): AsyncGenerator<Uint8Array> {
  const { head, source: rest } = await peek(source, 3);
  let first = true;
  for await (const chunk of rest) {
    const bom = first && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    first = false;
    if (bom) {
      if (chunk.length > 3) yield chunk.subarray(3);
    } else yield chunk;
  }
}

// Counted after decompression, so a small gzip bomb cannot expand past the limit.
async function* limitBytes(source: ByteSource, maxBytes: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new BenchmarkFileError("too_large", `The file is larger than ${maxBytes} bytes (after decompression)`, "payload_too_large");
    }
    yield chunk;
  }
}

/** Gunzips when the bytes start with 1f 8b, drops a UTF-8 BOM and enforces the size limit. */
export async function* prepareBytes(source: ByteSource, maxBytes = DEFAULT_MAX_BYTES): AsyncGenerator<Uint8Array> {
  const peeked = await peek(source, 2);
  const plain = isGzip(peeked.head) ? gunzip(peeked.source) : peeked.source;
  yield* stripBom(limitBytes(plain, maxBytes));
}
