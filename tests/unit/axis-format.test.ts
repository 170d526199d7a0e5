import { describe, expect, it } from "vitest";
import { formatAxisCost } from "@/components/leaderboard/axis-format";

describe("formatAxisCost", () => {
  it.each([
    [0, "$0"],
    [0.004, "$0.004"],
    [0.0125, "$0.013"],
    [0.5, "$0.5"],
    [12, "$12"],
    [1500, "$1.5K"],
  ])("writes %s as %s", (value, text) => {
    expect(formatAxisCost(value)).toBe(text);
  });
});
