import { userRoute } from "@/lib/http/route";
import { leaderboardResponse } from "@/lib/reports/leaderboard-csv";
import { publicLeaderboard } from "@/lib/services/reports/leaderboard";
import { LeaderboardExport } from "@/lib/validation/leaderboard";

/** The instance-wide leaderboard of published runs, for any signed-in user or token. */
export const GET = userRoute({ query: LeaderboardExport }, async ({ query }) =>
  leaderboardResponse(await publicLeaderboard(query), query.format, "public-leaderboard"),
);
