import { describe, expect, it } from "vitest";
import { CreateAlert, CreateSchedule, CreateSubscription } from "@/lib/validation/automation";

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join(".")) ?? [];
const id = "00000000-0000-4000-8000-000000000001";

describe("automation inputs", () => {
  it("name the field of a bad cadence", () => {
    const base = { name: "n", model_ids: [id], benchmark_ids: [id] };
    expect(
      CreateSchedule.safeParse({ ...base, cadence: { kind: "cron", expression: "0 9 * * 1", timezone: "Europe/Paris" } }).success,
    ).toBe(true);
    expect(paths(CreateSchedule.safeParse({ ...base, cadence: { kind: "cron", expression: "0 9 *", timezone: "UTC" } }))).toEqual([
      "cadence.expression",
    ]);
    expect(paths(CreateSchedule.safeParse({ ...base, cadence: { kind: "interval", every: 0, unit: "hours" } }))).toEqual(["cadence.every"]);
    expect(paths(CreateSchedule.safeParse({ ...base, model_ids: [], cadence: { kind: "interval", every: 1, unit: "days" } }))).toEqual([
      "model_ids",
    ]);
  });

  it("require a threshold for threshold triggers and a score for regressions", () => {
    expect(paths(CreateAlert.safeParse({ name: "a", triggers: [{ metric: "score", condition: "threshold" }] }))).toEqual([
      "triggers.0.threshold",
    ]);
    expect(paths(CreateAlert.safeParse({ name: "a", triggers: [{ metric: "cost_per_1k", condition: "regression" }] }))).toEqual([
      "triggers.0.metric",
    ]);
    expect(paths(CreateAlert.safeParse({ name: "a", triggers: [] }))).toEqual(["triggers"]);
  });

  it("require a destination and exactly one thing to hear about", () => {
    expect(paths(CreateSubscription.safeParse({ kind: "webhook", run_events: ["run.completed"] }))).toEqual(["url"]);
    expect(paths(CreateSubscription.safeParse({ kind: "email", email: "a@b.test" }))).toEqual(["alert_id"]);
    expect(paths(CreateSubscription.safeParse({ kind: "in_app", alert_id: id, run_events: ["run.failed"] }))).toEqual(["alert_id"]);
    expect(paths(CreateSubscription.safeParse({ kind: "in_app", alert_id: id, model_id: id }))).toEqual(["model_id"]);
    expect(CreateSubscription.safeParse({ kind: "in_app", run_events: ["run.failed"], benchmark_id: id }).success).toBe(true);
  });
});
