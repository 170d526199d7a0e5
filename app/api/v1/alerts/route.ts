import { projectRoute } from "@/lib/http/route";
import { listAlerts } from "@/lib/services/alerts/read";
import { createAlert } from "@/lib/services/alerts/write";
import { CreateAlert } from "@/lib/validation/automation";

export const GET = projectRoute({ can: "project.read" }, ({ ctx }) => listAlerts(ctx));

export const POST = projectRoute({ can: "automation.manage", body: CreateAlert, status: 201 }, ({ ctx, body }) => createAlert(ctx, body));
