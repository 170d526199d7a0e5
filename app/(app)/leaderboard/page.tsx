import type { Metadata } from "next";
import { LeaderboardView } from "@/components/leaderboard/leaderboard-view";
import { AccountShell } from "@/components/shell/account-shell";
import { signedInActor } from "@/components/shell/load-project";
import { PageHeader } from "@/components/ui/page-header";
import { publicLeaderboard } from "@/lib/services/reports/leaderboard";
import { parseLeaderboardSearch } from "@/lib/validation/leaderboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Instance leaderboard" };

export default async function PublicLeaderboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await signedInActor();
  const filters = parseLeaderboardSearch(await searchParams);
  const board = await publicLeaderboard(filters);
  return (
    <AccountShell username={actor.username} isAdmin={actor.isAdmin}>
      <PageHeader
        title="Instance leaderboard"
        description="Published runs of catalog models on public benchmarks, from every project on this instance."
      />
      <LeaderboardView
        board={board}
        filters={filters}
        base="/leaderboard"
        exportBase="/api/v1/leaderboard/public"
        runHref={null}
        empty="Project admins publish completed runs of catalog models on public benchmarks from the run page."
      />
    </AccountShell>
  );
}
