import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/export/download";

async function text(lines: AsyncIterable<string>) {
  let out = "";
  for await (const line of lines) out += line;
  return out;
}

describe("toCsv", () => {
  it("writes numbers (negative ones too) as numbers and escapes only formula-like text", async () => {
    const rows = [{ n: -3, s: "-2.5", f: "=1+2", m: "-1+2", t: "\tx", q: "plain" }];
    const columns = Object.keys(rows[0] as object).map((key) => ({ header: key, value: (r: Record<string, unknown>) => r[key] }));
    const [record] = parse(await text(toCsv(columns, rows)), { columns: true }) as Record<string, string>[];
    expect(record).toEqual({ n: "-3", s: "-2.5", f: "'=1+2", m: "'-1+2", t: "'\tx", q: "plain" });
  });
});
