import { CronExpressionParser } from "cron-parser";
import cronstrue from "cronstrue";
import type { Cadence } from "@/db/schema";

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** Why a cron expression or time zone is unusable, or null. Five fields only: the scheduler ticks once a minute. */
export function cronProblem(expression: string, timezone: string): string | null {
  if (expression.trim().split(/\s+/).length !== 5) return "a cron expression has five fields: minute hour day-of-month month day-of-week";
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
  } catch {
    return `unknown time zone "${timezone}"`;
  }
  try {
    CronExpressionParser.parse(expression, { tz: timezone });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const cronAt = (cadence: Extract<Cadence, { kind: "cron" }>, at: Date) =>
  CronExpressionParser.parse(cadence.expression, { tz: cadence.timezone, currentDate: at });

/** The latest occurrence at or before `now` (none before `startAt`). */
export function latestOccurrence(cadence: Cadence, startAt: Date, now: Date): Date | null {
  if (now < startAt) return null;
  if (cadence.kind === "interval") {
    const step = cadence.every * UNIT_MS[cadence.unit];
    return new Date(startAt.getTime() + Math.floor((now.getTime() - startAt.getTime()) / step) * step);
  }
  // prev() is strictly before currentDate: look from one millisecond later so an occurrence at `now` counts.
  const previous = cronAt(cadence, new Date(now.getTime() + 1))
    .prev()
    .toDate();
  return previous >= startAt ? previous : null;
}

/** The first occurrence strictly after `after` (and not before `startAt`). */
export function nextOccurrence(cadence: Cadence, startAt: Date, after: Date): Date {
  if (after < startAt) {
    const first =
      cadence.kind === "interval"
        ? startAt
        : cronAt(cadence, new Date(startAt.getTime() - 1))
            .next()
            .toDate();
    return first;
  }
  if (cadence.kind === "interval") {
    const step = cadence.every * UNIT_MS[cadence.unit];
    return new Date(startAt.getTime() + (Math.floor((after.getTime() - startAt.getTime()) / step) + 1) * step);
  }
  return cronAt(cadence, after).next().toDate();
}

/**
 * The occurrence a scheduler tick at `now` should fire: the latest one due after the last fired. Missed
 * occurrences (the instance was down) collapse into that one, so a restart never starts a backlog.
 */
export function dueOccurrence(cadence: Cadence, startAt: Date, lastDueAt: Date, now: Date): Date | null {
  const latest = latestOccurrence(cadence, startAt, now);
  return latest && latest > lastDueAt ? latest : null;
}

/** "At 09:00, only on Monday (Europe/Paris)", "Every 6 hours". */
export function describeCadence(cadence: Cadence): string {
  if (cadence.kind === "interval")
    return cadence.every === 1 ? `Every ${cadence.unit.slice(0, -1)}` : `Every ${cadence.every} ${cadence.unit}`;
  try {
    return `${cronstrue.toString(cadence.expression, { use24HourTimeFormat: true, verbose: false })} (${cadence.timezone})`;
  } catch {
    return "Not a valid cron expression";
  }
}
