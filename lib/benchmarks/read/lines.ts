import { type RowIssue, rowError } from "../row-issue";
import type { ByteSource } from "./bytes";

export const DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

/** One physical line. `text` is missing when the line was too long; it is lossy when `issue` says bad UTF-8. */
export type Line = { lineNumber: number; text?: string; issue?: RowIssue };

const LF = 0x0a;
const CR = 0x0d;

function nextBreak(chunk: Uint8Array, from: number): number {
  const lf = chunk.indexOf(LF, from);
  const cr = chunk.indexOf(CR, from);
  if (lf === -1) return cr;
  if (cr === -1) return lf;
  return Math.min(lf, cr);
}

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder("utf-8", { ignoreBOM: true });

function decodeLine(lineNumber: number, parts: Uint8Array[]): Line {
  const bytes = parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts);
  try {
    return { lineNumber, text: strict.decode(bytes) };
  } catch {
    const issue = rowError("invalid_utf8", `row ${lineNumber} is not valid UTF-8 (save the file as UTF-8)`);
    return { lineNumber, text: lossy.decode(bytes), issue };
  }
}

/**
 * Splits bytes on \n, \r\n or \r. A line longer than maxLineBytes is reported, not buffered:
 * its bytes are dropped as they arrive, so one 10 MB line costs no more memory than the limit.
 */
export async function* readLines(source: ByteSource, maxLineBytes = DEFAULT_MAX_LINE_BYTES): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let length = 0;
  let lineNumber = 0;
  let afterCr = false;
  let pending = false;

  const append = (part: Uint8Array) => {
    pending = true;
    length += part.length;
    if (length > maxLineBytes) parts = [];
    else if (part.length > 0) parts.push(part);
  };
  const finishLine = (): Line => {
    lineNumber += 1;
    const line: Line =
      length > maxLineBytes
        ? {
            lineNumber,
            issue: rowError("line_too_long", `row ${lineNumber} is longer than the ${maxLineBytes}-byte line limit (${length} bytes)`),
          }
        : decodeLine(lineNumber, parts);
    parts = [];
    length = 0;
    pending = false;
    return line;
  };

  for await (const chunk of source) {
    let start = 0;
    if (afterCr && chunk.length > 0) {
      if (chunk[0] === LF) start = 1;
      afterCr = false;
    }
    for (let end = nextBreak(chunk, start); end !== -1; end = nextBreak(chunk, start)) {
      append(chunk.subarray(start, end));
      yield finishLine();
      start = end + 1;
      if (chunk[end] === CR) {
        if (start === chunk.length) afterCr = true;
        else if (chunk[start] === LF) start += 1;
      }
    }
    if (start < chunk.length) append(chunk.subarray(start));
  }
  if (pending) yield finishLine();
}
