import { randomBytes } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { benchmarks, benchmarkVersions, llamaStackResources } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError, uniqueViolation } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import { visibleBenchmarks } from "@/lib/services/benchmarks/access";

export type Kind = "dataset" | "benchmark";
export type Resource = typeof llamaStackResources.$inferSelect;

const label = (kind: Kind) => (kind === "dataset" ? "Dataset" : "Benchmark");

/** The project's registered datasets or benchmarks whose Yardstick benchmark is still visible. */
export async function listResources(ctx: ProjectCtx, kind: Kind): Promise<Resource[]> {
  const rows = await db
    .select({ resource: llamaStackResources })
    .from(llamaStackResources)
    .innerJoin(benchmarks, eq(benchmarks.id, llamaStackResources.benchmarkId))
    .where(and(eq(llamaStackResources.projectId, ctx.project.id), eq(llamaStackResources.kind, kind), visibleBenchmarks(ctx)))
    .orderBy(asc(llamaStackResources.createdAt));
  return rows.map((r) => r.resource);
}

export async function findResource(ctx: ProjectCtx, kind: Kind, identifier: string): Promise<Resource | undefined> {
  const [row] = await db
    .select({ resource: llamaStackResources })
    .from(llamaStackResources)
    .innerJoin(benchmarks, eq(benchmarks.id, llamaStackResources.benchmarkId))
    .where(
      and(
        eq(llamaStackResources.projectId, ctx.project.id),
        eq(llamaStackResources.kind, kind),
        eq(llamaStackResources.identifier, identifier),
        visibleBenchmarks(ctx),
      ),
    );
  return row?.resource;
}

export async function getResource(ctx: ProjectCtx, kind: Kind, identifier: string): Promise<Resource> {
  const row = await findResource(ctx, kind, identifier);
  if (!row) throw new AppError("not_found", `${label(kind)} ${identifier} not found`);
  return row;
}

/** Registering an id twice is a 409 the client must not retry (the route adds x-should-retry: false). */
export async function assertUnregistered(ctx: ProjectCtx, kind: Kind, identifier: string, field: string): Promise<void> {
  if (await findResource(ctx, kind, identifier))
    throw AppError.field(field, `${label(kind)} ${identifier} already exists; unregister it first`, "conflict");
}

/** The latest version of the benchmark behind a dataset: Llama Stack datasets have no versions. */
export async function latestVersion(benchmarkId: string) {
  const [version] = await db
    .select()
    .from(benchmarkVersions)
    .where(eq(benchmarkVersions.benchmarkId, benchmarkId))
    .orderBy(desc(benchmarkVersions.number))
    .limit(1);
  if (!version) throw new AppError("not_found", "The dataset has no rows yet");
  return version;
}

/** A benchmark key (global, lowercase) for a Llama Stack id (per project, any text). */
export function benchmarkKeyFor(identifier: string): string {
  const slug = identifier
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .slice(0, 100);
  return `llama-stack/${slug || "dataset"}-${randomBytes(3).toString("hex")}`;
}

/** Records a registration with its audit row; a concurrent register of the same id is a 409 naming `field`. */
export async function insertResource(
  ctx: ProjectCtx,
  values: Omit<typeof llamaStackResources.$inferInsert, "projectId">,
  field: string,
  details: Record<string, unknown>,
): Promise<Resource> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(llamaStackResources)
        .values({ ...values, projectId: ctx.project.id })
        .returning();
      await recordAudit(tx, ctx.actor, ctx.project.id, {
        action: `llama_stack.${values.kind}.register`,
        resourceType: "benchmark",
        resourceId: values.benchmarkId,
        details: { [field]: values.identifier, ...details },
      });
      return row as Resource;
    });
  } catch (error) {
    if (uniqueViolation(error)) throw AppError.field(field, `${label(values.kind)} ${values.identifier} already exists`, "conflict");
    throw error;
  }
}

/** Forgets the Llama Stack id; the Yardstick benchmark, its versions and runs stay. */
export async function unregisterResource(ctx: ProjectCtx, kind: "dataset" | "benchmark", identifier: string) {
  const resource = await getResource(ctx, kind, identifier);
  await db.transaction(async (tx) => {
    await tx.delete(llamaStackResources).where(eq(llamaStackResources.id, resource.id));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: `llama_stack.${kind}.unregister`,
      resourceType: "benchmark",
      resourceId: resource.benchmarkId,
      details: { [`${kind}_id`]: identifier },
    });
  });
}
