import { constants, gunzipSync } from "node:zlib";
import { isRecord } from "../formats/fields";
import { isGzip } from "./bytes";
import type { FileFormat } from "./types";

export type RowShape = "yardstick" | "stratix" | "llama-stack-qa" | "llama-stack-messages-answer" | "llama-stack-messages" | "chat";

function extension(filename: string | undefined): string {
  const name = (filename ?? "").toLowerCase().replace(/\.gz$/, "");
  return name.slice(name.lastIndexOf(".") + 1);
}

// Z_SYNC_FLUSH lets a truncated gzip prefix decompress as far as it goes instead of throwing.
function plainText(firstBytes: Uint8Array): string {
  let bytes = firstBytes;
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      return "";
    }
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

/**
 * Guesses the format from the first bytes (content beats the file name: many ".json" downloads are
 * JSONL). A "{" file whose first line is a complete object is JSONL, unless named .json with one line.
 */
export function detectFormat(firstBytes: Uint8Array, filename?: string): FileFormat {
  const text = plainText(firstBytes).trimStart();
  const ext = extension(filename);
  if (text.startsWith("[")) return "json";
  if (text.startsWith("{")) {
    const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "");
    try {
      JSON.parse(lines[0] ?? "");
    } catch {
      return "json";
    }
    return ext === "json" && lines.length < 2 ? "json" : "jsonl";
  }
  if (text === "" && (ext === "jsonl" || ext === "ndjson" || ext === "json")) return ext === "json" ? "json" : "jsonl";
  return "csv";
}

function shapeOf(row: unknown): RowShape | undefined {
  if (!isRecord(row)) return undefined;
  const has = (key: string) => key in row;
  if (has("type") && has("input") && has("truth") && has("tags")) return "yardstick";
  if (has("input") && has("truth")) return "stratix";
  if ((has("question") || has("input_query")) && (has("answer") || has("expected_answer"))) return "llama-stack-qa";
  if (has("chat_completion_input") && has("expected_answer")) return "llama-stack-messages-answer";
  if (has("messages") && has("answer")) return "llama-stack-messages-answer";
  if (has("messages") && has("completion")) return "chat";
  if (has("messages")) return "llama-stack-messages";
  return undefined;
}

/**
 * The mapper that fits most of the first rows (a few malformed rows must not hide the format);
 * with no clear majority the UI asks for a field mapping.
 */
export function detectRowShape(rows: readonly unknown[]): RowShape | undefined {
  const counts = new Map<RowShape | undefined, number>();
  for (const row of rows) counts.set(shapeOf(row), (counts.get(shapeOf(row)) ?? 0) + 1);
  const ranked = [...counts.entries()].filter(([shape]) => shape).sort((a, b) => b[1] - a[1]);
  const [best, n = 0] = ranked[0] ?? [];
  const tied = (ranked[1]?.[1] ?? 0) === n;
  return !tied && n * 2 >= rows.length ? best : undefined;
}
