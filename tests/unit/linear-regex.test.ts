import { describe, expect, it } from "vitest";
import { FieldMapping, fieldMapper } from "@/lib/benchmarks/formats/field-mapping";
import { LinearRegExp, regexError } from "@/lib/linear-regex";
import { evaluateExpression } from "@/lib/prompts/jsonata";
import { firstRegexMatch, RegexSource } from "@/lib/scoring/regex";
import { refusal, RefusalParams } from "@/lib/scoring/scorers/refusal";
import { SubsetOfParams, subsetOf } from "@/lib/scoring/scorers/contains";
import { ctx as scoreCtx } from "./scoring/factories";

// On a backtracking engine each of these takes tens of seconds (2^30 steps); linear time answers at once.
const CATASTROPHIC = "^(a+)+$";
const INPUT = `${"a".repeat(30)}!`;

/** Runs fn and returns its result with the elapsed milliseconds. */
function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  return [fn(), performance.now() - start];
}

describe("user regexes run in linear time", () => {
  it("matches like RegExp for ordinary patterns, with groups, indices in UTF-16 units and flags", () => {
    const re = new LinearRegExp("(\\d+)(x)?", "g");
    expect([...re.matchAll("é😀 42 and 7x")].map((m) => [m.index, m[1], m[2]])).toEqual([
      [4, "42", undefined],
      [11, "7", "x"],
    ]);
    expect(new LinearRegExp("ANSWER: (\\w+)", "i").exec("the answer: Paris")?.[1]).toBe("Paris");
    expect(new LinearRegExp(",|;").split("a, b;c")).toEqual(["a", " b", "c"]);
    expect(new LinearRegExp("(?<n>\\p{L}+)").exec("12 été")?.[1]).toBe("été");
  });

  it("refuses lookaround and backreferences with a message saying why", () => {
    expect(regexError("(?=a)b")).toMatch(/\(\?=/);
    expect(regexError("(a)\\1")).toMatch(/\\1/);
    expect(RegexSource.safeParse("(a)\\1").error?.issues[0]?.message).toMatch(/RE2 syntax/);
    expect(FieldMapping.safeParse({ input_field: "q", truth_field: "a", truth_regex: "(?!x)" }).success).toBe(false);
  });

  it("a catastrophic pattern answers at once in scorers, truth regexes and JSONata", async () => {
    const [match, ms] = timed(() => firstRegexMatch(INPUT, [CATASTROPHIC], { ignoreCase: false, occurrence: "first" }));
    expect(match).toBeNull();
    expect(ms).toBeLessThan(500);
    const map = fieldMapper({ input_field: "q", truth_field: "a", truth_regex: CATASTROPHIC });
    expect(timed(() => map({ q: "x", a: INPUT }, 1))[1]).toBeLessThan(500);
    const ctx = scoreCtx(INPUT);
    expect(timed(() => refusal(ctx, RefusalParams.parse({ extra_patterns: [CATASTROPHIC] })))[1]).toBeLessThan(500);
    expect(timed(() => subsetOf(ctx, SubsetOfParams.parse({ separator: "(a+)+b" })))[1]).toBeLessThan(500);
    const start = performance.now();
    const result = await evaluateExpression("parsing", `$match(response, /${CATASTROPHIC}/)`, { response: INPUT });
    expect(performance.now() - start).toBeLessThan(1000);
    expect(result).toEqual({ ok: true, value: null });
    expect(await evaluateExpression("parsing", `$replace(response, /(a+)+!/, "x")`, { response: INPUT })).toEqual({ ok: true, value: "x" });
  });
});
