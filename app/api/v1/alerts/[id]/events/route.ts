import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { listAlertEvents } from "@/lib/services/alerts/read";
import { IdParams } from "@/lib/validation/automation";

export const GET = projectRoute({ can: "project.read", params: IdParams, query: PageQuery }, ({ ctx, params, query }) =>
  listAlertEvents(ctx, params.id, query),
);
