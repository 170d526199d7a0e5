import { projectRoute } from "@/lib/http/route";
import { getSchedule } from "@/lib/services/schedules/read";
import { deleteSchedule, updateSchedule } from "@/lib/services/schedules/write";
import { IdParams, UpdateSchedule } from "@/lib/validation/automation";

export const GET = projectRoute({ can: "project.read", params: IdParams }, ({ ctx, params }) => getSchedule(ctx, params.id));

/** Any fields; `{"paused": true}` pauses and `{"paused": false}` resumes (counting from now). */
export const PATCH = projectRoute({ can: "automation.manage", params: IdParams, body: UpdateSchedule }, ({ ctx, params, body }) =>
  updateSchedule(ctx, params.id, body),
);

export const DELETE = projectRoute({ can: "automation.manage", params: IdParams, status: 204 }, ({ ctx, params }) =>
  deleteSchedule(ctx, params.id),
);
