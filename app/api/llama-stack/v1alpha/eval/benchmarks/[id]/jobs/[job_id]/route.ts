import { jobCancel, jobStatus } from "@/lib/llama-stack/eval";
import { llamaStackRoute } from "@/lib/llama-stack/route";
import { JobParams } from "@/lib/llama-stack/schemas";

export const GET = llamaStackRoute({ role: "viewer", params: JobParams }, ({ ctx, params }) => jobStatus(ctx, params.id, params.job_id));

export const DELETE = llamaStackRoute({ role: "member", params: JobParams, status: 204 }, ({ ctx, params }) =>
  jobCancel(ctx, params.id, params.job_id),
);
