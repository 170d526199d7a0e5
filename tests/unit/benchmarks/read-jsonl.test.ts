import { describe, expect, it } from "vitest";
import { BenchmarkFileError } from "@/lib/benchmarks/file-error";
import { readJsonl } from "@/lib/benchmarks/read/jsonl";
import { chunked, collect, gzip, types } from "./helpers";

const read = (input: string | Uint8Array, options = {}) => collect(readJsonl(chunked(input), options));

describe("readJsonl", () => {
  it("reads one object per line with line numbers as rows, skipping blank lines", async () => {
    const rows = await read('{"a":1}\n\n  \n{"a":2}\n');
    expect(rows).toEqual([
      { row: 1, value: { a: 1 }, issues: [] },
      { row: 4, value: { a: 2 }, issues: [] },
    ]);
  });

  it("strips a UTF-8 BOM and handles CRLF", async () => {
    const rows = await read('\uFEFF{"a":1}\r\n{"a":2}\r\n');
    expect(rows.map((r) => r.value)).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it("reports bad JSON per row and keeps reading", async () => {
    const rows = await read('{"a":1}\n{"a":\n{"a":3}');
    expect(rows.map((r) => types(r.issues))).toEqual([[], ["invalid_json"], []]);
    expect(rows[1]?.issues[0]?.message).toMatch(/^row 2 is not valid JSON/);
  });

  it("yields nothing for an empty file", async () => {
    expect(await read("")).toEqual([]);
    expect(await read("\uFEFF\n\r\n")).toEqual([]);
  });

  it("gunzips input that starts with 1f 8b", async () => {
    const rows = await read(gzip('\uFEFF{"a":1}\n{"a":2}\n'));
    expect(rows.map((r) => r.value)).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it("fails clearly on corrupt gzip", async () => {
    const broken = gzip('{"a":1}\n'.repeat(100)).subarray(0, 20);
    await expect(read(broken)).rejects.toMatchObject({ type: "invalid_gzip" });
  });

  it("enforces the size limit after decompression (gzip bombs)", async () => {
    const error = await read(gzip(`${'{"a":1}\n'.repeat(10_000)}`), { maxBytes: 1000 }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkFileError);
    expect(error).toMatchObject({ type: "too_large", code: "payload_too_large" });
  });

  it("reports a 10 MB line as a row error and goes on", async () => {
    const big = `{"input":"${"x".repeat(10 * 1024 * 1024)}","truth":"1"}`;
    const rows = await collect(readJsonl(chunked(`{"a":1}\n${big}\n{"a":3}\n`, 65_536)));
    expect(rows.map((r) => [r.row, types(r.issues)])).toEqual([
      [1, []],
      [2, ["line_too_long"]],
      [3, []],
    ]);
  });

  it("reports non-UTF-8 rows", async () => {
    const bytes = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n{"a":2}\n')]);
    const rows = await read(bytes);
    expect(rows.map((r) => types(r.issues))).toEqual([["invalid_utf8"], []]);
    expect(rows[0]?.issues[0]?.message).toContain("row 1 is not valid UTF-8");
  });
});
