import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { listAuditLog } from "@/lib/services/projects/audit-log";

export const GET = projectRoute({ role: "admin", query: PageQuery }, ({ ctx, query }) => listAuditLog(ctx, query));
