import { ScoreBars } from "@/components/charts/score-bars";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { InteractionGroup } from "@/lib/services/interactions/group";
import type { WinRate } from "@/lib/services/use-cases/overview";

const fmt = (kind: "bool" | "scalar", v: number) => (kind === "bool" ? `${(v * 100).toFixed(1)}%` : v.toFixed(2));
const interval = (kind: "bool" | "scalar", ci: [number, number] | null) => (ci ? `${fmt(kind, ci[0])} – ${fmt(kind, ci[1])}` : "—");

/** Metric feedback per model and key: n, rate or mean, and its 95% interval (Wilson for bool, Student t for scalar). */
export function FeedbackStats({ groups }: { groups: InteractionGroup[] }) {
  const rows = groups.flatMap((g) => Object.entries(g.feedback).map(([key, a]) => ({ model: g.group ?? "—", key, ...a })));
  if (!rows.length)
    return (
      <p className="text-sm text-gray-700 dark:text-gray-300">No feedback yet. Rate answers in the chat or log feedback through the API.</p>
    );
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        {keys.map((key) => {
          const of = rows.filter((r) => r.key === key);
          const bool = of[0]?.kind === "bool";
          return (
            <ScoreBars
              key={key}
              title={`${key}: ${bool ? "rate" : "mean"} per model with 95% interval`}
              percent={bool}
              bars={of.map((r) => ({ label: r.model, value: r.value, ci: r.ci }))}
            />
          );
        })}
      </div>
      <Table caption="Feedback per model">
        <thead>
          <tr>
            <Th>Feedback key</Th>
            <Th>Model</Th>
            <Th>n</Th>
            <Th>Rate / mean</Th>
            <Th>95% interval</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Tr key={`${r.key}:${r.model}`}>
              <Td className="font-mono text-xs">{r.key}</Td>
              <Td className="font-mono text-xs">{r.model}</Td>
              <Td>{r.n}</Td>
              <Td>{fmt(r.kind, r.value)}</Td>
              <Td>
                {interval(r.kind, r.ci)} <span className="text-xs text-gray-700 dark:text-gray-300">({r.method})</span>
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

/** Preference win rates per model pair (ties excluded from the rate, Wilson interval). */
export function WinRates({ rates }: { rates: WinRate[] }) {
  if (!rates.length) return <p className="text-sm text-gray-700 dark:text-gray-300">No preference feedback yet.</p>;
  return (
    <Table caption="Preference win rates">
      <thead>
        <tr>
          <Th>Feedback key</Th>
          <Th>Model</Th>
          <Th>Against</Th>
          <Th>Wins / losses / ties</Th>
          <Th>Win rate (95% interval)</Th>
        </tr>
      </thead>
      <tbody>
        {rates.map((r) => (
          <Tr key={`${r.feedback_key}:${r.model}:${r.opponent}`}>
            <Td className="font-mono text-xs">{r.feedback_key}</Td>
            <Td className="font-mono text-xs">{r.model}</Td>
            <Td className="font-mono text-xs">{r.opponent}</Td>
            <Td>
              {r.wins} / {r.losses} / {r.ties}
            </Td>
            <Td>
              {Number.isNaN(r.rate) ? "—" : `${(r.rate * 100).toFixed(1)}%`}{" "}
              {r.ci ? `(${(r.ci[0] * 100).toFixed(1)}% – ${(r.ci[1] * 100).toFixed(1)}%)` : ""}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
