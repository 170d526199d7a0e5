import { projectRoute } from "@/lib/http/route";
import { compareRuns } from "@/lib/services/reports/compare";
import { CompareQuery } from "@/lib/services/reports/compare-query";

/** `GET /api/v1/compare?runs=<baseline>&runs=<other>…[&vs=&filter=&subset=&page=&per_page=]` */
export const GET = projectRoute({ can: "project.read", query: CompareQuery }, ({ ctx, query }) => compareRuns(ctx, query));
