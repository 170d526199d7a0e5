import { describe, expect, it } from "vitest";
import { CompareQuery } from "@/lib/services/reports/compare-query";

const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];

describe("CompareQuery", () => {
  it("reads the task filter form as submitted: an empty subset means any", () => {
    expect(CompareQuery.parse({ runs: [a, b], filter: "flipped", subset: "" })).toMatchObject({
      runs: [a, b],
      filter: "flipped",
      subset: undefined,
    });
  });

  it("takes runs as a comma-separated list and refuses a run listed twice", () => {
    expect(CompareQuery.parse({ runs: `${a},${b}` }).runs).toEqual([a, b]);
    expect(CompareQuery.safeParse({ runs: [a, a] }).error?.issues[0]?.message).toBe("runs lists a run twice");
  });
});
