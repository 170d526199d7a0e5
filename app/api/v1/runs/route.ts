import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { createRun } from "@/lib/services/runs/create";
import { listRuns } from "@/lib/services/runs/read";
import { CreateRun, ListRuns } from "@/lib/validation/runs";

export const GET = projectRoute({ can: "project.read", query: ListRuns.extend(PageQuery.shape) }, ({ ctx, query }) =>
  listRuns(ctx, query, query),
);

/**
 * Starts a run (201). A repeated `Idempotency-Key` returns the run the first request created, and
 * `if_running: "existing"` the model's scheduled or in-progress run on that version (`reused: true`); both 200.
 */
export const POST = projectRoute({ can: "run.create", body: CreateRun }, async ({ ctx, body, request }) => {
  const key = request.headers.get("idempotency-key")?.slice(0, 200) || undefined;
  const { run, created, reused } = await createRun(ctx, body, "api", key);
  return Response.json({ id: run.id, status: run.status, total_items: run.totalItems, reused }, { status: created ? 201 : 200 });
});
