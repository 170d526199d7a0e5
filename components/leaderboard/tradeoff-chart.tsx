"use client";

import { ChartFigure } from "@/components/charts/chart-figure";
import { CartesianGrid, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import { paretoFrontier } from "@/lib/reports/rank";
import { formatAxisCost } from "./axis-format";

export type TradeoffPoint = { label: string; x: number; score: number };

/**
 * Score against cost or latency; the Pareto frontier (nothing cheaper/faster scores higher) is joined by
 * a line and its points drawn larger. Decorative for screen readers: the table holds the same numbers.
 */
export function TradeoffChart({
  points,
  title,
  xLabel,
  xKind,
}: {
  points: TradeoffPoint[];
  title: string;
  xLabel: string;
  /** How x reads on the axis and in the tooltip: "$0.004" or "1.2 s" (a name, as server components pass no functions). */
  xKind: "cost" | "seconds";
}) {
  const xFormat = xKind === "cost" ? formatAxisCost : (v: number) => `${v} s`;
  const frontier = new Set(paretoFrontier(points.map((p) => ({ x: p.x, y: p.score }))));
  const data = points.map((p, i) => ({ ...p, y: p.score * 100, size: frontier.has(i) ? 140 : 50 }));
  const front = data.filter((_, i) => frontier.has(i)).sort((a, b) => a.x - b.x);
  const others = data.filter((_, i) => !frontier.has(i));
  return (
    <ChartFigure
      title={
        <>
          {title} <span className="font-normal">(Pareto frontier: {front.map((p) => p.label).join(", ") || "—"})</span>
        </>
      }
    >
      <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
        <XAxis
          type="number"
          dataKey="x"
          name={xLabel}
          tickFormatter={xFormat}
          tick={{ fill: "currentColor", fontSize: 12 }}
          stroke="currentColor"
        />
        <YAxis
          type="number"
          dataKey="y"
          name="Score"
          unit="%"
          domain={[0, 100]}
          tick={{ fill: "currentColor", fontSize: 12 }}
          stroke="currentColor"
          width={48}
        />
        <ZAxis type="number" dataKey="size" range={[50, 140]} />
        <Tooltip
          cursor={{ strokeDasharray: "3 3" }}
          formatter={(v, name) =>
            typeof v !== "number" ? String(v) : name === "Score" ? `${v.toFixed(1)}%` : name === xLabel ? xFormat(v) : String(v)
          }
          labelFormatter={() => ""}
        />
        <Scatter name="Models" data={others} fill="#8a94a6" isAnimationActive={false} />
        <Scatter
          name="Pareto frontier"
          data={front}
          fill="#2f6fde"
          line={{ stroke: "#2f6fde", strokeWidth: 2 }}
          isAnimationActive={false}
        />
      </ScatterChart>
    </ChartFigure>
  );
}
