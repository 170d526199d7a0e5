import { download } from "@/lib/export/download";
import { projectRoute } from "@/lib/http/route";
import { exportComparison } from "@/lib/services/reports/compare-export";
import { CompareExportQuery } from "@/lib/services/reports/compare-query";

/** `GET /api/v1/compare/export?runs=…&runs=…&format=csv|json[&vs=&filter=&subset=]`: every matching task, no paging. */
export const GET = projectRoute({ can: "project.read", query: CompareExportQuery }, async ({ ctx, query }) => {
  const { lines, filename, format } = await exportComparison(ctx, query);
  return download(lines, filename, format);
});
