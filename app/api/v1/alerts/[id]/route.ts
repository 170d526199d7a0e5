import { projectRoute } from "@/lib/http/route";
import { getAlert } from "@/lib/services/alerts/read";
import { deleteAlert, updateAlert } from "@/lib/services/alerts/write";
import { IdParams, UpdateAlert } from "@/lib/validation/automation";

export const GET = projectRoute({ can: "project.read", params: IdParams }, ({ ctx, params }) => getAlert(ctx, params.id));

export const PATCH = projectRoute({ can: "automation.manage", params: IdParams, body: UpdateAlert }, ({ ctx, params, body }) =>
  updateAlert(ctx, params.id, body),
);

export const DELETE = projectRoute({ can: "automation.manage", params: IdParams, status: 204 }, ({ ctx, params }) =>
  deleteAlert(ctx, params.id),
);
