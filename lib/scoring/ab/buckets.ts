import { type ArmEstimate, armEstimate, type FeedbackKind } from "./arm-estimate";
import { type SequenceOptions, type SequentialDifference, sequentialDifference } from "./confidence-sequence";
import { addMoments, EMPTY_MOMENTS, type Moments, unclustered } from "./moments";

/** Feedback sums of one arm in one period (e.g. an hour), kept as feedback is written. */
export type BucketRow = { arm: number; start: number; moments: Moments };
export type SeriesPoint = { at: number; arms: ArmEstimate[]; differences: (SequentialDifference | null)[] };

/** Rows grouped by period start, in time order (Map.groupBy needs Node 21). */
function byPeriod<R extends { start: number }>(rows: readonly R[]): [number, R[]][] {
  const groups = new Map<number, R[]>();
  for (const row of rows) groups.set(row.start, [...(groups.get(row.start) ?? []), row]);
  return [...groups.entries()].sort((a, b) => a[0] - b[0]);
}

export function bucketStart(at: Date, periodMs: number): Date {
  return new Date(Math.floor(at.getTime() / periodMs) * periodMs);
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
/** How long a test keeps minute buckets before switching to hour buckets. */
export const FINE_BUCKETS_MS = 2 * HOUR_MS;

/**
 * The bucket an event of a test started at `startedAt` goes to: minutes for its first two hours (a new
 * test's charts move at once), hours after that, so a month-long test keeps about 750 rows per arm.
 */
export function bucketFor(at: Date, startedAt: Date): Date {
  return bucketStart(at, at.getTime() - startedAt.getTime() < FINE_BUCKETS_MS ? MINUTE_MS : HOUR_MS);
}

/**
 * Cumulative value of every arm at the end of each period, and each arm's confidence sequence against
 * the control: the data of the "over time" charts. Buckets hold plain sums, so these ignore user
 * clustering (the headline table does not).
 */
export function cumulativeSeries(
  rows: readonly BucketRow[],
  arms: number,
  control: number,
  kind: FeedbackKind,
  options: SequenceOptions = {},
): SeriesPoint[] {
  const totals: Moments[] = Array.from({ length: arms }, () => EMPTY_MOMENTS);
  return byPeriod(rows).map(([at, group]) => {
    for (const row of group) totals[row.arm] = addMoments(totals[row.arm] as Moments, row.moments);
    const moments = totals.map(unclustered);
    const base = moments[control];
    return {
      at,
      arms: moments.map((m) => armEstimate(m, kind)),
      differences: moments.map((m, i) => (i === control || !base ? null : sequentialDifference(m, base, options))),
    };
  });
}

/** Share of the test's requests each arm got per period, for the traffic chart against the planned split. */
export function trafficShares(
  rows: readonly { arm: number; start: number; count: number }[],
  arms: number,
): { at: number; shares: number[] }[] {
  return byPeriod(rows).map(([at, group]) => {
    const counts = new Array<number>(arms).fill(0);
    for (const r of group) counts[r.arm] = (counts[r.arm] as number) + r.count;
    const total = counts.reduce((s, c) => s + c, 0);
    return { at, shares: counts.map((c) => (total === 0 ? 0 : c / total)) };
  });
}
