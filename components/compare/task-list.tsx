import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { Comparison } from "@/lib/services/reports/compare";
import { FLIPPED, OUTCOMES, type Outcome } from "@/lib/services/reports/compare-query";
import { formatMean, letter, outcomeLabel } from "./format";
import { type CompareState, compareHref, compareTaskHref } from "./links";

type Score = { score: number; passed: boolean | null };

function Cell({ s }: { s: Score }) {
  if (s.passed === null) return <span className="tabular-nums">{formatMean(s.score, false)}</span>;
  return s.passed ? <Badge tone="green">Pass</Badge> : <Badge tone="red">Fail</Badge>;
}

const tone = (o: Outcome) => (FLIPPED.includes(o) ? "amber" : "gray");

/** The tasks of one pairing that match the filter, one page at a time; each opens the side-by-side view. */
export function TaskList({ projectKey, comparison, state }: { projectKey: string; comparison: Comparison; state: CompareState }) {
  const { tasks, runs } = comparison;
  const vsIndex = runs.findIndex((r) => r.id === tasks.vs);
  const b = letter(vsIndex);
  const pair = [runs[0]?.id ?? "", tasks.vs];
  const options = [
    { value: "flipped", label: "Flipped (the runs disagree)" },
    { value: "all", label: "All paired tasks" },
    ...OUTCOMES.filter((o) => o in (comparison.comparisons.find((c) => c.run_id === tasks.vs)?.agreement ?? {})).map((o) => ({
      value: o,
      label: outcomeLabel(o, b),
    })),
  ];
  return (
    <div className="space-y-4">
      <form method="get" action={`/${projectKey}/compare`} className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {runs.map((r) => (
          <input key={r.id} type="hidden" name="runs" value={r.id} />
        ))}
        {runs.length > 2 ? (
          <SelectField
            label="Compared with A"
            name="vs"
            defaultValue={tasks.vs}
            options={runs.slice(1).map((r, i) => ({ value: r.id, label: `${letter(i + 1)}: ${r.label}` }))}
          />
        ) : null}
        <SelectField label="Tasks" name="filter" defaultValue={tasks.filter} options={options} />
        <SelectField
          label="Subset"
          name="subset"
          defaultValue={tasks.subset ?? ""}
          options={[{ value: "", label: "Any" }, ...tasks.subsets.map((s) => ({ value: s, label: s }))]}
        />
        <div>
          <button type="submit" className={buttonClass("secondary")}>
            Show tasks
          </button>
        </div>
      </form>
      {tasks.items.length === 0 ? (
        <EmptyState title="No tasks match">Choose another filter or subset.</EmptyState>
      ) : (
        <>
          <Table caption={`Tasks, A vs ${b}`}>
            <thead>
              <tr>
                <Th className="text-right">Task</Th>
                <Th>Key</Th>
                <Th>Subset</Th>
                <Th>Outcome</Th>
                <Th>A</Th>
                <Th>{b}</Th>
              </tr>
            </thead>
            <tbody>
              {tasks.items.map((t) => (
                <Tr key={t.position}>
                  <Td className="text-right tabular-nums">
                    <Link
                      className={linkClass}
                      href={compareTaskHref(projectKey, pair, t.position)}
                      aria-label={`Task ${t.position}: both answers side by side`}
                    >
                      {t.position}
                    </Link>
                  </Td>
                  <Td className="max-w-[12rem] truncate font-mono text-xs">{t.task_key}</Td>
                  <Td>{t.subset ?? "—"}</Td>
                  <Td>
                    <Badge tone={tone(t.outcome)}>{outcomeLabel(t.outcome, b)}</Badge>
                  </Td>
                  <Td>
                    <Cell s={t.a} />
                  </Td>
                  <Td>
                    <Cell s={t.b} />
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          <Pagination
            page={tasks.page}
            perPage={tasks.per_page}
            count={tasks.count}
            href={(page) => compareHref(projectKey, { ...state, page })}
          />
        </>
      )}
    </div>
  );
}
