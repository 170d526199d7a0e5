import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { getGeneration, reviewGeneration } from "@/lib/services/generation/generations";
import { ReviewGeneration } from "@/lib/validation/generation";

const Params = z.object({ id: z.uuid("id must be a generation id") });

export const GET = projectRoute({ can: "project.read", params: Params }, ({ ctx, params }) => getGeneration(ctx, params.id));

/** Saves the review: the edited task list with each task accepted or not; tasks left out are deleted. */
export const PATCH = projectRoute({ can: "benchmark.write", params: Params, body: ReviewGeneration }, ({ ctx, params, body }) =>
  reviewGeneration(ctx, params.id, body),
);
