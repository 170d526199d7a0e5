import { describe, expect, it } from "vitest";
import { readJsonArray } from "@/lib/benchmarks/read/json-array";
import { chunked, collect, gzip } from "./helpers";

const read = (input: string | Uint8Array, options = {}) => collect(readJsonArray(chunked(input), options));

describe("readJsonArray", () => {
  it("numbers array elements from 1", async () => {
    expect(await read('\uFEFF[{"a":1},{"a":2}]')).toEqual([
      { row: 1, value: { a: 1 }, issues: [] },
      { row: 2, value: { a: 2 }, issues: [] },
    ]);
  });

  it("accepts {rows} and Llama Stack {source: {type: rows, rows}}", async () => {
    expect((await read('{"rows":[1]}')).map((r) => r.value)).toEqual([1]);
    expect((await read(gzip('{"purpose":"eval/question-answer","source":{"type":"rows","rows":[2]}}'))).map((r) => r.value)).toEqual([2]);
  });

  it("treats an empty file as no rows", async () => {
    expect(await read("  \n")).toEqual([]);
  });

  it("fails the file on bad JSON, a non-array, bad UTF-8 or excess size", async () => {
    await expect(read('[{"a":1},')).rejects.toMatchObject({ type: "invalid_json" });
    await expect(read('{"a":1}')).rejects.toMatchObject({ type: "wrong_type" });
    await expect(read(Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x5d]))).rejects.toMatchObject({ type: "invalid_utf8" });
    await expect(read("[1,2,3,4,5]", { maxBytes: 5 })).rejects.toMatchObject({ type: "too_large", code: "payload_too_large" });
  });
});
