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
  className = "",
}: Pick<Props, "board" | "sortHref"> & { column: string; label: string; numeric?: boolean; className?: string }) {
  const active = board.sort === column;
  const next = active ? (board.dir === "asc" ? "desc" : "asc") : numeric && column !== "cost" && column !== "latency" ? "desc" : "asc";
  return (
    <Th
      className={`${numeric ? "text-right" : ""} ${className}`}
      aria-sort={active ? (board.dir === "asc" ? "ascending" : "descending") : "none"}
    >
      <Link className={linkClass} href={sortHref(column, next)}>
        {label}
        {active ? <span aria-hidden="true">{board.dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </Th>
  );
}

/** "3" when the rank is certain, "1–3" when the intervals allow any of them. */
export const rankText = (range: [number, number] | null) =>
  range === null ? "—" : range[0] === range[1] ? String(range[0]) : `${range[0]}–${range[1]}`;

// The model column stays in view while the benchmark columns scroll sideways.
const sticky = "sticky left-0 z-10";

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
        rank {rankText(cell.rank_range)} · v{cell.version}
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
          <SortHeader board={board} sortHref={sortHref} column="name" label="Model" numeric={false} className={sticky} />
          <Th className="text-right">Rank</Th>
          <SortHeader board={board} sortHref={sortHref} column="average" label="Average [95% CI]" />
          {board.benchmarks.map((b) => (
            <SortHeader key={b.id} board={board} sortHref={sortHref} column={b.id} label={b.label} />
          ))}
          <SortHeader board={board} sortHref={sortHref} column="cost" label="Cost / 1K tasks" />
          <SortHeader board={board} sortHref={sortHref} column="latency" label="Median latency" />
        </tr>
      </thead>
      <tbody>
        {board.rows.map((row) => (
          <Tr key={row.model.id}>
            <th scope="row" className={`${sticky} bg-white px-4 py-3 text-left align-top dark:bg-gray-900`}>
              <span className="text-sm font-medium text-gray-900 dark:text-gray-100">{row.model.label}</span>
              <span className="block text-xs font-normal text-gray-700 dark:text-gray-300">
                {[row.model.company, row.model.human ? "human baseline" : row.model.type === "custom" ? "custom" : "catalog"]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </th>
            <Td className="text-right tabular-nums font-semibold" data-testid="rank">
              {rankText(row.rank_range)}
            </Td>
            <Td className="text-right tabular-nums">
              {row.average ? (
                <>
                  {formatScore({ ...row.average, n: row.average.k, method: "t" }, true).split(", n=")[0]}
                  <span className="block text-xs text-gray-700 dark:text-gray-300">
                    over {row.average.k} of {board.benchmarks.length} benchmarks
                  </span>
                </>
              ) : (
                "—"
              )}
            </Td>
            {board.benchmarks.map((b) => (
              <ScoreCell key={b.id} cell={row.cells[b.id]} runHref={runHref} label={`${row.model.label} on ${b.label}`} />
            ))}
            <Td className="text-right tabular-nums">{formatCost(row.cost_per_1k)}</Td>
            <Td className="text-right tabular-nums">{row.median_latency_s === null ? "—" : `${row.median_latency_s.toFixed(2)} s`}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
