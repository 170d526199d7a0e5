import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type CsvError, parse } from "csv-parse";
import { BenchmarkFileError } from "../file-error";
import { type RowIssue, rowError } from "../row-issue";
import { type ByteSource, prepareBytes } from "./bytes";
import { readLines } from "./lines";
import type { ReadOptions, ReadRow } from "./types";

type Parsed = { record: string[]; info: { lines: number } };
type Pending = { row: number; issue: RowIssue };
/** A record (with cells) or a line-level problem (without). */
type CsvEvent = { row: number; cells?: string[]; issues: RowIssue[] };

export function duplicateColumns(header: readonly string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const name of header) {
    if (name !== "" && seen.has(name)) duplicates.add(name);
    seen.add(name);
  }
  return [...duplicates];
}

// csv-parse reports the line a record ends on; line breaks only occur inside quoted cells, and we
// rejoin lines with \n, so counting \n in the cells gives the start line (cheaper than raw: true).
function startLine(parsed: Parsed): number {
  let breaks = 0;
  for (const cell of parsed.record) for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) breaks++;
  return parsed.info.lines - breaks;
}

/** One row entry per line number, issues in order, rows ascending. */
function byRow(pending: Pending[]): CsvEvent[] {
  const rows = new Map<number, RowIssue[]>();
  for (const { row, issue } of [...pending].sort((a, b) => a.row - b.row)) rows.set(row, [...(rows.get(row) ?? []), issue]);
  return [...rows].map(([row, issues]) => ({ row, issues }));
}

/**
 * Streams CSV records with their line numbers. Lines are decoded (strict UTF-8) and length-checked
 * before csv-parse sees them, rejoined with \n so CRLF and CR files parse alike.
 */
async function* csvRecords(source: ByteSource, options: ReadOptions): AsyncGenerator<CsvEvent> {
  const badLines = new Map<number, RowIssue>();
  let pending: Pending[] = [];
  const parser = parse({ info: true, relax_column_count: true, skip_records_with_error: true, skip_empty_lines: true });
  let unclosedQuote = false;
  let lastLine = 0;
  parser.on("skip", (error: CsvError) => {
    // Reported at end of input; the offending record starts right after the last good one.
    if (error.code === "CSV_QUOTE_NOT_CLOSED") unclosedQuote = true;
    else pending.push({ row: Number(error.lines), issue: rowError("malformed_csv", `row ${error.lines}: ${error.message}`) });
  });
  // Lines go to csv-parse in ~64 KB batches: one write per line costs more than the parsing itself.
  async function* text() {
    let batch = "";
    for await (const line of readLines(prepareBytes(source, options.maxBytes), options.maxLineBytes)) {
      if (line.issue) badLines.set(line.lineNumber, line.issue);
      batch += `${line.text ?? ""}\n`;
      if (batch.length >= 65_536) {
        yield batch;
        batch = "";
      }
    }
    if (batch) yield batch;
  }
  pipeline(Readable.from(text()), parser).catch(() => {});
  for await (const parsed of parser as AsyncIterable<Parsed>) {
    const start = startLine(parsed);
    lastLine = parsed.info.lines;
    const issues: RowIssue[] = [];
    for (const [line, issue] of badLines) {
      if (line > parsed.info.lines) continue;
      if (line >= start) issues.push(issue);
      else pending.push({ row: line, issue });
      badLines.delete(line);
    }
    yield* byRow(pending.filter((p) => p.row < start));
    pending = pending.filter((p) => p.row >= start);
    yield { row: start, cells: parsed.record, issues };
  }
  for (const [line, issue] of badLines) pending.push({ row: line, issue });
  if (unclosedQuote) {
    const message = `row ${lastLine + 1}: a quoted cell starting on this row is never closed, so the rest of the file could not be read`;
    pending.push({ row: lastLine + 1, issue: rowError("malformed_csv", message) });
  }
  yield* byRow(pending);
}

type CsvFile = { header: string[]; rows: AsyncIterable<ReadRow> };

/** Reads the header (trimmed names; duplicates are a file error), then streams rows as objects keyed by it. */
export async function openCsv(source: ByteSource, options: ReadOptions = {}): Promise<CsvFile> {
  const records = csvRecords(source, options);
  const first = await records.next();
  if (first.done) return { header: [], rows: (async function* () {})() };
  if (!first.value.cells || first.value.issues.length > 0) {
    await records.return(undefined);
    throw new BenchmarkFileError("invalid_header", `The header row is unreadable: ${first.value.issues[0]?.message}`);
  }
  const header = (first.value.cells ?? []).map((name) => name.trim());
  const duplicates = duplicateColumns(header);
  if (duplicates.length > 0) {
    await records.return(undefined);
    throw new BenchmarkFileError(
      "duplicate_column",
      `The header repeats column names: ${duplicates.map((d) => JSON.stringify(d)).join(", ")}`,
    );
  }
  async function* rows(): AsyncGenerator<ReadRow> {
    for await (const { row, cells, issues } of records) {
      if (!cells) yield { row, issues };
      else if (cells.length !== header.length) {
        yield {
          row,
          issues: [...issues, rowError("column_count", `row ${row} has ${cells.length} cells but the header has ${header.length}`)],
        };
      } else yield { row, value: Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])), issues };
    }
  }
  return { header, rows: rows() };
}
