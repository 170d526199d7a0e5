import type { HistogramBar } from "@/components/charts/histogram";
import { formatInt } from "./format";
import { type HistogramBin, type RunSummary, scorerNames } from "./types";

export type Distribution = { title: string; bars: (HistogramBar & { lo: number })[] };

const seconds = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} s`;
const chars = (v: number) => formatInt(Math.round(v));
const plain = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));

function labelled(bins: HistogramBin[] | undefined, format: (v: number) => string): Distribution["bars"] {
  return (bins ?? []).map((b) => ({ lo: b.lo, label: b.lo === b.hi ? format(b.lo) : `${format(b.lo)}–${format(b.hi)}`, count: b.count }));
}

/** Latency, response length and every numeric scorer, from the histograms stored in the summary. */
export function distributionsOf(
  summary: Pick<RunSummary, "primary_scorer" | "scorers"> & Partial<Pick<RunSummary, "stats">>,
): Distribution[] {
  const all: Distribution[] = [
    { title: "Latency per task", bars: labelled(summary.stats?.secondsPerTask?.histogram, seconds) },
    { title: "Response length (characters)", bars: labelled(summary.stats?.responseLength?.histogram, chars) },
    ...scorerNames(summary).map((name) => ({ title: `Scores: ${name}`, bars: labelled(summary.scorers[name]?.histogram, plain) })),
  ];
  return all.filter((d) => d.bars.length > 0);
}
