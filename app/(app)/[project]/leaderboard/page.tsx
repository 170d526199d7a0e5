import type { Metadata } from "next";
import Link from "next/link";
import { LeaderboardView } from "@/components/leaderboard/leaderboard-view";
import { loadProject } from "@/components/shell/load-project";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { projectLeaderboard } from "@/lib/services/reports/leaderboard";
import { parseLeaderboardSearch } from "@/lib/validation/leaderboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Leaderboard" };

export default async function LeaderboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { project } = await params;
  const ctx = await loadProject(project);
  const filters = parseLeaderboardSearch(await searchParams);
  const board = await projectLeaderboard(ctx, filters);
  const base = `/${ctx.project.key}`;
  return (
    <>
      <PageHeader
        title="Leaderboard"
        description={
          <>
            Every model's latest completed run on each benchmark in this project.{" "}
            <Link className={linkClass} href="/leaderboard">
              Instance leaderboard
            </Link>
          </>
        }
      />
      <LeaderboardView
        board={board}
        filters={filters}
        tagFilters
        base={`${base}/leaderboard`}
        exportBase={`/api/v1/leaderboard?project=${encodeURIComponent(ctx.project.key)}`}
        runHref={(id) => `${base}/runs/${id}`}
        empty="Run an evaluation to completion and it appears here."
      />
    </>
  );
}
