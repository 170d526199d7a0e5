import { projectRoute } from "@/lib/http/route";
import { getSubscriptionRow, serializeSubscription } from "@/lib/services/subscriptions/read";
import { deleteSubscription } from "@/lib/services/subscriptions/write";
import { IdParams } from "@/lib/validation/automation";

export const GET = projectRoute({ can: "project.read", params: IdParams }, async ({ ctx, params }) =>
  serializeSubscription(await getSubscriptionRow(ctx, params.id)),
);

export const DELETE = projectRoute({ can: "automation.manage", params: IdParams, status: 204 }, ({ ctx, params }) =>
  deleteSubscription(ctx, params.id),
);
