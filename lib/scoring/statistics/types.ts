export type Interval = [number, number];

/** One aggregated score: how many results it covers, the estimate, its interval and how that was computed. */
export type Aggregate = {
  n: number;
  value: number;
  ci: Interval | null;
  method: string;
};

export const DEFAULT_CONFIDENCE = 0.95;
