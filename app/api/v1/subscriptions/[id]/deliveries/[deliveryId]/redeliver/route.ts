import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { redeliver } from "@/lib/services/subscriptions/write";

const Params = z.object({ id: z.uuid("id must be a uuid"), deliveryId: z.uuid("deliveryId must be a uuid") });

export const POST = projectRoute({ can: "automation.manage", params: Params, status: 202 }, ({ ctx, params }) =>
  redeliver(ctx, params.id, params.deliveryId),
);
