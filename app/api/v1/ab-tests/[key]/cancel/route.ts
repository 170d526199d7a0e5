import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { cancelAbTest } from "@/lib/services/ab-tests/cancel";

const Params = z.object({ key: z.string().max(64) });

export const POST = projectRoute({ can: "usecase.manage", params: Params }, ({ ctx, params }) => cancelAbTest(ctx, params.key));
