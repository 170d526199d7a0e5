import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { models, useCaseModels, useCases } from "@/db/schema";
import { AppError } from "@/lib/errors";

export type Model = typeof models.$inferSelect;
export type RoutedModel = { model: Model; isDefault: boolean; online: boolean; fallbackOrder: number | null };
export type Routing = { useCase: { id: string; key: string; projectId: string }; models: RoutedModel[] };

// The gateway reads this on every call; a short cache keeps the database off the hot path. Writes in this
// process clear it at once; other instances see a change within TTL_MS.
const TTL_MS = 2000;
const cache = new Map<string, { at: number; routing: Promise<Routing> }>();

export function invalidateRouting(projectId: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${projectId}:`)) cache.delete(key);
}

async function load(projectId: string, key: string | undefined): Promise<Routing> {
  const rows = await db
    .select({ id: useCases.id, key: useCases.key })
    .from(useCases)
    .where(key ? and(eq(useCases.projectId, projectId), eq(useCases.key, key)) : eq(useCases.projectId, projectId))
    .limit(2);
  if (key && !rows[0]) throw new AppError("not_found", `Use case "${key}" not found`, [{ path: "use_case", message: "unknown use case" }]);
  if (!key && rows.length !== 1) {
    const message = rows.length
      ? "Name the use case with the X-Yardstick-Use-Case header or the use_case field: the project has several"
      : "The project has no use case yet";
    throw AppError.field("use_case", message);
  }
  const useCase = rows[0] as { id: string; key: string };
  const attached = await db
    .select({ model: models, link: useCaseModels })
    .from(useCaseModels)
    .innerJoin(models, eq(models.id, useCaseModels.modelId))
    .where(eq(useCaseModels.useCaseId, useCase.id))
    .orderBy(asc(useCaseModels.createdAt));
  return {
    useCase: { ...useCase, projectId },
    models: attached
      .filter((a) => !a.model.disabledAt)
      .map(({ model, link }) => ({ model, isDefault: link.isDefault, online: link.online, fallbackOrder: link.fallbackOrder })),
  };
}

/** The use case named by `key` (or the project's only one) and the models attached to it. */
export function routingFor(projectId: string, key: string | undefined): Promise<Routing> {
  const cacheKey = `${projectId}:${key ?? ""}`;
  const hit = cache.get(cacheKey);
  if (hit && performance.now() - hit.at < TTL_MS) return hit.routing;
  const routing = load(projectId, key);
  cache.set(cacheKey, { at: performance.now(), routing });
  routing.catch(() => cache.delete(cacheKey));
  return routing;
}

/** The model a request asks for (`default` or an attached key), then the use case's fallbacks in order. */
export function candidates(routing: Routing, requested: string): RoutedModel[] {
  const primary = requested === "default" ? routing.models.find((m) => m.isDefault) : routing.models.find((m) => m.model.key === requested);
  if (!primary) {
    if (requested === "default") throw AppError.field("model", `Use case "${routing.useCase.key}" has no default model`);
    throw new AppError("not_found", `Model "${requested}" is not attached to use case "${routing.useCase.key}"`, [
      { path: "model", message: "not attached to this use case" },
    ]);
  }
  if (!primary.online) throw AppError.field("model", `Model "${primary.model.key}" is offline for use case "${routing.useCase.key}"`);
  const fallbacks = routing.models
    .filter((m) => m !== primary && m.online && m.fallbackOrder !== null)
    .sort((a, b) => (a.fallbackOrder ?? 0) - (b.fallbackOrder ?? 0));
  return [primary, ...fallbacks];
}
