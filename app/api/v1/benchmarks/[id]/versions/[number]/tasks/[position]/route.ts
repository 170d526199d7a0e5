import { projectRoute } from "@/lib/http/route";
import { editTask } from "@/lib/services/benchmarks/derive";
import { getTask } from "@/lib/services/benchmarks/read";
import { TaskParams } from "@/lib/validation/benchmark-params";
import { EditTask } from "@/lib/validation/benchmarks";

export const GET = projectRoute({ can: "project.read", params: TaskParams }, ({ ctx, params }) =>
  getTask(ctx, params.id, params.number, params.position),
);

/** Replaces one task; the result is a new version. */
export const PATCH = projectRoute({ can: "benchmark.write", params: TaskParams, body: EditTask, status: 201 }, ({ ctx, params, body }) =>
  editTask(ctx, params.id, params.number, params.position, body.task),
);
