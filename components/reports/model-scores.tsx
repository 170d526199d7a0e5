import Link from "next/link";
import { ScoreBars } from "@/components/charts/score-bars";
import { formatScore } from "@/components/runs/format";
import { Section } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format-date";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { Leaderboard } from "@/lib/reports/leaderboard";
import type { BenchmarkHistory } from "@/lib/services/reports/model-history";
import { ScoreHistoryChart } from "./score-history-chart";

const score = (p: { value: number | null; ci: [number, number] | null; n: number }) => formatScore({ ...p, method: "wilson" }, true);

/** A model's latest score on each benchmark, and how each score moved over repeated runs. */
export function ModelScores({ board, history, projectKey }: { board: Leaderboard; history: BenchmarkHistory[]; projectKey: string }) {
  const row = board.rows[0];
  if (!row) {
    return <Section title="Scores" description="No completed runs of this model in this project yet." />;
  }
  const repeated = history.filter((h) => h.points.length >= 2);
  return (
    <>
      <Section title="Scores across benchmarks" description="The latest completed run on each benchmark, with its 95% interval.">
        <ScoreBars
          title="Score by benchmark"
          bars={board.benchmarks.flatMap((b) =>
            row.cells[b.id]?.value != null
              ? [{ label: b.name, value: row.cells[b.id]?.value as number, ci: row.cells[b.id]?.ci ?? null }]
              : [],
          )}
        />
        <Table caption="Latest score per benchmark">
          <thead>
            <tr>
              <Th>Benchmark</Th>
              <Th className="text-right">Score [95% interval]</Th>
              <Th>Finished</Th>
            </tr>
          </thead>
          <tbody>
            {board.benchmarks.map((b) => {
              const cell = row.cells[b.id];
              return cell ? (
                <Tr key={b.id}>
                  <Td>{b.name}</Td>
                  <Td className="text-right tabular-nums">
                    <Link className={linkClass} href={`/${projectKey}/runs/${cell.run_id}`}>
                      {score(cell)}
                    </Link>
                  </Td>
                  <Td>{formatDate(cell.finished_at)}</Td>
                </Tr>
              ) : null;
            })}
          </tbody>
        </Table>
      </Section>
      {repeated.length > 0 ? (
        <Section title="Score over time" description="Each completed run in order; the band is the 95% interval.">
          <div className="grid gap-6 lg:grid-cols-2">
            {repeated.map((h) => (
              <ScoreHistoryChart key={h.benchmark.id} title={h.benchmark.name} points={h.points} />
            ))}
          </div>
          <Table caption="Runs over time">
            <thead>
              <tr>
                <Th>Benchmark</Th>
                <Th>Finished</Th>
                <Th className="text-right">Score [95% interval]</Th>
              </tr>
            </thead>
            <tbody>
              {repeated.flatMap((h) =>
                h.points.map((p) => (
                  <Tr key={p.run_id}>
                    <Td>{h.benchmark.name}</Td>
                    <Td>{formatDate(p.finished_at)}</Td>
                    <Td className="text-right tabular-nums">
                      <Link className={linkClass} href={`/${projectKey}/runs/${p.run_id}`}>
                        {score(p)}
                      </Link>
                    </Td>
                  </Tr>
                )),
              )}
            </tbody>
          </Table>
        </Section>
      ) : null}
    </>
  );
}
