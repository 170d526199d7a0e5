import { FilterActions } from "@/components/ui/filter-actions";
import { ScoreBars } from "@/components/charts/score-bars";
import { Section } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { TrophyIcon } from "@/components/ui/icons";
import { anyOf } from "@/components/ui/options";
import { linkClass } from "@/components/ui/styles";
import type { Leaderboard, LeaderboardFilters } from "@/lib/reports/leaderboard";
import { LeaderboardTable } from "./leaderboard-table";
import { TradeoffChart } from "./tradeoff-chart";

type Props = {
  board: Leaderboard;
  filters: LeaderboardFilters & { model_tag?: string[]; benchmark_tag?: string[] };
  /** Show the model-tag and benchmark-tag fields: tags belong to a project, so not on the instance leaderboard. */
  tagFilters?: boolean;
  /** The page's own path; filters and sorting become its query string, so every view is a permalink. */
  base: string;
  /** The export endpoint (CSV/JSON) for the same filters. */
  exportBase: string;
  runHref: ((runId: string) => string) | null;
  empty: string;
};

export function withQuery(base: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
  const text = params.toString();
  return text ? `${base}${base.includes("?") ? "&" : "?"}${text}` : base;
}

export function LeaderboardView({ board, filters, tagFilters = false, base, exportBase, runHref, empty }: Props) {
  const modelTags = filters.model_tag?.join(",");
  const benchmarkTags = filters.benchmark_tag?.join(",");
  const current = {
    category: filters.category,
    company: filters.company,
    type: filters.type,
    model_tag: modelTags,
    benchmark_tag: benchmarkTags,
    sort: board.sort,
    dir: board.dir,
  };
  const filtered = !!(filters.category || filters.company || filters.type || modelTags || benchmarkTags);
  const priced = board.rows.filter((r) => r.average && r.cost_per_1k !== null);
  const timed = board.rows.filter((r) => r.average && r.median_latency_s !== null);
  return (
    <div className="space-y-6">
      <section
        aria-label="Filters"
        className="rounded-lg border border-gray-200 bg-white p-4 print:hidden dark:border-gray-800 dark:bg-gray-900"
      >
        <form method="get" action={base} className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            label="Benchmark category"
            name="category"
            defaultValue={filters.category ?? ""}
            options={anyOf(board.options.categories.map((c) => ({ value: c, label: c })))}
          />
          <SelectField
            label="Model company"
            name="company"
            defaultValue={filters.company ?? ""}
            options={anyOf(board.options.companies.map((c) => ({ value: c, label: c })))}
          />
          <SelectField
            label="Model type"
            name="type"
            defaultValue={filters.type ?? ""}
            options={anyOf([
              { value: "public", label: "Catalog" },
              { value: "custom", label: "Custom" },
            ])}
          />
          {tagFilters ? (
            <>
              <TextField label="Model tags" name="model_tag" defaultValue={filters.model_tag?.join(", ") ?? ""} placeholder="frontier" />
              <TextField
                label="Benchmark tags"
                name="benchmark_tag"
                defaultValue={filters.benchmark_tag?.join(", ") ?? ""}
                placeholder="core"
              />
            </>
          ) : null}
          <FilterActions clearHref={filtered ? base : null}>
            <input type="hidden" name="sort" value={board.sort} />
            <input type="hidden" name="dir" value={board.dir} />
          </FilterActions>
        </form>
      </section>
      {board.rows.length === 0 ? (
        <EmptyState icon={<TrophyIcon width={40} height={40} />} title={filtered ? "No runs match these filters" : "No completed runs yet"}>
          {empty}
        </EmptyState>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-4 text-sm print:hidden">
            <span>Export:</span>
            <a className={linkClass} href={withQuery(exportBase, { ...current, format: "csv" })} download>
              CSV
            </a>
            <a className={linkClass} href={withQuery(exportBase, { ...current, format: "json" })}>
              JSON
            </a>
          </div>
          <LeaderboardTable board={board} runHref={runHref} sortHref={(sort, dir) => withQuery(base, { ...current, sort, dir })} />
          <p className="text-xs text-gray-700 dark:text-gray-300" data-testid="average-over">
            {board.average_over.length
              ? `Averages and the overall rank use only the benchmarks every model shown ran: ${board.benchmarks
                  .filter((b) => board.average_over.includes(b.id))
                  .map((b) => b.label)
                  .join(", ")}.`
              : "No benchmark was run by every model shown, so there is no average or overall rank: compare the per-benchmark ranks."}
          </p>
          <p className="text-xs text-gray-700 dark:text-gray-300">
            Scores are each pair's latest completed run with a 95% interval. A rank such as 1–3 is the range the intervals allow: from 1 +
            the models whose interval lies entirely above to the count of models not entirely below, so tied models share it. Provisional:
            fewer tasks than the benchmark's minimum.
          </p>
          <Section title="Trade-offs" description="Higher and further left is better; the blue line is the Pareto frontier.">
            <div className="grid gap-6 lg:grid-cols-2">
              {priced.length > 0 ? (
                <TradeoffChart
                  title="Average score vs cost per 1K tasks"
                  xLabel="Cost"
                  xKind="cost"
                  points={priced.map((r) => ({ label: r.model.label, x: r.cost_per_1k as number, score: r.average?.value as number }))}
                />
              ) : null}
              {timed.length > 0 ? (
                <TradeoffChart
                  title="Average score vs median latency"
                  xLabel="Latency"
                  xKind="seconds"
                  points={timed.map((r) => ({ label: r.model.label, x: r.median_latency_s as number, score: r.average?.value as number }))}
                />
              ) : null}
            </div>
          </Section>
          <Section title="By benchmark" description="Bars are scores; whiskers are 95% intervals.">
            <div className="grid gap-6 lg:grid-cols-2">
              {board.benchmarks.map((b) => (
                <ScoreBars
                  key={b.id}
                  title={b.label}
                  bars={board.rows.flatMap((r) => {
                    const cell = r.cells[b.id];
                    return cell?.value != null ? [{ label: r.model.label, value: cell.value, ci: cell.ci }] : [];
                  })}
                />
              ))}
            </div>
          </Section>
        </>
      )}
    </div>
  );
}
