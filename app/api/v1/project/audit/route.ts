import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { listAuditLog } from "@/lib/services/projects/audit-log";

export const GET = projectRoute({ can: "audit.read", query: PageQuery }, ({ ctx, query }) => listAuditLog(ctx, query));
