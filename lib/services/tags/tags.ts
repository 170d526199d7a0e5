import { and, asc, count, eq } from "drizzle-orm";
import { db } from "@/db";
import { resourceTags } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { TaggedType } from "@/lib/validation/tags";
import { recordAudit } from "../audit";
import { getBenchmarkRow } from "../benchmarks/access";
import { getModelRow } from "../models/read";
import { getRunRow } from "../runs/read";
import { getScheduleRow } from "../schedules/read";
import { tagsOf } from "./read";

/** Throws not_found unless the project can see the resource. */
const assertVisible: Record<TaggedType, (ctx: ProjectCtx, id: string) => Promise<unknown>> = {
  model: (ctx, id) => getModelRow(ctx, { id }),
  benchmark: (ctx, id) => getBenchmarkRow(ctx, id),
  run: (ctx, id) => getRunRow(ctx, id),
  schedule: (ctx, id) => getScheduleRow(ctx, id),
};

export async function getTags(ctx: ProjectCtx, type: TaggedType, id: string) {
  await assertVisible[type](ctx, id);
  return { tags: (await tagsOf(ctx, type, [id])).get(id) ?? [] };
}

/** Replaces a resource's tags in this project (the same public model can carry other tags elsewhere). */
export async function setTags(ctx: ProjectCtx, type: TaggedType, id: string, tags: string[]) {
  await assertVisible[type](ctx, id);
  const where = and(eq(resourceTags.projectId, ctx.project.id), eq(resourceTags.resourceType, type), eq(resourceTags.resourceId, id));
  await db.transaction(async (tx) => {
    const before = (await tx.select({ tag: resourceTags.tag }).from(resourceTags).where(where)).map((r) => r.tag);
    await tx.delete(resourceTags).where(where);
    if (tags.length)
      await tx.insert(resourceTags).values(tags.map((tag) => ({ projectId: ctx.project.id, resourceType: type, resourceId: id, tag })));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: `${type}.tags`,
      resourceType: type,
      resourceId: id,
      details: { before: before.sort(), after: [...tags].sort() },
    });
  });
  return getTags(ctx, type, id);
}

/** The project's tags with how many resources carry each, for filter pickers. */
export async function listTags(ctx: ProjectCtx, type?: TaggedType) {
  return db
    .select({ type: resourceTags.resourceType, tag: resourceTags.tag, count: count() })
    .from(resourceTags)
    .where(and(eq(resourceTags.projectId, ctx.project.id), type ? eq(resourceTags.resourceType, type) : undefined))
    .groupBy(resourceTags.resourceType, resourceTags.tag)
    .orderBy(asc(resourceTags.resourceType), asc(resourceTags.tag));
}
