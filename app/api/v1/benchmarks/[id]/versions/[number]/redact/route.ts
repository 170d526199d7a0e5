import { projectRoute } from "@/lib/http/route";
import { redactTasks } from "@/lib/services/benchmarks/derive";
import { VersionParams } from "@/lib/validation/benchmark-params";
import { RedactTasks } from "@/lib/validation/benchmarks";

/** Redacts (or with `redacted: false` unredacts) tasks by position; the result is a new version. */
export const POST = projectRoute(
  { can: "benchmark.write", params: VersionParams, body: RedactTasks, status: 201 },
  ({ ctx, params, body }) => redactTasks(ctx, params.id, params.number, body.positions, body.redacted),
);
