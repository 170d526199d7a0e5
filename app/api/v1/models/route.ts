import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { listModels } from "@/lib/services/models/read";
import { createModel } from "@/lib/services/models/write";
import { CreateModel, ListModels } from "@/lib/validation/models";

export const GET = projectRoute({ can: "project.read", query: ListModels.extend(PageQuery.shape) }, ({ ctx, query }) =>
  listModels(ctx, query, { page: query.page, per_page: query.per_page }),
);

export const POST = projectRoute({ can: "model.manage", body: CreateModel, status: 201 }, ({ ctx, body }) => createModel(ctx, body));
