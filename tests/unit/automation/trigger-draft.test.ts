import { describe, expect, it } from "vitest";
import { describeError, draftOf, emptyDraft, triggerOf } from "@/components/automation/trigger-draft";
import { CreateAlert } from "@/lib/validation/automation";

const parse = (triggers: unknown[]) => CreateAlert.safeParse({ name: "a", triggers });

describe("alert form trigger rows", () => {
  it("turn each kind of row into a trigger the API accepts, and back into the same row", () => {
    const rows = [
      {
        ...emptyDraft(0),
        metric: "error_rate" as const,
        threshold: "0.2",
        invert: true,
        model_ids: ["3f0c5a8e-63a4-4bb5-9a4e-0b5b3a3c2d1e"],
      },
      { ...emptyDraft(1), watch: "regression" as const, p_value: "0.01", scorer: "exact_match" },
      { ...emptyDraft(2), watch: "ab_test_completed" as const, use_case_ids: ["7c9e6679-7425-40de-944b-e07fc1f90ae7"] },
      { ...emptyDraft(3), watch: "ab_test_srm" as const },
    ];
    const parsed = parse(rows.map(triggerOf));
    expect(parsed.success).toBe(true);
    const saved = parsed.data?.triggers ?? [];
    expect(saved.map((t, i) => draftOf(t, i))).toEqual(rows.map((r) => ({ ...r, p_value: r.watch === "regression" ? r.p_value : "0.05" })));
    expect(saved[1]).toMatchObject({ kind: "run", metric: "score", condition: "regression", threshold: null, p_value: 0.01 });
  });

  it("send an empty threshold as null, so the API names the row's missing field", () => {
    const parsed = parse([triggerOf(emptyDraft(0)), triggerOf({ ...emptyDraft(1), watch: "regression", p_value: "2" })]);
    const issues = parsed.error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];
    expect(issues).toEqual([
      ["triggers.0.threshold", "threshold is required for a threshold trigger"],
      ["triggers.1.p_value", "p_value is at most 0.5"],
    ]);
    expect(describeError("triggers.0.threshold", "threshold is required")).toBe("Trigger 1, Threshold: threshold is required");
    expect(describeError("changes.triggers.1.p_value", "too big", "changes.")).toBe("Trigger 2, Significance level: too big");
    expect(describeError("changes.triggers", "add at least one trigger", "changes.")).toBe("Triggers: add at least one trigger");
    expect(describeError("name", "name is required")).toBe("Name: name is required");
  });
});
