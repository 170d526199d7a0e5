import { describe, expect, it } from "vitest";
import { describeParamIssues, PARAM_SCHEMAS, paramDocs, scorerParamDocs } from "@/lib/scoring/param-docs";
import { NumericParams } from "@/lib/scoring/scorers/numeric";
import { ExactMatchParams } from "@/lib/scoring/scorers/exact-match";

describe("scorer parameter docs", () => {
  it("lists a scorer's parameters with their type, default and description", () => {
    expect(paramDocs(NumericParams)).toEqual([
      {
        name: "absolute_tolerance",
        type: "number (0 to …)",
        required: false,
        default: "0.000001",
        description: "Largest absolute difference from the truth that still passes",
      },
      {
        name: "relative_tolerance",
        type: "number (0 to …)",
        required: false,
        default: "0",
        description: "Fraction of |truth|; the larger tolerance applies",
      },
      {
        name: "extract",
        type: '"whole" | "first" | "last"',
        required: false,
        default: '"last"',
        description: "Which number of the answer to read when it is not a bare number",
      },
    ]);
  });

  it("flattens nested options and marks required parameters", () => {
    const names = paramDocs(ExactMatchParams).map((d) => d.name);
    expect(names).toEqual([
      "normalization",
      "normalization.ignore_case",
      "normalization.collapse_whitespace",
      "normalization.strip_punctuation",
      "normalization.strip_articles",
    ]);
    const judge = scorerParamDocs().llm_as_judge ?? [];
    expect(judge.filter((d) => d.required).map((d) => d.name)).toEqual(["judge_model_id", "prompt_template"]);
  });

  it("describes every parameter of every scorer in one line", () => {
    for (const [scorer, docs] of Object.entries(scorerParamDocs())) {
      for (const doc of docs) expect(doc.description, `${scorer}.${doc.name}`).toMatch(/^[^\n]{10,200}$/);
    }
  });

  it("lists the allowed keys when a key is unknown, at the level where it is unknown", () => {
    const top = NumericParams.safeParse({ tolerance: 1 });
    expect(describeParamIssues(NumericParams, top.error?.issues ?? [])).toBe(
      'Unrecognized key: "tolerance"; allowed: absolute_tolerance, relative_tolerance, extract',
    );
    const nested = ExactMatchParams.safeParse({ normalization: { lowercase: true } });
    expect(describeParamIssues(ExactMatchParams, nested.error?.issues ?? [])).toBe(
      'normalization: Unrecognized key: "lowercase"; allowed: ignore_case, collapse_whitespace, strip_punctuation, strip_articles',
    );
    const none = PARAM_SCHEMAS.boolean as typeof NumericParams;
    expect(describeParamIssues(none, none.safeParse({ x: 1 }).error?.issues ?? [])).toMatch(/allowed: none/);
  });
});
