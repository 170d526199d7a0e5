"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ARM_COLOURS, type ApiAbTest } from "./types";

const time = (at: number) => new Date(at).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
const axis = { tick: { fill: "currentColor", fontSize: 12 }, stroke: "currentColor" } as const;
const scaleOf = (test: ApiAbTest) => (test.feedback_kind === "bool" ? 100 : 1);

/** Each arm's cumulative value with its 95% interval as a band. */
export function ValueOverTime({ test }: { test: ApiAbTest }) {
  const scale = scaleOf(test);
  const data = test.series.points.map((p) => {
    const row: Record<string, unknown> = { at: p.at };
    p.arms.forEach((a, i) => {
      const label = test.arms[i]?.arm ?? String(i);
      row[label] = a.value === null || !Number.isFinite(a.value) ? null : a.value * scale;
      row[`${label} band`] = a.ci ? [a.ci[0] * scale, a.ci[1] * scale] : null;
    });
    return row;
  });
  return (
    <ChartFigure title={`Cumulative ${test.feedback_key} per arm, with 95% intervals`}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
        <XAxis dataKey="at" tickFormatter={time} {...axis} />
        <YAxis {...axis} unit={scale === 100 ? "%" : ""} width={52} />
        <Tooltip labelFormatter={(v) => time(Number(v))} />
        <Legend />
        {test.arms.map((a, i) => (
          <Area
            key={`${a.arm} band`}
            dataKey={`${a.arm} band`}
            legendType="none"
            stroke="none"
            fill={ARM_COLOURS[i]}
            fillOpacity={0.15}
            isAnimationActive={false}
          />
        ))}
        {test.arms.map((a, i) => (
          <Line
            key={a.arm}
            dataKey={a.arm}
            name={`${a.arm} ${a.model}`}
            stroke={ARM_COLOURS[i]}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </ChartFigure>
  );
}

/** Each challenger minus the control with its always-valid confidence sequence, narrowing as feedback accrues. */
export function DifferenceOverTime({ test }: { test: ApiAbTest }) {
  const scale = scaleOf(test);
  const data = test.series.points.map((p) => {
    const row: Record<string, unknown> = { at: p.at };
    p.differences.forEach((d, i) => {
      const label = test.arms[i]?.arm ?? String(i);
      if (!d) return;
      row[label] = Number.isFinite(d.value) ? d.value * scale : null;
      row[`${label} band`] = d.ci ? [d.ci[0] * scale, d.ci[1] * scale] : null;
    });
    return row;
  });
  const challengers = test.arms.slice(1);
  return (
    <ChartFigure title="Difference vs control (A) with its always-valid 95% confidence sequence">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
        <XAxis dataKey="at" tickFormatter={time} {...axis} />
        <YAxis {...axis} unit={scale === 100 ? " pts" : ""} width={60} />
        <Tooltip labelFormatter={(v) => time(Number(v))} />
        <Legend />
        <ReferenceLine y={0} stroke="currentColor" strokeDasharray="4 4" />
        {challengers.map((a, i) => (
          <Area
            key={`${a.arm} band`}
            dataKey={`${a.arm} band`}
            legendType="none"
            stroke="none"
            fill={ARM_COLOURS[i + 1]}
            fillOpacity={0.15}
            isAnimationActive={false}
          />
        ))}
        {challengers.map((a, i) => (
          <Line
            key={a.arm}
            dataKey={a.arm}
            name={`${a.arm} − A`}
            stroke={ARM_COLOURS[i + 1]}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </ChartFigure>
  );
}

/** Each arm's share of the test's requests per period against the planned equal split: a drift is a sample ratio mismatch. */
export function TrafficShare({ test }: { test: ApiAbTest }) {
  const data = test.series.traffic.map((p) => ({
    at: p.at,
    ...Object.fromEntries(p.shares.map((s, i) => [test.arms[i]?.arm ?? String(i), s * 100])),
  }));
  return (
    <ChartFigure title="Traffic share per arm over time, against the planned split">
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
        <XAxis dataKey="at" tickFormatter={time} {...axis} />
        <YAxis {...axis} unit="%" domain={[0, 100]} width={48} />
        <Tooltip labelFormatter={(v) => time(Number(v))} formatter={(v) => (typeof v === "number" ? `${v.toFixed(1)}%` : String(v))} />
        <Legend />
        <ReferenceLine
          y={100 / test.arms.length}
          stroke="currentColor"
          strokeDasharray="4 4"
          label={{ value: "planned", fill: "currentColor", fontSize: 12 }}
        />
        {test.arms.map((a, i) => (
          <Line
            key={a.arm}
            dataKey={a.arm}
            name={`${a.arm} ${a.model}`}
            stroke={ARM_COLOURS[i]}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFigure>
  );
}
