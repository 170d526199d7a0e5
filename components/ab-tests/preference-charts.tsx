"use client";

import { Bar, BarChart, CartesianGrid, ErrorBar, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Table, Td, Th } from "@/components/ui/table";
import type { ApiAbTest } from "./types";

type Preference = NonNullable<ApiAbTest["preference"]>;

/** Bradley–Terry strengths on the Elo-like scale with their bootstrap 95% intervals as whiskers. */
export function StrengthsChart({ preference }: { preference: Preference }) {
  const data = preference.arms.map((a) => ({
    label: `${a.arm} ${a.model ?? ""}`,
    elo: Number.isFinite(a.elo) ? a.elo : null,
    error: a.eloCi ? [Math.max(0, a.elo - a.eloCi[0]), Math.max(0, a.eloCi[1] - a.elo)] : [0, 0],
  }));
  return (
    <ChartFigure title="Bradley–Terry strength per arm (Elo-like scale) with bootstrap 95% intervals">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} vertical={false} />
        <XAxis dataKey="label" tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" interval={0} />
        <YAxis
          domain={["dataMin - 100", "dataMax + 100"]}
          tick={{ fill: "currentColor", fontSize: 12 }}
          stroke="currentColor"
          width={52}
          allowDecimals={false}
        />
        <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(0) : String(v))} />
        <Bar dataKey="elo" name="Elo" fill="#2f6fde" isAnimationActive={false}>
          <ErrorBar dataKey="error" width={8} stroke="currentColor" strokeWidth={2} direction="y" isAnimationActive={false} />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}

/** Row arm's win rate against the column arm (ties count half), shaded from red (0%) to green (100%). */
export function WinRateHeatmap({ preference }: { preference: Preference }) {
  const labels = preference.arms.map((a) => a.arm);
  return (
    <Table caption="Win rate of the row arm against the column arm, with the number of comparisons">
      <thead>
        <tr>
          <Th>Row beats column</Th>
          {labels.map((l) => (
            <Th key={l}>{l}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {preference.win_rates.map((row, i) => (
          <tr key={labels[i]} className="border-t border-gray-200 dark:border-gray-800">
            <Th scope="row">{`${labels[i]} ${preference.arms[i]?.model ?? ""}`}</Th>
            {row.map((cell, j) => {
              const rate = cell.rate;
              const shade = rate === null || !Number.isFinite(rate) ? undefined : `hsl(${Math.round(rate * 120)} 70% 45% / 0.35)`;
              return (
                <Td key={labels[j]} style={{ backgroundColor: shade }}>
                  {i === j || rate === null || !Number.isFinite(rate) ? "—" : `${(rate * 100).toFixed(0)}% (n=${cell.n})`}
                </Td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
