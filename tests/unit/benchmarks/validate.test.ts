import { existsSync, createReadStream } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvMapper } from "@/lib/benchmarks/formats/csv-mapping";
import { fieldMapper } from "@/lib/benchmarks/formats/field-mapping";
import { llamaStackMapper } from "@/lib/benchmarks/formats/llama-stack";
import { stratixMapper } from "@/lib/benchmarks/formats/stratix";
import { readJsonl } from "@/lib/benchmarks/read/jsonl";
import { openRows, peekRows } from "@/lib/benchmarks/read/open";
import type { Task } from "@/lib/benchmarks/task";
import { validateRows } from "@/lib/benchmarks/validate";
import { chunked, collect, gzip, rowsOf, types } from "./helpers";

describe("validateRows", () => {
  it("keeps good rows, reports bad ones by row and counts everything", async () => {
    const file = '{"input":"2+2?","truth":"4"}\n{"input":\n\n{"truth":"x"}\n[1]\n{"input":"ok","truth":"y","subset":"s"}\n';
    const result = await validateRows(readJsonl(chunked(file)), stratixMapper(), { format: "jsonl" });
    expect(result).toMatchObject({ format: "jsonl", total: 5, valid: 2, errorRows: 3, errorCount: 3, warningCount: 0 });
    expect(result.errors.map((e) => [e.row, types(e.errors)])).toEqual([
      [2, ["invalid_json"]],
      [4, ["missing_field"]],
      [5, ["wrong_type"]],
    ]);
    expect(result.tasks.map((t) => t.input)).toEqual(["2+2?", "ok"]);
    expect(result.recommendedMinTasks).toBe(2);
    expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reports an empty file as a file-level (row 0) error", async () => {
    const result = await validateRows(readJsonl(chunked("")), stratixMapper(), { format: "jsonl" });
    expect(result).toMatchObject({ total: 0, valid: 0, errorCount: 1, errors: [{ row: 0, errors: [{ type: "empty_file" }] }] });
  });

  it("keeps only the first maxErrorRows rows of errors but counts all", async () => {
    const rows = rowsOf(Array.from({ length: 30 }, () => ({ truth: "x" })));
    const result = await validateRows(rows, stratixMapper(), { format: "json", maxErrorRows: 10 });
    expect(result.errors).toHaveLength(10);
    expect(result.errors[9]?.row).toBe(10);
    expect(result).toMatchObject({ total: 30, valid: 0, errorRows: 30, errorCount: 30 });
  });

  it("streams good tasks to onTask in order without collecting them", async () => {
    const seen: [number, Task][] = [];
    const values = [{ input: "a", truth: "1" }, { input: "" }, { input: "c", truth: "3" }];
    const result = await validateRows(rowsOf(values), stratixMapper(), {
      format: "json",
      onTask: async (task, row) => {
        seen.push([row, task]);
      },
    });
    expect(seen.map(([row, task]) => [row, task.input])).toEqual([
      [1, "a"],
      [3, "c"],
    ]);
    expect(result.tasks).toEqual([]);
    expect(result.valid).toBe(2);
  });

  it("stops with a 413-style file error past maxTasks", async () => {
    const rows = rowsOf(Array.from({ length: 5 }, (_, i) => ({ input: `q${i}`, truth: "a" })));
    await expect(validateRows(rows, stratixMapper(), { format: "json", maxTasks: 3 })).rejects.toMatchObject({
      type: "too_many_tasks",
      code: "payload_too_large",
    });
  });

  it("previews the first five tasks as a model sees them", async () => {
    const rows = rowsOf(Array.from({ length: 8 }, (_, i) => ({ input: `q${i}`, truth: "a" })));
    const { preview } = await validateRows(rows, stratixMapper(), { format: "json", seed: 1 });
    expect(preview).toHaveLength(5);
    expect(preview[0]).toMatchObject({ row: 1, prompt: { messages: [{ role: "user", content: "q0" }] } });
  });

  it("counts post-training rows as valid but not runnable, and excludes them from the sample size", async () => {
    const rows = rowsOf([
      {
        messages: [
          { role: "user", content: "Hi" },
          { role: "assistant", content: "Hello" },
        ],
      },
    ]);
    const result = await validateRows(rows, llamaStackMapper("post-training/messages"), { format: "json" });
    expect(result).toMatchObject({ valid: 1, notRunnable: 1, recommendedMinTasks: 0 });
  });

  it("imports a gzipped CRLF CSV with a column mapping end to end", async () => {
    const csv = "\uFEFFQ,Right,Wrong,Kind\r\n2+2?,4,5,\r\nSky is blue,,,bool\r\n=cmd,x,y,essay\r\n";
    const opened = await openRows(chunked(gzip(csv)), { filename: "tasks.csv.gz" });
    expect(opened.format).toBe("csv");
    const mapper = csvMapper(
      { question: "Q", type: "Kind", default_type: "MCQ", mcq_correct: ["Right"], mcq_incorrect: ["Wrong"], bool_correct: "Right" },
      opened.header ?? [],
    );
    const result = await validateRows(opened.rows, mapper, { format: opened.format });
    expect(result.valid).toBe(1);
    expect(result.errors.map((e) => [e.row, types(e.errors)])).toEqual([
      [3, ["invalid_value"]],
      [4, ["invalid_value"]],
    ]);
  });
});

