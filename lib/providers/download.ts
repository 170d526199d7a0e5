import { fetch } from "undici";
import { AppError } from "@/lib/errors";
import { outboundAgent } from "./agent";
import { decodePercent } from "@/lib/validation/percent";
import { assertSafeUrl } from "./url-safety";

const MAX_REDIRECTS = 3;

/** Streams an http(s) download through the same URL safety as model calls, capped at maxBytes. */
export async function* download(raw: string, maxBytes: number, field = "source.uri"): AsyncGenerator<Uint8Array> {
  let href = raw;
  for (let hop = 0; ; hop++) {
    // Every hop passes the same checks as the first URL, so a refusal is a 4xx naming the rule.
    await assertSafeUrl(href, field);
    const url = new URL(href);
    const response = await fetch(url, { dispatcher: outboundAgent, redirect: "manual", signal: AbortSignal.timeout(120_000) }).catch(
      (error: Error) => {
        throw AppError.field(
          field,
          `Could not download ${url.host}: ${(error.cause as Error | undefined)?.message ?? error.message}`,
          "unprocessable",
        );
      },
    );
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location && hop < MAX_REDIRECTS) {
      await response.body?.cancel();
      href = URL.canParse(location, url) ? new URL(location, url).href : location;
      continue;
    }
    if (!response.ok || !response.body) throw AppError.field(field, `Download failed with HTTP ${response.status}`, "unprocessable");
    if (Number(response.headers.get("content-length") ?? 0) > maxBytes)
      throw new AppError("payload_too_large", `The download is larger than ${maxBytes} bytes`);
    let total = 0;
    for await (const chunk of response.body) {
      total += chunk.length;
      if (total > maxBytes) throw new AppError("payload_too_large", `The download is larger than ${maxBytes} bytes`);
      yield chunk;
    }
    return;
  }
}

/** Decodes a `data:` URI (base64 or percent-encoded) into bytes. */
export function decodeDataUri(uri: string, field = "source.uri"): Buffer {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(uri);
  if (!match) throw AppError.field(field, "Not a valid data: URI");
  if (match[2]) return Buffer.from(match[3] ?? "", "base64");
  const text = decodePercent(match[3] ?? "");
  if (text === undefined) throw AppError.field(field, `${field} has a broken percent escape (write % as %25, or use ;base64)`);
  return Buffer.from(text);
}
