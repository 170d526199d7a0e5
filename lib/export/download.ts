import { Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { escapeFormula } from "@/lib/benchmarks/export";

type Rows<T> = Iterable<T> | AsyncIterable<T>;
export type Column<T> = { header: string; value: (row: T) => unknown };

const cellText = (value: unknown): string => {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
};

/** Header, then one CRLF-terminated record per row; structured values become JSON text, formula-like cells are escaped. */
export async function* toCsv<T>(columns: readonly Column<T>[], rows: Rows<T>): AsyncGenerator<string> {
  const options = { record_delimiter: "windows" } as const;
  yield stringify([columns.map((c) => escapeFormula(c.header))], options);
  for await (const row of rows) yield stringify([columns.map((c) => escapeFormula(cellText(c.value(row))))], options);
}

/** One JSON object per line, so large exports stream and parse line by line. */
export async function* toJsonl<T>(rows: Rows<T>): AsyncGenerator<string> {
  for await (const row of rows) yield `${JSON.stringify(row)}\n`;
}

/** One JSON document, streamed: the fields of `head`, then `rows` under `key` as an array, a row per line. */
export async function* toJsonDocument<T>(head: Record<string, unknown>, key: string, rows: Rows<T>): AsyncGenerator<string> {
  const opening = JSON.stringify(head);
  yield `${opening === "{}" ? "{" : `${opening.slice(0, -1)},`}${JSON.stringify(key)}:[\n`;
  let first = true;
  for await (const row of rows) {
    yield `${first ? "" : ",\n"}${JSON.stringify(row)}`;
    first = false;
  }
  yield "\n]}\n";
}

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

/** A streamed attachment; `filename` is reduced to safe characters. */
export function download(lines: AsyncIterable<string>, filename: string, format: keyof typeof CONTENT_TYPES): Response {
  const bytes = (async function* () {
    for await (const line of lines) yield Buffer.from(line);
  })();
  const safe = filename.replace(/[^\w.-]+/g, "_");
  return new Response(Readable.toWeb(Readable.from(bytes)) as ReadableStream, {
    headers: { "content-type": CONTENT_TYPES[format], "content-disposition": `attachment; filename="${safe}"` },
  });
}
