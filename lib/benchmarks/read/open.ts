import { BenchmarkFileError } from "../file-error";
import { type ByteSource, isGzip, peek } from "./bytes";
import { openCsv } from "./csv";
import { detectFormat } from "./detect";
import { readJsonArray } from "./json-array";
import { readJsonl } from "./jsonl";
import type { FileFormat, ReadOptions, ReadRow } from "./types";

const SNIFF_BYTES = 64 * 1024;

export type OpenedFile = { format: FileFormat; header?: string[]; rows: AsyncIterable<ReadRow> };

/** Detects the format from the first bytes (unless given) and opens the matching streaming reader. */
export async function openRows(
  source: ByteSource,
  options: ReadOptions & { filename?: string; format?: FileFormat } = {},
): Promise<OpenedFile> {
  const peeked = await peek(source, SNIFF_BYTES);
  // Read as text, a mislabelled binary reports "csv, no rows": say what is wrong instead.
  if (options.filename?.toLowerCase().endsWith(".gz") && peeked.head.length > 0 && !isGzip(peeked.head))
    throw new BenchmarkFileError("invalid_gzip", `${options.filename} ends in .gz but is not gzip-compressed: compress it or drop the .gz`);
  const format = options.format ?? detectFormat(peeked.head.subarray(0, SNIFF_BYTES), options.filename);
  if (format === "csv") return { format, ...(await openCsv(peeked.source, options)) };
  return { format, rows: format === "json" ? readJsonArray(peeked.source, options) : readJsonl(peeked.source, options) };
}

/** Reads the first `n` rows (for detectRowShape) and returns a stream that still yields them. */
export async function peekRows(rows: AsyncIterable<ReadRow>, n: number): Promise<{ first: ReadRow[]; rows: AsyncIterable<ReadRow> }> {
  const iterator = rows[Symbol.asyncIterator]();
  const first: ReadRow[] = [];
  while (first.length < n) {
    const next = await iterator.next();
    if (next.done) break;
    first.push(next.value);
  }
  async function* replay() {
    try {
      yield* first;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  return { first, rows: replay() };
}
