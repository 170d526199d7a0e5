import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { resourceTags } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { TaggedType } from "@/lib/validation/tags";

// Tag reads the resource lists use; kept apart from tags.ts, which looks the resources up, so the lists
// and the tag service do not import each other.

/** Each resource's tags in this project, sorted; resources without tags are absent. */
export async function tagsOf(ctx: ProjectCtx, type: TaggedType, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ id: resourceTags.resourceId, tag: resourceTags.tag })
    .from(resourceTags)
    .where(and(eq(resourceTags.projectId, ctx.project.id), eq(resourceTags.resourceType, type), inArray(resourceTags.resourceId, ids)))
    .orderBy(asc(resourceTags.tag));
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.tag]);
  return out;
}

/** A filter condition: the resource whose id is `idColumn` carries every one of `tags` in this project. */
export function hasAllTags(ctx: ProjectCtx, type: TaggedType, idColumn: AnyPgColumn | SQL, tags: string[] | undefined): SQL | undefined {
  if (!tags?.length) return undefined;
  return sql`(select count(distinct rt.tag) from ${resourceTags} rt where rt.project_id = ${ctx.project.id} and rt.resource_type = ${type}
    and rt.resource_id = ${idColumn} and rt.tag in (${sql.join(
      tags.map((t) => sql`${t}`),
      sql`, `,
    )})) = ${tags.length}`;
}
