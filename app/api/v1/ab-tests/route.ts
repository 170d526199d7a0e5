import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { createAbTest } from "@/lib/services/ab-tests/create";
import { getAbTest, listAbTests } from "@/lib/services/ab-tests/read";
import { CreateAbTest, ListAbTests } from "@/lib/validation/ab-tests";

export const GET = projectRoute(
  { can: "project.read", query: PageQuery.extend(ListAbTests.shape) },
  ({ ctx, query: { page, per_page, ...filters } }) => listAbTests(ctx, filters, { page, per_page }),
);

export const POST = projectRoute({ can: "usecase.manage", body: CreateAbTest, status: 201 }, async ({ ctx, body }) =>
  getAbTest(ctx, await createAbTest(ctx, body)),
);
