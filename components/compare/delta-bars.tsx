"use client";

import { ChartFigure } from "@/components/charts/chart-figure";
import { Bar, BarChart, CartesianGrid, ErrorBar, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

export type DeltaBar = { label: string; value: number; ci: [number, number] | null };

/**
 * Paired differences per subset as bars around zero with their 95% intervals. Decorative for screen
 * readers: the page shows the same numbers in a table.
 */
export function DeltaBars({ bars, title, percent }: { bars: DeltaBar[]; title: string; percent: boolean }) {
  const scale = percent ? 100 : 1;
  const data = bars.map((b) => ({
    label: b.label,
    value: b.value * scale,
    error: b.ci ? [(b.value - b.ci[0]) * scale, (b.ci[1] - b.value) * scale] : [0, 0],
  }));
  // Symmetric about zero so the sign of a bar reads at a glance.
  const reach = Math.max(1e-9, ...data.map((d) => Math.abs(d.value) + Math.max(...d.error)));
  return (
    <ChartFigure title={title}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} vertical={false} />
        <XAxis dataKey="label" tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" interval={0} />
        <YAxis
          domain={[-reach, reach]}
          tickFormatter={(v: number) => v.toFixed(percent ? 0 : 2)}
          tick={{ fill: "currentColor", fontSize: 12 }}
          stroke="currentColor"
          unit={percent ? " pts" : ""}
          width={64}
        />
        <ReferenceLine y={0} stroke="currentColor" />
        <Tooltip formatter={(v) => (typeof v === "number" ? `${v.toFixed(percent ? 1 : 3)}${percent ? " pts" : ""}` : String(v))} />
        <Bar dataKey="value" name="Difference" fill="#2f6fde" isAnimationActive={false}>
          <ErrorBar dataKey="error" width={8} stroke="currentColor" strokeWidth={2} direction="y" isAnimationActive={false} />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}
