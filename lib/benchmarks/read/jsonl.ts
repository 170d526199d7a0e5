import { rowError } from "../row-issue";
import { type ByteSource, prepareBytes } from "./bytes";
import { readLines } from "./lines";
import type { ReadOptions, ReadRow } from "./types";

/** One JSON value per line; blank lines are skipped, bad lines become row errors and reading goes on. */
export async function* readJsonl(source: ByteSource, options: ReadOptions = {}): AsyncGenerator<ReadRow> {
  for await (const line of readLines(prepareBytes(source, options.maxBytes), options.maxLineBytes)) {
    const row = line.lineNumber;
    if (line.issue) {
      yield { row, issues: [line.issue] };
      continue;
    }
    const text = line.text ?? "";
    if (text.trim() === "") continue;
    try {
      yield { row, value: JSON.parse(text) as unknown, issues: [] };
    } catch (error) {
      yield { row, issues: [rowError("invalid_json", `row ${row} is not valid JSON: ${(error as Error).message}`)] };
    }
  }
}
