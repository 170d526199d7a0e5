import { projectRoute } from "@/lib/http/route";
import { leaderboardResponse } from "@/lib/reports/leaderboard-csv";
import { projectLeaderboard } from "@/lib/services/reports/leaderboard";
import { LeaderboardExport } from "@/lib/validation/leaderboard";

/** The project's models × benchmarks matrix; `format=csv` downloads it. */
export const GET = projectRoute({ can: "project.read", query: LeaderboardExport }, async ({ ctx, query }) =>
  leaderboardResponse(await projectLeaderboard(ctx, query), query.format, `${ctx.project.key}-leaderboard`),
);
