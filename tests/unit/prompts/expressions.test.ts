import { describe, expect, it } from "vitest";
import { defaultStage } from "@/lib/prompts/defaults";
import { evaluateExpression } from "@/lib/prompts/jsonata";
import { MAX_SOURCE_CHARS } from "@/lib/prompts/limits";
import { contextFor, makeTask, mcqTask } from "./factories";

describe("evaluateExpression", () => {
  it("evaluates parsing and grading expressions against the context", async () => {
    const context = contextFor("grading", makeTask(), { response: "  It is Paris. ", parsed: "Paris" });
    expect(await evaluateExpression("parsing", "$trim($substringAfter(response, 'is'))", context)).toEqual({ ok: true, value: "Paris." });
    expect(await evaluateExpression("grading", "parsed = task.truth", context)).toEqual({ ok: true, value: true });
    expect(await evaluateExpression("grading", "nothing.here", context)).toEqual({ ok: true, value: null });
  });

  it("reports syntax errors with position, line and column", async () => {
    const end = await evaluateExpression("grading", "parsed = ", {});
    expect(end).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "S0207", line: 1, message: expect.stringMatching(/Unexpected end of expression/) }),
    });
    const multiline = await evaluateExpression("parsing", "(\n  $x := 1;\n  $x + )", {});
    expect(multiline).toMatchObject({
      ok: false,
      error: { line: 3, column: 8, position: 20, message: expect.stringMatching(/near "\)"/) },
    });
  });

  it("reports runtime errors with their location", async () => {
    const result = await evaluateExpression("grading", '\n$number("abc")', {});
    expect(result).toMatchObject({ ok: false, error: { code: "D3030", line: 2 } });
  });

  it("stops runaway tail recursion with the time limit", async () => {
    const started = Date.now();
    const result = await evaluateExpression("grading", "($f := function($x){$f($x)}; $f(1))", {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: "D1012", message: expect.stringMatching(/timeout after 250 milliseconds.*infinite loop/i) },
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("stops deep recursion with the depth limit", async () => {
    const result = await evaluateExpression("grading", "($f := function($x){1 + $f($x)}; $f(1))", {});
    expect(result).toMatchObject({ ok: false, error: { code: "D1011", message: expect.stringMatching(/stack overflow/i) } });
  });

  it("bounds sequences and the size of source and result", async () => {
    expect(await evaluateExpression("grading", "$count([1..200000])", {})).toMatchObject({ ok: false, error: { code: "D2015" } });
    expect(await evaluateExpression("grading", `${" ".repeat(MAX_SOURCE_CHARS)}1`, {})).toMatchObject({
      ok: false,
      error: { code: "too_long" },
    });
    expect(await evaluateExpression("grading", '$pad("", 300000, "x")', {})).toMatchObject({ ok: false, error: { code: "too_long" } });
    expect(await evaluateExpression("grading", "   ", {})).toMatchObject({ ok: false, error: { code: "empty" } });
  });

  it("has no way to process, require, globals or prototypes", async () => {
    const context = contextFor("grading", makeTask(), { response: "x" });
    for (const source of [
      "$process",
      "process",
      "$require",
      "globalThis",
      "response.constructor",
      "task.__proto__",
      "$lookup(task, 'constructor')",
      'response.constructor.constructor("return process")()',
      '$eval("$process.exit(1)")',
    ]) {
      expect(await evaluateExpression("grading", source, context)).toEqual({ ok: true, value: null });
    }
    expect(await evaluateExpression("grading", '$require("fs")', context)).toMatchObject({ ok: false, error: { code: "T1006" } });
  });

  it("refuses to return functions", async () => {
    expect(await evaluateExpression("grading", "function($x){$x}", {})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/returned a function/) },
    });
  });
});

describe("default parsing and grading expressions", () => {
  async function parseAndGrade(task: ReturnType<typeof makeTask>, response: string) {
    const parsing = await evaluateExpression("parsing", defaultStage("parsing", task.type), contextFor("parsing", task, { response }));
    if (!parsing.ok) throw new Error(parsing.error.message);
    const grading = await evaluateExpression(
      "grading",
      defaultStage("grading", task.type),
      contextFor("grading", task, { response, parsed: parsing.value }),
    );
    return { parsed: parsing.value, grade: grading.ok ? grading.value : grading.error };
  }

  it("MCQ", async () => {
    const task = mcqTask();
    const correct = contextFor("grading", task).correct?.[0] ?? "";
    expect(await parseAndGrade(task, `The answer is ${correct}.`)).toEqual({ parsed: correct, grade: true });
    const wrong = ["A", "B", "C", "D"].find((l) => l !== correct) ?? "";
    expect((await parseAndGrade(task, wrong)).grade).toBe(false);
  });

  it("bool", async () => {
    const task = makeTask({ type: "bool", input: "Is water wet?", truth: true });
    expect(await parseAndGrade(task, " True ")).toEqual({ parsed: "true", grade: true });
    expect((await parseAndGrade(task, "yes")).grade).toBe(true);
    expect((await parseAndGrade(task, "no")).grade).toBe(false);
  });

  it("json", async () => {
    const task = makeTask({ type: "json", input: "Give n.", truth: { n: 1 } });
    expect(await parseAndGrade(task, '```json\n{"n": 1}\n```')).toEqual({ parsed: { n: 1 }, grade: true });
    expect((await parseAndGrade(task, '{"n": 2}')).grade).toBe(false);
  });

  it("qa and FRQ accept any listed answer, case-insensitively", async () => {
    const task = makeTask({ type: "FRQ", input: "Group of whales?", truth: ["pod", "school"] });
    expect((await parseAndGrade(task, " Pod ")).grade).toBe(true);
    expect((await parseAndGrade(makeTask(), "paris")).grade).toBe(true);
    expect((await parseAndGrade(makeTask(), "Lyon")).grade).toBe(false);
  });
});
