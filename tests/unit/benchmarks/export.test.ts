import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_EXPORT_COLUMNS, escapeFormula, tasksToCsv, tasksToJsonl } from "@/lib/benchmarks/export";
import { nativeMapper } from "@/lib/benchmarks/formats/native";
import { readJsonl } from "@/lib/benchmarks/read/jsonl";
import { Task } from "@/lib/benchmarks/task";
import { validateRows } from "@/lib/benchmarks/validate";
import { chunked, collect } from "./helpers";

const tasks = [
  Task.parse({
    type: "MCQ",
    input: "=cmd|' /C calc'!A0",
    truth: ["+1"],
    choices: { correct: ["+1"], incorrect: ["-1", "@SUM(A1)"] },
    tags: ["x"],
  }),
  Task.parse({ type: "bool", input: [{ role: "user", content: 'Is it, "quoted"?' }], truth: false, redacted: true }),
  Task.parse({ type: "json", input: "\tTabbed", truth: { a: 1 }, json_schema_ref: "s", metadata: { src: "x" } }),
];

describe("escapeFormula", () => {
  it.each(["=1+1", "+1+1", "-1+2", "-A1", "@SUM(A1)", "\tx", "\rx", "-"])("prefixes %j with a quote", (cell) => {
    expect(escapeFormula(cell)).toBe(`'${cell}`);
  });

  it.each(["1", "a=b", "", "Hello", "-1", "-3.25", "+0.5", "-1e-3"])("leaves %j alone", (cell) => {
    expect(escapeFormula(cell)).toBe(cell);
  });
});

describe("tasksToCsv", () => {
  it("writes a header and escapes formula-like cells", async () => {
    const csv = (await collect(tasksToCsv(tasks))).join("");
    const records = parse(csv) as string[][];
    expect(records[0]).toEqual([...CSV_EXPORT_COLUMNS]);
    const first = Object.fromEntries(CSV_EXPORT_COLUMNS.map((c, i) => [c, records[1]?.[i]]));
    expect(first).toMatchObject({
      type: "MCQ",
      input: "'=cmd|' /C calc'!A0",
      truth: '["+1"]',
      mcq_incorrect: '["-1","@SUM(A1)"]',
      redacted: "false",
    });
    const second = Object.fromEntries(CSV_EXPORT_COLUMNS.map((c, i) => [c, records[2]?.[i]]));
    expect(second).toMatchObject({ input: '[{"role":"user","content":"Is it, \\"quoted\\"?"}]', truth: "false", redacted: "true" });
    expect(records[3]?.[1]).toBe("'\tTabbed");
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});

describe("tasksToJsonl", () => {
  it("round-trips through the native mapper", async () => {
    const jsonl = (await collect(tasksToJsonl(tasks))).join("");
    const result = await validateRows(readJsonl(chunked(jsonl)), nativeMapper, { format: "jsonl" });
    expect(result.errors).toEqual([]);
    expect(result.tasks).toEqual(tasks);
  });
});
