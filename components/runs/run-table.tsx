import Link from "next/link";
import { formatDate } from "@/components/ui/format-date";
import { focusRing, linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatCost, formatInt, formatScore } from "./format";
import { RunProgressBar } from "./run-progress-bar";
import { runLabel } from "./run-label";
import { StatusBadge } from "./status-badge";
import { type ApiRun, summaryOf } from "./types";

/** The final primary score when the run has a summary, else the running score so far. */
export function runScore(run: ApiRun): string {
  const summary = summaryOf(run);
  const primary = summary?.primary ?? (summary?.primary_scorer ? summary.scorers[summary.primary_scorer] : undefined);
  if (primary) return formatScore(primary.overall);
  return run.running_score.n > 0 ? formatScore({ ...run.running_score, method: "wilson" }) : "—";
}

type Selection = { selected: string[]; toggle: (id: string) => void };

export function RunTable({ runs, projectKey, selection }: { runs: ApiRun[]; projectKey: string; selection?: Selection }) {
  return (
    <Table caption="Runs">
      <thead>
        <tr>
          {selection ? (
            <Th>
              <span className="sr-only">Compare</span>
            </Th>
          ) : null}
          <Th>Run</Th>
          <Th>Status</Th>
          <Th>Progress</Th>
          <Th>Score [95% interval]</Th>
          <Th className="text-right">Cost</Th>
          <Th>Created</Th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <Tr key={r.id}>
            {selection ? (
              <Td>
                <input
                  type="checkbox"
                  className={`h-4 w-4 ${focusRing}`}
                  checked={selection.selected.includes(r.id)}
                  onChange={() => selection.toggle(r.id)}
                  aria-label={`Compare ${runLabel(r)}`}
                />
              </Td>
            ) : null}
            <Td>
              <Link className={linkClass} href={`/${projectKey}/runs/${r.id}`}>
                {r.model.name}
              </Link>
              <div className="mt-0.5 text-xs text-gray-700 dark:text-gray-300">
                {r.benchmark.name} · v{r.benchmark.version}
              </div>
            </Td>
            <Td>
              <StatusBadge status={r.status} />
              {r.note ? <div className="mt-0.5 max-w-[14rem] truncate text-xs text-gray-700 dark:text-gray-300">{r.note}</div> : null}
            </Td>
            <Td>
              <div className="flex items-center gap-2">
                <RunProgressBar
                  size="sm"
                  done={r.progress.done}
                  total={r.progress.total}
                  label={`Progress of ${r.model.name} on ${r.benchmark.name}`}
                />
                <span className="whitespace-nowrap text-xs tabular-nums text-gray-700 dark:text-gray-300">
                  {formatInt(r.progress.done)}/{formatInt(r.progress.total)}
                </span>
              </div>
            </Td>
            <Td className="whitespace-nowrap tabular-nums">{runScore(r)}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{formatCost(r.cost)}</Td>
            <Td className="whitespace-nowrap">{formatDate(r.created_at)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
