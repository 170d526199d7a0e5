import { llamaStackRoute } from "@/lib/llama-stack/route";
import { BUILTIN_SCORING_FUNCTIONS, describeScoringFunction } from "@/lib/llama-stack/scoring-functions";

export const GET = llamaStackRoute({ role: "viewer" }, async () => ({
  data: Object.keys(BUILTIN_SCORING_FUNCTIONS).map(describeScoringFunction),
}));
