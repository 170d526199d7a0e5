import { jobResult } from "@/lib/llama-stack/eval";
import { llamaStackRoute } from "@/lib/llama-stack/route";
import { JobParams } from "@/lib/llama-stack/schemas";

export const GET = llamaStackRoute({ role: "viewer", params: JobParams }, ({ ctx, params }) => jobResult(ctx, params.id, params.job_id));
