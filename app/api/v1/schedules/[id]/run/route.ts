import { projectRoute } from "@/lib/http/route";
import { runScheduleNow } from "@/lib/services/schedules/fire";
import { IdParams } from "@/lib/validation/automation";

/** Run now: one extra occurrence, with the same skip rule as a timed one. */
export const POST = projectRoute({ can: "automation.manage", params: IdParams, status: 201 }, ({ ctx, params }) =>
  runScheduleNow(ctx, params.id),
);
