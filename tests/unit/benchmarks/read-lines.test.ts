import { describe, expect, it } from "vitest";
import { readLines } from "@/lib/benchmarks/read/lines";
import { chunked, collect } from "./helpers";

const texts = async (input: string | Uint8Array, size?: number) => (await collect(readLines(chunked(input, size)))).map((l) => l.text);

describe("readLines", () => {
  it.each([1, 2, 3, 64])("splits \\n, \\r\\n and \\r alike with %i-byte chunks", async (size) => {
    expect(await texts("a\nb\r\nc\rd", size)).toEqual(["a", "b", "c", "d"]);
    expect(await texts("a\r\n\r\nb\r\n", size)).toEqual(["a", "", "b"]);
  });

  it("numbers lines from 1 and keeps a last line without a newline", async () => {
    const lines = await collect(readLines(chunked("x\ny")));
    expect(lines.map((l) => l.lineNumber)).toEqual([1, 2]);
  });

  it("decodes multi-byte characters split across chunks", async () => {
    expect(await texts("héllo → 世界\n", 1)).toEqual(["héllo → 世界"]);
  });

  it("reports non-UTF-8 lines by number and goes on", async () => {
    const bytes = Buffer.concat([Buffer.from("ok\n"), Buffer.from([0x66, 0xff, 0xfe, 0x0a]), Buffer.from("fine")]);
    const lines = await collect(readLines(chunked(bytes)));
    expect(lines.map((l) => l.issue?.type)).toEqual([undefined, "invalid_utf8", undefined]);
    expect(lines[1]?.issue?.message).toContain("row 2 is not valid UTF-8");
    expect(lines[2]?.text).toBe("fine");
  });

  it("reports a 10 MB line without buffering it, then reads the next line", async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 0x61);
    async function* source() {
      yield Buffer.from("first\n");
      for (let i = 0; i < big.length; i += 65_536) yield big.subarray(i, i + 65_536);
      yield Buffer.from("\nlast\n");
    }
    const lines = await collect(readLines(source(), 1024 * 1024));
    expect(lines.map((l) => l.text)).toEqual(["first", undefined, "last"]);
    expect(lines[1]).toMatchObject({ lineNumber: 2, issue: { type: "line_too_long", level: "error" } });
    expect(lines[1]?.issue?.message).toContain(`(${big.length} bytes)`);
  });
});
