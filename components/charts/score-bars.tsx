"use client";

import { ChartFigure } from "@/components/charts/chart-figure";
import { Bar, BarChart, CartesianGrid, ErrorBar, Tooltip, XAxis, YAxis } from "recharts";

export type ScoreBar = { label: string; value: number; ci: [number, number] | null };

/**
 * Scores as bars with their 95% intervals as error bars. Decorative for screen readers: pages show
 * the same numbers in a table, so the figure carries only a text summary.
 */
export function ScoreBars({ bars, title, percent = true }: { bars: ScoreBar[]; title: string; percent?: boolean }) {
  const scale = percent ? 100 : 1;
  const data = bars.map((b) => ({
    label: b.label,
    value: b.value * scale,
    // Proportion intervals are drawn inside [0, 100%] (a t interval on few clusters can overshoot).
    error: b.ci
      ? [
          Math.max(0, (b.value - (percent ? Math.max(0, b.ci[0]) : b.ci[0])) * scale),
          Math.max(0, ((percent ? Math.min(1, b.ci[1]) : b.ci[1]) - b.value) * scale),
        ]
      : [0, 0],
  }));
  return (
    <ChartFigure title={title}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} vertical={false} />
        <XAxis dataKey="label" tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" interval={0} />
        <YAxis
          domain={percent ? [0, 100] : [0, "auto"]}
          tick={{ fill: "currentColor", fontSize: 12 }}
          stroke="currentColor"
          unit={percent ? "%" : ""}
          width={48}
        />
        <Tooltip formatter={(v) => (typeof v === "number" ? `${v.toFixed(1)}${percent ? "%" : ""}` : String(v))} />
        <Bar dataKey="value" name="Score" fill="#2f6fde" isAnimationActive={false}>
          <ErrorBar dataKey="error" width={8} stroke="currentColor" strokeWidth={2} direction="y" isAnimationActive={false} />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}
