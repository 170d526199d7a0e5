import { describe, expect, it } from "vitest";
import { stratixMapper } from "@/lib/benchmarks/formats/stratix";
import { types } from "./helpers";

const map = stratixMapper();

describe("stratixMapper", () => {
  it("maps {input, truth, subset} to a qa task", () => {
    expect(map({ input: "What is 2+2?", truth: "4", subset: "math" }, 1)).toEqual({
      task: { type: "qa", input: "What is 2+2?", truth: "4", subset: "math", tags: [], redacted: false, metadata: {} },
      errors: [],
    });
  });

  it("accepts chat messages as input and keeps unknown keys as metadata", () => {
    const { task } = map({ input: [{ role: "user", content: "Hi" }], truth: "Hello", id: 7 }, 1);
    expect(task?.input).toEqual([{ role: "user", content: "Hi" }]);
    expect(task?.metadata).toEqual({ id: 7 });
  });

  it("accepts a numeric truth as text", () => {
    expect(map({ input: "2+2", truth: 4 }, 1).task?.truth).toBe("4");
  });

  it("reports missing fields, wrong types and non-objects", () => {
    expect(types(map({ truth: "4" }, 1).errors)).toEqual(["missing_field"]);
    expect(map({ input: "q" }, 1).errors[0]).toMatchObject({ type: "missing_field", field: "truth", level: "error" });
    expect(types(map({ input: 42.5, truth: ["4"] }, 1).errors)).toEqual(["wrong_type"]);
    expect(types(map({ input: {}, truth: "4" }, 1).errors)).toEqual(["wrong_type"]);
    expect(types(map([1, 2], 1).errors)).toEqual(["wrong_type"]);
    expect(types(map({ input: [{ role: "bot", content: "x" }], truth: "4" }, 1).errors)).toEqual(["invalid_value"]);
  });

  it("parses input_type messages from JSON text", () => {
    const m = stratixMapper({ input_type: "messages" });
    expect(m({ input: '[{"role":"user","content":"Hi"}]', truth: "x" }, 1).task?.input).toEqual([{ role: "user", content: "Hi" }]);
    expect(types(m({ input: "[not json", truth: "x" }, 1).errors)).toEqual(["invalid_json"]);
  });

  it("takes messages from a json_payload and keeps the rest of the payload", () => {
    const m = stratixMapper({ input_type: "json_payload" });
    const payload = { messages: [{ role: "user", content: "Hi" }], temperature: 0 };
    const { task } = m({ input: JSON.stringify(payload), truth: "x" }, 1);
    expect(task?.input).toEqual(payload.messages);
    expect(task?.metadata).toEqual({ input_type: "json_payload", payload: { temperature: 0 } });
    expect(m({ input: { prompt: "Hi" }, truth: "x" }, 1).task?.input).toBe('{"prompt":"Hi"}');
    expect(types(m({ input: "{bad", truth: "x" }, 1).errors)).toEqual(["invalid_json"]);
  });

  it("rejects an unknown per-row input_type", () => {
    expect(types(map({ input: "q", truth: "a", input_type: "xml" }, 1).errors)).toEqual(["invalid_value"]);
  });
});
