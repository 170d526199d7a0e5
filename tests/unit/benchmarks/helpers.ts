import { gzipSync } from "node:zlib";
import type { ReadRow } from "@/lib/benchmarks/read/types";

/** Bytes as a stream of small chunks, so readers meet boundaries inside lines, CRLFs and characters. */
export async function* chunked(input: string | Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export const gzip = (text: string) => gzipSync(Buffer.from(text, "utf8"));

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export async function* rowsOf(values: unknown[]): AsyncGenerator<ReadRow> {
  for (const [i, value] of values.entries()) yield { row: i + 1, value, issues: [] };
}

export const types = (issues: { type: string }[]) => issues.map((i) => i.type);
