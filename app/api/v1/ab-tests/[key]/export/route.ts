import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { exportAbTest } from "@/lib/services/ab-tests/export";
import { ExportAbTest } from "@/lib/validation/ab-tests";

const Params = z.object({ key: z.string().max(64) });

export const GET = projectRoute({ can: "project.read", params: Params, query: ExportAbTest }, ({ ctx, params, query }) =>
  exportAbTest(ctx, params.key, query),
);
