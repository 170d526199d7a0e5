import { describe, expect, it } from "vitest";
import { openCsv } from "@/lib/benchmarks/read/csv";
import { chunked, collect, gzip, types } from "./helpers";

async function read(input: string | Uint8Array, options = {}) {
  const { header, rows } = await openCsv(chunked(input), options);
  return { header, rows: await collect(rows) };
}

describe("openCsv", () => {
  it("keys rows by the trimmed header and numbers them by line (header is line 1)", async () => {
    const { header, rows } = await read("q , a\nWhat?,yes\n");
    expect(header).toEqual(["q", "a"]);
    expect(rows).toEqual([{ row: 2, value: { q: "What?", a: "yes" }, issues: [] }]);
  });

  it("parses BOM + CRLF files, with line breaks inside quoted cells normalised to \\n", async () => {
    const { header, rows } = await read('\uFEFFq,a\r\n"line one\r\nline two",x\r\n\r\nnext,y\r\n', { maxLineBytes: 100 });
    expect(header).toEqual(["q", "a"]);
    expect(rows.map((r) => [r.row, r.value])).toEqual([
      [2, { q: "line one\nline two", a: "x" }],
      [5, { q: "next", a: "y" }],
    ]);
  });

  it("reads gzip input", async () => {
    const { rows } = await read(gzip("q,a\n1,2\n"));
    expect(rows.map((r) => r.value)).toEqual([{ q: "1", a: "2" }]);
  });

  it("rejects duplicate header names", async () => {
    await expect(read("q,a,q\n1,2,3\n")).rejects.toMatchObject({ type: "duplicate_column", message: expect.stringContaining('"q"') });
  });

  it("returns no header and no rows for an empty file", async () => {
    expect(await read("")).toEqual({ header: [], rows: [] });
  });

  it("reports rows with the wrong number of cells", async () => {
    const { rows } = await read("q,a\n1,2\n1\n1,2,3\n4,5\n");
    expect(rows.map((r) => [r.row, types(r.issues)])).toEqual([
      [2, []],
      [3, ["column_count"]],
      [4, ["column_count"]],
      [5, []],
    ]);
    expect(rows[1]?.issues[0]?.message).toBe("row 3 has 1 cells but the header has 2");
  });

  it("reports malformed quotes with their line numbers (relax_quotes off)", async () => {
    const { rows } = await read('q,a\n1,2\n3,b"ad\n6,7\n');
    expect(rows.map((r) => [r.row, types(r.issues)])).toEqual([
      [2, []],
      [3, ["malformed_csv"]],
      [4, []],
    ]);
    expect(rows[1]?.issues[0]?.message).toMatch(/^row 3: /);
  });

  it("reports an unclosed quote", async () => {
    const { rows } = await read('q,a\n1,2\n"open,3\n6,7\n');
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(types(rows[1]?.issues ?? [])).toEqual(["malformed_csv"]);
  });

  it("reports non-UTF-8 rows and too-long lines by line number, in order", async () => {
    const bytes = Buffer.concat([Buffer.from("q,a\nok,1\nbad"), Buffer.from([0xff]), Buffer.from(`,2\n${"x".repeat(200)},3\nend,4\n`)]);
    const { rows } = await read(bytes, { maxLineBytes: 100 });
    expect(rows.map((r) => [r.row, types(r.issues)])).toEqual([
      [2, []],
      [3, ["invalid_utf8"]],
      [4, ["line_too_long"]],
      [5, []],
    ]);
  });
});

describe("openCsv header problems", () => {
  it("rejects an unreadable header row", async () => {
    const bytes = Buffer.concat([Buffer.from("q,"), Buffer.from([0xff]), Buffer.from("\n1,2\n")]);
    await expect(openCsv(chunked(bytes))).rejects.toMatchObject({ type: "invalid_header" });
  });
});

describe("openCsv after a bad closing quote", () => {
  // csv-parse cannot resynchronise after `"bad"q`: later rows are lost, and we say so on that row.
  it("reports both problems on the offending row", async () => {
    const { rows } = await read('q,a\n1,2\n5,"bad"q\n6,7\n8,9\n');
    expect(rows.map((r) => [r.row, r.issues.length])).toEqual([
      [2, 0],
      [3, 2],
    ]);
    expect(rows[1]?.issues[1]?.message).toContain("the rest of the file could not be read");
  });
});
