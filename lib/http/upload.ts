import { Readable } from "node:stream";
import { isRecord } from "@/lib/benchmarks/formats/fields";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { decodeDataUri, download } from "@/lib/providers/download";
import { RowSource } from "@/lib/validation/benchmarks";
import { parseJsonBody } from "./json-body";
import { zodFieldErrors } from "./problem";

export const maxUploadBytes = () => env().YARDSTICK_MAX_UPLOAD_MB * 1024 * 1024;
const MAX_JSON_BODY = 64 * 1024 * 1024;

async function* once(bytes: Uint8Array): ByteSource {
  yield bytes;
}

/**
 * The rows of an upload. A JSON body carries them as a Llama Stack-style source (`rows`, or a `uri`
 * that is a data: URI or an http(s) URL we download); any other body is the file itself, streamed.
 */
export async function uploadSource(request: Request): Promise<{ source: ByteSource; fields: Record<string, unknown> }> {
  const maxBytes = maxUploadBytes();
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) {
    throw new AppError("payload_too_large", `Uploads are limited to ${env().YARDSTICK_MAX_UPLOAD_MB} MB (YARDSTICK_MAX_UPLOAD_MB)`);
  }
  if (!request.body) throw new AppError("bad_request", "The request has no body: send the file, or JSON with a source");
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) {
    return { source: Readable.fromWeb(request.body as never), fields: {} };
  }
  const text = await request.text();
  if (text.length > MAX_JSON_BODY)
    throw new AppError("payload_too_large", "JSON bodies are limited to 64 MB; upload the file itself instead");
  const body = parseJsonBody(text);
  if (!isRecord(body)) throw new AppError("bad_request", "The request body must be a JSON object");
  const parsed = RowSource.safeParse(body.source ?? (body.rows ? { type: "rows", rows: body.rows } : undefined));
  if (!parsed.success)
    throw new AppError(
      "bad_request",
      "Give the rows as source: {type: 'rows', rows} or {type: 'uri', uri}",
      zodFieldErrors(parsed.error, "source"),
    );
  const { source: _, rows: __, ...fields } = body;
  const src = parsed.data;
  return { source: rowSourceBytes(src), fields: src.type === "rows" ? { ...fields, format: "jsonl" } : fields };
}

/** The bytes of a Llama Stack-style source: rows as JSONL, a data: URI decoded, an http(s) URL downloaded. */
export function rowSourceBytes(src: { rows: Record<string, unknown>[] } | { uri: string }): ByteSource {
  if ("rows" in src) return once(Buffer.from(src.rows.map((r) => JSON.stringify(r)).join("\n")));
  if (src.uri.startsWith("data:")) return once(decodeDataUri(src.uri));
  if (/^https?:\/\//i.test(src.uri)) return download(src.uri, maxUploadBytes());
  throw AppError.field("source.uri", "source.uri must be a data: URI or an http(s) URL");
}
