import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { listUseCases } from "@/lib/services/use-cases/read";
import { createUseCase } from "@/lib/services/use-cases/write";
import { CreateUseCase } from "@/lib/validation/use-cases";

export const GET = projectRoute({ role: "viewer", query: PageQuery }, ({ ctx, query }) => listUseCases(ctx, query));

export const POST = projectRoute({ role: "admin", body: CreateUseCase, status: 201 }, ({ ctx, body }) => createUseCase(ctx, body));
