import { describe, expect, it } from "vitest";
import { JsonInputError, jsonProblem, MAX_JSON_DEPTH, parseJsonInput, textProblem } from "@/lib/validation/json-input";

describe("the text policy", () => {
  it("refuses NUL and lone surrogates, accepts paired surrogates and ordinary control characters", () => {
    expect(textProblem("a\u0000b")).toMatch(/NUL character \(U\+0000\) at character 2/);
    expect(textProblem("\ud800x")).toMatch(/lone surrogate \(U\+D800\) at character 1/);
    expect(textProblem("x\udc00")).toMatch(/lone surrogate \(U\+DC00\) at character 2/);
    expect(textProblem("emoji 😀 tab\t newline\n \u0001")).toBeUndefined();
  });

  it("names the first offending field of a JSON value, keys included, in document order", () => {
    expect(jsonProblem({ a: "ok", b: ["x", "y\u0000"], c: "\ud800" })).toMatchObject({ path: "b.1" });
    expect(jsonProblem({ "k\u0000": 1 }, "query")).toMatchObject({ path: "query.k\u0000" });
    expect(jsonProblem({ a: 1, b: [true, null] })).toBeUndefined();
  });

  it("limits nesting without recursing, so 50,000 levels answer instead of overflowing the stack", () => {
    const deep = JSON.parse(`${"[".repeat(50_000)}${"]".repeat(50_000)}`);
    expect(jsonProblem(deep)?.message).toMatch(`nests deeper than ${MAX_JSON_DEPTH} levels`);
    const ok = JSON.parse(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`);
    expect(jsonProblem(ok)).toBeUndefined();
    expect(() => parseJsonInput(`{"a":${"[".repeat(100)}${"]".repeat(100)}}`)).toThrow(JsonInputError);
    expect(() => parseJsonInput("{")).toThrow(SyntaxError);
  });
});
