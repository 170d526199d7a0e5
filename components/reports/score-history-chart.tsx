"use client";

import { ChartFigure } from "@/components/charts/chart-figure";
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { HistoryPoint } from "@/lib/services/reports/model-history";

/** One benchmark's score over successive runs: the line is the score, the band its 95% interval. */
export function ScoreHistoryChart({ title, points }: { title: string; points: HistoryPoint[] }) {
  const data = points.map((p) => ({
    when: new Date(p.finished_at).toLocaleDateString("en-US", { month: "short", day: "numeric" }),
    score: p.value * 100,
    band: p.ci ? [Math.max(0, p.ci[0]) * 100, Math.min(1, p.ci[1]) * 100] : [p.value * 100, p.value * 100],
  }));
  return (
    <ChartFigure title={title} height="h-56">
      <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} vertical={false} />
        <XAxis dataKey="when" tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" />
        <YAxis domain={[0, 100]} unit="%" tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" width={48} />
        <Tooltip
          formatter={(v) => (Array.isArray(v) ? v.map((x) => `${Number(x).toFixed(1)}%`).join(" – ") : `${Number(v).toFixed(1)}%`)}
        />
        <Area dataKey="band" name="95% interval" stroke="none" fill="#2f6fde" fillOpacity={0.2} isAnimationActive={false} />
        <Line dataKey="score" name="Score" stroke="#2f6fde" strokeWidth={2} dot isAnimationActive={false} />
      </ComposedChart>
    </ChartFigure>
  );
}
