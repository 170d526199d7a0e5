import Link from "next/link";
import { ScoreBars } from "@/components/charts/score-bars";
import { excerpt, formatScore } from "@/components/runs/format";
import { rankText } from "@/components/leaderboard/leaderboard-table";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { Leaderboard } from "@/lib/reports/leaderboard";
import type { TaskDifficulty } from "@/lib/services/reports/task-difficulty";

type Props = {
  board: Leaderboard;
  difficulty: { version: number; hardest: TaskDifficulty[]; unsolved: TaskDifficulty[] };
  projectKey: string;
  taskHref: (position: number) => string;
};

function DifficultyTable({ caption, rows, taskHref }: { caption: string; rows: TaskDifficulty[]; taskHref: Props["taskHref"] }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Task</Th>
          <Th>Question</Th>
          <Th>Subset</Th>
          <Th className="text-right">Models</Th>
          <Th className="text-right">Evaluated</Th>
          <Th className="text-right">Correct</Th>
          <Th className="text-right">Rate</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <Tr key={t.position}>
            <Td>
              <Link className={linkClass} href={taskHref(t.position)} aria-label={`Task ${t.position}: ${excerpt(t.question, 80)}`}>
                {t.position}
              </Link>
            </Td>
            <Td className="max-w-md whitespace-pre-wrap break-words">{excerpt(t.question, 200)}</Td>
            <Td>{t.subset ?? "—"}</Td>
            <Td className="text-right tabular-nums">{t.models}</Td>
            <Td className="text-right tabular-nums">{t.evaluated}</Td>
            <Td className="text-right tabular-nums">{t.correct}</Td>
            <Td className="text-right tabular-nums">{(t.rate * 100).toFixed(0)}%</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Which models ran this benchmark and how they rank, and which of its tasks they find hardest. */
export function BenchmarkReport({ board, difficulty, projectKey, taskHref }: Props) {
  const benchmark = board.benchmarks[0];
  if (!benchmark) return <Section title="Results" description="No completed runs on this benchmark in this project yet." />;
  return (
    <>
      <Section
        title="Models that ran it"
        description="Each model's latest completed run; tied models (overlapping intervals) share a rank."
      >
        <ScoreBars
          title="Score by model"
          bars={board.rows.flatMap((r) =>
            r.cells[benchmark.id]?.value != null
              ? [{ label: r.model.name, value: r.cells[benchmark.id]?.value as number, ci: r.cells[benchmark.id]?.ci ?? null }]
              : [],
          )}
        />
        <Table caption="Models ranked on this benchmark">
          <thead>
            <tr>
              <Th className="text-right">Rank</Th>
              <Th>Model</Th>
              <Th className="text-right">Score [95% interval]</Th>
              <Th className="text-right">Version</Th>
            </tr>
          </thead>
          <tbody>
            {board.rows.map((r) => {
              const cell = r.cells[benchmark.id];
              return cell ? (
                <Tr key={r.model.id}>
                  <Td className="text-right tabular-nums">{rankText(cell.rank_range)}</Td>
                  <Td>
                    {r.model.name}{" "}
                    {cell.provisional ? (
                      <Badge tone="amber" title="Fewer tasks than the benchmark's minimum">
                        provisional
                      </Badge>
                    ) : null}
                  </Td>
                  <Td className="text-right tabular-nums">
                    <Link className={linkClass} href={`/${projectKey}/runs/${cell.run_id}`}>
                      {formatScore({ ...cell, method: cell.method ?? "wilson" }, true)}
                    </Link>
                  </Td>
                  <Td className="text-right tabular-nums">v{cell.version}</Td>
                </Tr>
              ) : null;
            })}
          </tbody>
        </Table>
      </Section>
      <Section
        title={`Hardest tasks in version ${difficulty.version}`}
        description="Lowest share answered correctly across the completed runs of every model."
      >
        {difficulty.hardest.length ? (
          <DifficultyTable caption="Hardest tasks" rows={difficulty.hardest} taskHref={taskHref} />
        ) : (
          <p className="text-sm">No completed runs of this version yet.</p>
        )}
      </Section>
      {difficulty.unsolved.length ? (
        <Section title="Tasks every model fails" description="No model answered these correctly (at least two tried): check their labels.">
          <DifficultyTable caption="Tasks every model fails" rows={difficulty.unsolved} taskHref={taskHref} />
        </Section>
      ) : null}
    </>
  );
}
