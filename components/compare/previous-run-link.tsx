import Link from "next/link";
import { loadProject } from "@/components/shell/load-project";
import { linkClass } from "@/components/ui/styles";
import { previousRun } from "@/lib/services/reports/compare";
import { compareHref } from "./links";

/**
 * "Compare with previous run": the regression view of this run against the latest earlier completed
 * run of the same model and benchmark version (the baseline), or nothing when there is none.
 */
export async function PreviousRunLink({ projectKey, runId }: { projectKey: string; runId: string }) {
  const ctx = await loadProject(projectKey);
  const previous = await previousRun(ctx, runId);
  if (!previous) return null;
  return (
    <Link className={linkClass} href={compareHref(ctx.project.key, { runs: [previous.id, runId] })}>
      Compare with previous run
    </Link>
  );
}
