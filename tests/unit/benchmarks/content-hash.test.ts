import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, hashTasks } from "@/lib/benchmarks/content-hash";
import { fieldMapper } from "@/lib/benchmarks/formats/field-mapping";
import { stratixMapper } from "@/lib/benchmarks/formats/stratix";
import { openCsv } from "@/lib/benchmarks/read/csv";
import { readJsonl } from "@/lib/benchmarks/read/jsonl";
import { Task } from "@/lib/benchmarks/task";
import { validateRows } from "@/lib/benchmarks/validate";
import { chunked } from "./helpers";

describe("canonicalJson", () => {
  it("sorts keys at every level and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"z":0}]},"b":1}');
  });
});

describe("hashTasks", () => {
  const task = Task.parse({ type: "qa", input: "q", truth: "a" });

  it("is the SHA-256 of one canonical JSON line per task", () => {
    const expected = createHash("sha256")
      .update(`${canonicalJson(task)}\n`)
      .digest("hex");
    expect(hashTasks([task])).toBe(expected);
    expect(hashTasks([])).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("ignores key order but not task order", () => {
    const reordered = Task.parse({ truth: "a", input: "q", type: "qa" });
    const other = Task.parse({ type: "qa", input: "q2", truth: "a" });
    expect(hashTasks([reordered, other])).toBe(hashTasks([task, other]));
    expect(hashTasks([other, task])).not.toBe(hashTasks([task, other]));
  });

  it("is the same for the same tasks from JSONL (LF) and CSV (CRLF)", async () => {
    const jsonl = '{"input":"What is\\n2+2?","truth":"4","subset":"math"}\n{"input":"Capital of France?","truth":"Paris"}\n';
    const csv = 'input,truth,subset\r\n"What is\r\n2+2?",4,math\r\nCapital of France?,Paris,\r\n';
    const fromJsonl = await validateRows(readJsonl(chunked(jsonl)), stratixMapper(), { format: "jsonl" });
    const { rows } = await openCsv(chunked(csv));
    const mapping = fieldMapper({ input_field: "input", truth_field: "truth", subset_field: "subset" });
    const fromCsv = await validateRows(rows, mapping, { format: "csv" });
    expect(fromCsv.valid).toBe(2);
    expect(fromCsv.contentHash).toBe(fromJsonl.contentHash);
    expect(fromCsv.contentHash).toBe(hashTasks(fromJsonl.tasks));
  });
});
