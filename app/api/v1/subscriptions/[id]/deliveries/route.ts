import { projectRoute } from "@/lib/http/route";
import { listDeliveries } from "@/lib/services/subscriptions/read";
import { IdParams } from "@/lib/validation/automation";

export const GET = projectRoute({ can: "project.read", params: IdParams }, ({ ctx, params }) => listDeliveries(ctx, params.id));
