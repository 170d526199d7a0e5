import type { Aggregate, RunStatus } from "./types";

const PROPORTION_METHODS = new Set(["wilson", "clustered-t", "bootstrap-percentile"]);
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 4 });
const integer = new Intl.NumberFormat("en-US");

/** Proportions read as percentages; metrics (lengths, grades) as plain numbers. */
export function isProportion(a: Pick<Aggregate, "value" | "method">): boolean {
  return PROPORTION_METHODS.has(a.method) || (a.value !== null && a.value >= 0 && a.value <= 1 && a.method === "t");
}

// A proportion's interval bound is shown inside [0, 100%]: a t interval on few clusters can overshoot.
function number(v: number, percent: boolean): string {
  return percent ? (Math.min(1, Math.max(0, v)) * 100).toFixed(1) : v.toFixed(v >= 100 ? 0 : 2);
}

/** The estimate alone: "72.5%" for a proportion, "12.40" for a metric. */
export function formatValue(a: Pick<Aggregate, "value" | "method">, percent = isProportion(a)): string {
  return a.value === null || !Number.isFinite(a.value) ? "—" : `${number(a.value, percent)}${percent ? "%" : ""}`;
}

/** The 95% interval alone: "[68.1, 76.5]". */
export function formatInterval(a: Pick<Aggregate, "value" | "ci" | "method">, percent = isProportion(a)): string {
  return a.ci ? `[${number(a.ci[0], percent)}, ${number(a.ci[1], percent)}]` : "—";
}

/** "72.5% [68.1, 76.5], n=400" — the estimate, its 95% interval and how many results it covers. */
export function formatScore(a: Pick<Aggregate, "value" | "ci" | "n" | "method">, percent = isProportion(a)): string {
  if (a.value === null || !Number.isFinite(a.value)) return `—, n=${a.n}`;
  return `${formatValue(a, percent)}${a.ci ? ` ${formatInterval(a, percent)}` : ""}, n=${a.n}`;
}

/** The start of a long text, for tables and lists; the drill-down shows it whole. */
export const excerpt = (text: string | null, max = 160) => (text == null ? "—" : text.length > max ? `${text.slice(0, max)}…` : text);

export function formatCost(n: number | null | undefined): string {
  return n == null ? "—" : usd.format(n);
}

export function formatInt(n: number | null | undefined): string {
  return n == null ? "—" : integer.format(n);
}

/** 75 → "1 min 15 s"; 3700 → "1 h 2 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

export function durationBetween(start: string | null, end: string | null): number | null {
  if (!start) return null;
  return ((end ? new Date(end) : new Date()).getTime() - new Date(start).getTime()) / 1000;
}

export const STATUS_LABELS = {
  scheduled: "Scheduled",
  in_progress: "Running",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
} as const satisfies Record<RunStatus, string>;