describe("openRows / peekRows", () => {
  it("detects JSONL and replays peeked rows", async () => {
    const opened = await openRows(chunked('{"question":"q","answer":"a"}\n{"question":"r","answer":"b"}\n'));
    expect(opened.format).toBe("jsonl");
    const { first, rows } = await peekRows(opened.rows, 1);
    expect(first.map((r) => r.value)).toEqual([{ question: "q", answer: "a" }]);
    expect((await collect(rows)).map((r) => r.row)).toEqual([1, 2]);
  });

  it("refuses a .gz file that is not gzip, naming the file, and reads a real one", async () => {
    const text = "\u0000\u0001binary that is not gzip";
    await expect(openRows(chunked(text), { filename: "tasks.jsonl.gz" })).rejects.toMatchObject({
      type: "invalid_gzip",
      message: "tasks.jsonl.gz ends in .gz but is not gzip-compressed: compress it or drop the .gz",
    });
    const real = await openRows(chunked(gzip('{"input":"q","truth":"a"}\n')), { filename: "tasks.jsonl.gz" });
    expect((await collect(real.rows)).map((r) => r.value)).toEqual([{ input: "q", truth: "a" }]);
  });
});

const gsm8k = path.resolve(process.cwd(), "../shared/data/gsm8k/test.jsonl");

describe("GSM8K test set through the field mapping", () => {
  it.skipIf(!existsSync(gsm8k))("yields 1,319 valid tasks with the number after #### as truth", async () => {
    const mapper = fieldMapper({ input_field: "question", truth_field: "answer", truth_regex: "####\\s*([^\\n]+)$" });
    const result = await validateRows(readJsonl(createReadStream(gsm8k)), mapper, { format: "jsonl" });
    expect(result).toMatchObject({ total: 1319, valid: 1319, errorCount: 0 });
    // The first problem is Janet's ducks: 16 − 3 − 4 = 9 eggs at $2 → "#### 18" in the file.
    expect(result.tasks[0]?.input).toMatch(/^Janet’s ducks lay 16 eggs/);
    expect(result.tasks[0]?.truth).toBe("18");
    expect(result.recommendedMinTasks).toBe(298);
  });
});

describe("subset-like columns and the column report", () => {
  it.each(["subset", "category", "Split"])("maps a %s column to the subset and reports what each column became", async (name) => {
    const csv = `question,answer,${name},source\nWhat is 2+2?,4,arithmetic,web\n`;
    const opened = await openRows(chunked(csv), { filename: "tasks.csv" });
    const result = await validateRows(opened.rows, llamaStackMapper("eval/question-answer"), { format: "csv" });
    expect(result.tasks[0]).toMatchObject({ subset: "arithmetic", metadata: { source: "web" } });
    expect(result.tasks[0]?.metadata).not.toHaveProperty(name);
    expect(result.columns).toEqual([
      { column: "question", becomes: "input" },
      { column: "answer", becomes: "truth" },
      { column: name, becomes: "subset" },
      { column: "source", becomes: "metadata.source" },
    ]);
  });

  it("prefers subset over category, keeping category as metadata (Stratix rows)", async () => {
    const row = '{"input":"q","truth":"a","category":"c","subset":"s"}\n';
    const result = await validateRows(readJsonl(chunked(row)), stratixMapper(), { format: "jsonl" });
    expect(result.tasks[0]).toMatchObject({ subset: "s", metadata: { category: "c" } });
    expect(result.columns.find((c) => c.column === "category")?.becomes).toBe("metadata.category");
  });
});
