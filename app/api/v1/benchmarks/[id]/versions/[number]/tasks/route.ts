import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { listTasks } from "@/lib/services/benchmarks/read";
import { VersionParams } from "@/lib/validation/benchmark-params";
import { ListTasks } from "@/lib/validation/benchmarks";

export const GET = projectRoute(
  { can: "project.read", params: VersionParams, query: ListTasks.extend(PageQuery.shape) },
  ({ ctx, params, query }) => listTasks(ctx, params.id, params.number, query, { page: query.page, per_page: query.per_page }),
);
