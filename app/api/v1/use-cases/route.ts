import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { listUseCases } from "@/lib/services/use-cases/read";
import { createUseCase } from "@/lib/services/use-cases/write";
import { CreateUseCase } from "@/lib/validation/use-cases";

export const GET = projectRoute({ can: "project.read", query: PageQuery }, ({ ctx, query }) => listUseCases(ctx, query));

export const POST = projectRoute({ can: "usecase.manage", body: CreateUseCase, status: 201 }, ({ ctx, body }) => createUseCase(ctx, body));
