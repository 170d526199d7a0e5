import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { testConnection } from "@/lib/services/models/test-connection";

/** Sends one short chat request through the evaluation client and reports latency and answer or error. */
export const POST = projectRoute({ can: "model.test", params: z.object({ id: z.uuid("id must be a model id") }) }, ({ ctx, params }) =>
  testConnection(ctx, params.id),
);
