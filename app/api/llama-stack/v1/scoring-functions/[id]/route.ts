import { z } from "zod";
import { llamaStackRoute } from "@/lib/llama-stack/route";
import { describeScoringFunction } from "@/lib/llama-stack/scoring-functions";

export const GET = llamaStackRoute({ role: "viewer", params: z.object({ id: z.string().min(1).max(200) }) }, async ({ params }) =>
  describeScoringFunction(params.id),
);
