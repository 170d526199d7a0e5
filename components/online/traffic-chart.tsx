"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/charts/chart-figure";
import type { TrafficPoint } from "@/lib/services/use-cases/overview";

const COLORS = ["#2f6fde", "#d97706", "#059669", "#9333ea", "#dc2626", "#0891b2"];

/** Calls per day, stacked by model. */
export function TrafficChart({ points }: { points: TrafficPoint[] }) {
  const models = [...new Set(points.map((p) => p.model))];
  const days = [...new Set(points.map((p) => p.day))];
  const data = days.map((day) => ({ day, ...Object.fromEntries(points.filter((p) => p.day === day).map((p) => [p.model, p.count])) }));
  return (
    <ChartFigure title="Calls per day by model (last 30 days)">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} vertical={false} />
        <XAxis dataKey="day" tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" />
        <YAxis allowDecimals={false} tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" width={40} />
        <Tooltip />
        <Legend />
        {models.map((m, i) => (
          <Bar key={m} dataKey={m} stackId="calls" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFigure>
  );
}
