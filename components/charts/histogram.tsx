"use client";

import { ChartFigure } from "@/components/charts/chart-figure";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";

/** One bin, labelled by the server (functions cannot cross into a client component). */
export type HistogramBar = { label: string; count: number };

/**
 * A distribution as adjacent bars, one per bin. Decorative for screen readers like ScoreBars: pages
 * show the bins in a table, so the figure carries only its caption.
 */
export function Histogram({ bars, title }: { bars: HistogramBar[]; title: string }) {
  return (
    <ChartFigure title={title} height="h-48">
      <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} barCategoryGap={1} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} vertical={false} />
        <XAxis dataKey="label" tick={{ fill: "currentColor", fontSize: 11 }} stroke="currentColor" minTickGap={16} />
        <YAxis allowDecimals={false} tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" width={40} />
        <Tooltip />
        <Bar dataKey="count" name="Results" fill="#2f6fde" isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
