import { type Column, download, toCsv } from "@/lib/export/download";
import type { Leaderboard, Row } from "./leaderboard";

/** One row per model: rank, average, then score, interval, n and provisional flag for every benchmark. */
export function leaderboardColumns(board: Leaderboard): Column<Row>[] {
  return [
    { header: "rank", value: (r) => r.rank },
    { header: "rank_worst", value: (r) => r.rank_range?.[1] },
    { header: "model", value: (r) => r.model.name },
    { header: "model_key", value: (r) => r.model.key },
    { header: "company", value: (r) => r.model.company },
    { header: "type", value: (r) => r.model.type },
    { header: "average", value: (r) => r.average?.value },
    { header: "average_ci_low", value: (r) => r.average?.ci?.[0] },
    { header: "average_ci_high", value: (r) => r.average?.ci?.[1] },
    { header: "benchmarks_averaged", value: (r) => r.average?.k ?? 0 },
    { header: "cost_per_1k_tasks", value: (r) => r.cost_per_1k },
    { header: "median_latency_s", value: (r) => r.median_latency_s },
    ...board.benchmarks.flatMap((b): Column<Row>[] => [
      { header: `${b.label}: score`, value: (r) => r.cells[b.id]?.value },
      { header: `${b.label}: ci_low`, value: (r) => r.cells[b.id]?.ci?.[0] },
      { header: `${b.label}: ci_high`, value: (r) => r.cells[b.id]?.ci?.[1] },
      { header: `${b.label}: n`, value: (r) => r.cells[b.id]?.n },
      { header: `${b.label}: rank`, value: (r) => r.cells[b.id]?.rank },
      { header: `${b.label}: rank_worst`, value: (r) => r.cells[b.id]?.rank_range?.[1] },
      { header: `${b.label}: provisional`, value: (r) => r.cells[b.id]?.provisional },
      { header: `${b.label}: run_id`, value: (r) => r.cells[b.id]?.run_id },
    ]),
  ];
}

/** The board as JSON, or as a CSV download when asked. */
export function leaderboardResponse(board: Leaderboard, format: "json" | "csv", name: string): Leaderboard | Response {
  return format === "csv" ? download(toCsv(leaderboardColumns(board), board.rows), `${name}.csv`, "csv") : board;
}
