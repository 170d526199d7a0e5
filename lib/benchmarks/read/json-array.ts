import { BenchmarkFileError } from "../file-error";
import { isRecord } from "../formats/fields";
import { type ByteSource, prepareBytes } from "./bytes";
import type { ReadRow } from "./types";

// A JSON document must be parsed whole, so it gets a tighter limit than line-by-line formats.
export const DEFAULT_MAX_JSON_BYTES = 50 * 1024 * 1024;

/** Accepts a top-level array, `{rows: [...]}` or a Llama Stack `{source: {type: "rows", rows}}`. */
function rowsOf(document: unknown): unknown[] | undefined {
  if (Array.isArray(document)) return document;
  if (!isRecord(document)) return undefined;
  if (Array.isArray(document.rows)) return document.rows;
  if (isRecord(document.source) && Array.isArray(document.source.rows)) return document.source.rows;
  return undefined;
}

export async function* readJsonArray(source: ByteSource, options: { maxBytes?: number } = {}): AsyncGenerator<ReadRow> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_JSON_BYTES;
  const chunks: Uint8Array[] = [];
  for await (const chunk of prepareBytes(source, maxBytes)) chunks.push(chunk);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new BenchmarkFileError("invalid_utf8", "The file is not valid UTF-8 (save it as UTF-8)");
  }
  if (text.trim() === "") return;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new BenchmarkFileError("invalid_json", `The file is not valid JSON: ${(error as Error).message}`);
  }
  const rows = rowsOf(document);
  if (!rows) throw new BenchmarkFileError("wrong_type", "A JSON file must hold an array of rows, or an object with a rows array");
  for (const [index, value] of rows.entries()) yield { row: index + 1, value, issues: [] };
}
