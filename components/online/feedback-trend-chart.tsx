"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/charts/chart-figure";
import type { FeedbackPoint } from "@/lib/services/use-cases/overview";

const COLORS = ["#2f6fde", "#d97706", "#059669", "#9333ea", "#dc2626", "#0891b2"];

/** One feedback key's daily rate (bool) or mean (scalar) per model; the table beside it has n and intervals. */
export function FeedbackTrendChart({ feedbackKey, points }: { feedbackKey: string; points: FeedbackPoint[] }) {
  const bool = points[0]?.kind === "bool";
  const scale = bool ? 100 : 1;
  const models = [...new Set(points.map((p) => p.model))];
  const days = [...new Set(points.map((p) => p.day))];
  const data = days.map((day) => ({
    day,
    ...Object.fromEntries(points.filter((p) => p.day === day).map((p) => [p.model, Math.round(p.value * scale * 10) / 10])),
  }));
  return (
    <ChartFigure title={`${feedbackKey}: daily ${bool ? "rate" : "mean"} per model`} height="h-56">
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} vertical={false} />
        <XAxis dataKey="day" tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" />
        <YAxis
          domain={bool ? [0, 100] : ["auto", "auto"]}
          unit={bool ? "%" : ""}
          tick={{ fill: "currentColor", fontSize: 12 }}
          stroke="currentColor"
          width={48}
        />
        <Tooltip />
        <Legend />
        {models.map((m, i) => (
          <Line key={m} dataKey={m} stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </ChartFigure>
  );
}
