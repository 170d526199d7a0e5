import Link from "next/link";
import { formatCost, formatScore } from "@/components/runs/format";
import { Badge } from "@/components/ui/badge";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { Cell, Leaderboard } from "@/lib/reports/leaderboard";

type Props = { board: Leaderboard; sortHref: (sort: string, dir: "asc" | "desc") => string; runHref: ((runId: string) => string) | null };

const percentScore = (v: { value: number | null; ci: [number, number] | null; n: number; method?: string | null }) =>
  formatScore({ value: v.value, ci: v.ci, n: v.n, method: v.method ?? "t" }, true);

/** A column header that sorts by its column; a second click reverses. */
function SortHeader({
  board,
  column,
  label,
  sortHref,
  numeric = true,
}: Pick<Props, "board" | "sortHref"> & { column: string; label: string; numeric?: boolean }) {
  const active = board.sort === column;
  const next = active ? (board.dir === "asc" ? "desc" : "asc") : numeric && column !== "cost" && column !== "latency" ? "desc" : "asc";
  return (
    <Th className={numeric ? "text-right" : ""} aria-sort={active ? (board.dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link className={linkClass} href={sortHref(column, next)}>
        {label}
        {active ? <span aria-hidden="true">{board.dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </Th>
  );
}

function ScoreCell({ cell, runHref, label }: { cell: Cell | undefined; runHref: Props["runHref"]; label: string }) {
  if (!cell) return <Td className="text-right text-gray-600 dark:text-gray-400">—</Td>;
  const text = percentScore(cell);
  return (
    <Td className="text-right tabular-nums">
      {runHref ? (
        <Link className={linkClass} href={runHref(cell.run_id)} aria-label={`${label}: ${text}, open the run`}>
          {text}
        </Link>
      ) : (
        text
      )}
      <span className="block text-xs text-gray-700 dark:text-gray-300">
        rank {cell.rank ?? "—"} · v{cell.version}
        {cell.provisional ? (
          <>
            {" "}
            <Badge tone="amber" title="Fewer tasks than the benchmark's minimum">
              provisional
            </Badge>
          </>
        ) : null}
      </span>
    </Td>
  );
}

/**
 * Models × benchmarks. Ranks count the models whose interval lies entirely above, so tied models share
 * a rank; the overall rank uses the average among models that ran every benchmark shown.
 */
export function LeaderboardTable({ board, sortHref, runHref }: Props) {
  return (
    <Table caption="Leaderboard: each model's latest completed run per benchmark">
      <thead>
        <tr>
          <Th className="text-right">Rank</Th>
          <SortHeader board={board} sortHref={sortHref} column="name" label="Model" numeric={false} />
          <SortHeader board={board} sortHref={sortHref} column="average" label="Average [95% CI]" />
          {board.benchmarks.map((b) => (
            <SortHeader key={b.id} board={board} sortHref={sortHref} column={b.id} label={b.name} />
          ))}
          <SortHeader board={board} sortHref={sortHref} column="cost" label="Cost / 1K tasks" />
          <SortHeader board={board} sortHref={sortHref} column="latency" label="Median latency" />
        </tr>
      </thead>
      <tbody>
        {board.rows.map((row) => (
          <Tr key={row.model.id}>
            <Td className="text-right tabular-nums font-semibold" data-testid="rank">
              {row.rank ?? "—"}
            </Td>
            <Td>
              <span className="font-medium">{row.model.name}</span>
              <span className="block text-xs text-gray-700 dark:text-gray-300">
                {[row.model.company, row.model.human ? "human baseline" : row.model.type === "custom" ? "custom" : "catalog"]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </Td>
            <Td className="text-right tabular-nums">
              {row.average ? (
                <>
                  {formatScore({ ...row.average, n: row.average.k, method: "t" }, true).split(", n=")[0]}
                  <span className="block text-xs text-gray-700 dark:text-gray-300">
                    {row.average.k} of {board.benchmarks.length} benchmarks
                  </span>
                </>
              ) : (
                "—"
              )}
            </Td>
            {board.benchmarks.map((b) => (
              <ScoreCell key={b.id} cell={row.cells[b.id]} runHref={runHref} label={`${row.model.name} on ${b.name}`} />
            ))}
            <Td className="text-right tabular-nums">{formatCost(row.cost_per_1k)}</Td>
            <Td className="text-right tabular-nums">{row.median_latency_s === null ? "—" : `${row.median_latency_s.toFixed(2)} s`}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
