import { describe, expect, it } from "vitest";
import { cronProblem, describeCadence, dueOccurrence, latestOccurrence, nextOccurrence } from "@/lib/automation/cadence";

const at = (iso: string) => new Date(iso);
const monday9Paris = { kind: "cron" as const, expression: "0 9 * * 1", timezone: "Europe/Paris" };
const every90m = { kind: "interval" as const, every: 90, unit: "minutes" as const };

describe("cadence", () => {
  it("finds cron occurrences in the schedule's time zone", () => {
    // 2026-12-07 is a Monday; Paris is UTC+1 in December, so 09:00 there is 08:00 UTC.
    const start = at("2026-11-01T00:00:00Z");
    expect(nextOccurrence(monday9Paris, start, at("2026-12-03T12:00:00Z")).toISOString()).toBe("2026-12-07T08:00:00.000Z");
    expect(latestOccurrence(monday9Paris, start, at("2026-12-03T12:00:00Z"))?.toISOString()).toBe("2026-11-30T08:00:00.000Z");
    // An occurrence exactly at `now` is due.
    expect(latestOccurrence(monday9Paris, start, at("2026-12-07T08:00:00Z"))?.toISOString()).toBe("2026-12-07T08:00:00.000Z");
  });

  it("counts intervals from the start date", () => {
    const start = at("2026-12-01T00:00:00Z");
    expect(latestOccurrence(every90m, start, at("2026-12-01T04:00:00Z"))?.toISOString()).toBe("2026-12-01T03:00:00.000Z");
    expect(nextOccurrence(every90m, start, at("2026-12-01T04:00:00Z")).toISOString()).toBe("2026-12-01T04:30:00.000Z");
    expect(nextOccurrence(every90m, start, at("2026-11-30T00:00:00Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(latestOccurrence(every90m, start, at("2026-11-30T00:00:00Z"))).toBeNull();
  });

  it("fires only the latest occurrence after the last fired, so missed ones collapse into one", () => {
    const start = at("2026-12-01T00:00:00Z");
    const last = at("2026-12-01T01:30:00Z");
    expect(dueOccurrence(every90m, start, last, at("2026-12-01T02:59:00Z"))).toBeNull();
    expect(dueOccurrence(every90m, start, last, at("2026-12-01T06:10:00Z"))?.toISOString()).toBe("2026-12-01T06:00:00.000Z");
    expect(dueOccurrence(every90m, start, at("2026-12-01T06:00:00Z"), at("2026-12-01T06:59:00Z"))).toBeNull();
  });

  it("validates five-field cron and known time zones, and describes cadences", () => {
    expect(cronProblem("0 9 * * 1", "UTC")).toBeNull();
    expect(cronProblem("0 0 9 * * 1", "UTC")).toMatch(/five fields/);
    expect(cronProblem("0 9 * * 1", "Mars/Olympus")).toMatch(/time zone/);
    expect(cronProblem("61 9 * * 1", "UTC")).not.toBeNull();
    expect(describeCadence({ kind: "cron", expression: "0 9 * * 1", timezone: "UTC" })).toBe("At 09:00, only on Monday (UTC)");
    expect(describeCadence({ kind: "interval", every: 6, unit: "hours" })).toBe("Every 6 hours");
    expect(describeCadence({ kind: "interval", every: 1, unit: "days" })).toBe("Every day");
  });
});
