import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { listSubscriptions } from "@/lib/services/subscriptions/read";
import { createSubscription } from "@/lib/services/subscriptions/write";
import { CreateSubscription } from "@/lib/validation/automation";

export const GET = projectRoute({ can: "project.read", query: z.object({ alert_id: z.uuid().optional() }) }, ({ ctx, query }) =>
  listSubscriptions(ctx, query),
);

/** 201 with the webhook's signing `secret`, which is never shown again. */
export const POST = projectRoute({ can: "automation.manage", body: CreateSubscription, status: 201 }, ({ ctx, body }) =>
  createSubscription(ctx, body),
);
