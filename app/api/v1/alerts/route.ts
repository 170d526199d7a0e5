import { projectRoute } from "@/lib/http/route";
import { listAlerts } from "@/lib/services/alerts/read";
import { createAlert } from "@/lib/services/alerts/write";
import { CreateAlert } from "@/lib/validation/automation";

export const GET = projectRoute({ role: "viewer" }, ({ ctx }) => listAlerts(ctx));

export const POST = projectRoute({ role: "member", body: CreateAlert, status: 201 }, ({ ctx, body }) => createAlert(ctx, body));
