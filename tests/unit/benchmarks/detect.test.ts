import { describe, expect, it } from "vitest";
import { detectFormat, detectRowShape } from "@/lib/benchmarks/read/detect";
import { gzip } from "./helpers";

const bytes = (text: string) => Buffer.from(text, "utf8");

describe("detectFormat", () => {
  it.each([
    ['{"a":1}\n{"a":2}\n', undefined, "jsonl"],
    ['\uFEFF  {"a":1}\r\n', "data.jsonl", "jsonl"],
    ['{"a":1}\n{"a":2}\n', "misnamed.json", "jsonl"],
    ['{"rows":[{"a":1}]}', "data.json", "json"],
    ['{\n  "rows": []\n}', undefined, "json"],
    ["[\n{}]", "x.csv", "json"],
    ["question,answer\n1,2\n", undefined, "csv"],
    ["", "empty.jsonl", "jsonl"],
  ])("%j (%s) → %s", (text, filename, format) => {
    expect(detectFormat(bytes(text), filename)).toBe(format);
  });

  it("looks inside gzip, even a truncated prefix", () => {
    const big = gzip(`${'{"input":"q","truth":"a"}\n'.repeat(5000)}`);
    expect(detectFormat(big.subarray(0, 200), "x.jsonl.gz")).toBe("jsonl");
    expect(detectFormat(gzip("q,a\n1,2\n"))).toBe("csv");
  });
});

describe("detectRowShape", () => {
  it.each([
    [[{ input: "q", truth: "a" }], "stratix"],
    [[{ question: "q", answer: "a" }], "llama-stack-qa"],
    [[{ messages: [], answer: "a" }], "llama-stack-messages-answer"],
    [[{ messages: [], completion: "a" }], "chat"],
    [[{ messages: [] }], "llama-stack-messages"],
    [[{ type: "qa", input: "q", truth: "a", tags: [] }], "yardstick"],
  ])("%j → %s", (rows, shape) => {
    expect(detectRowShape(rows)).toBe(shape);
  });

  it("gives up when rows disagree or fit nothing", () => {
    expect(
      detectRowShape([
        { input: "q", truth: "a" },
        { question: "q", answer: "a" },
      ]),
    ).toBeUndefined();
    expect(detectRowShape([{ prompt: "q" }])).toBeUndefined();
    expect(detectRowShape([])).toBeUndefined();
  });

  it("follows the majority, so a malformed row does not hide the format", () => {
    expect(detectRowShape([{ input: "q", truth: "a" }, { input: "q" }])).toBe("stratix");
    expect(detectRowShape([{ input: "q", truth: "a" }, { foo: 1 }, { bar: 2 }])).toBeUndefined();
  });
});
