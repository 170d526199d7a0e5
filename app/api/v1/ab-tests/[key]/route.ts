import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { getAbTest } from "@/lib/services/ab-tests/read";

const Params = z.object({ key: z.string().max(64) });

export const GET = projectRoute({ can: "project.read", params: Params }, ({ ctx, params }) => getAbTest(ctx, params.key));
