import { and, asc, eq, gt } from "drizzle-orm";
import { db } from "@/db";
import { benchmarkTasks } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { rowSourceBytes } from "@/lib/http/upload";
import { appendRows } from "@/lib/services/benchmarks/derive";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { fromRow } from "@/lib/services/benchmarks/task-rows";
import { taskToRow } from "./rows";
import { assertUnregistered, benchmarkKeyFor, getResource, insertResource, latestVersion, listResources, type Resource } from "./resources";
import type { RegisterDataset } from "./schemas";

const purposeOf = (r: Resource) => r.purpose as RegisterDataset["purpose"];

/** A dataset as Llama Stack describes it; the rows live in the Yardstick benchmark named in metadata. */
export function describeDataset(r: Resource) {
  return {
    identifier: r.identifier,
    provider_id: "yardstick",
    provider_resource_id: r.benchmarkId,
    type: "dataset" as const,
    purpose: purposeOf(r),
    source: { type: "uri" as const, uri: r.sourceUri ?? `yardstick://benchmarks/${r.benchmarkId}` },
    metadata: { ...r.metadata, yardstick_benchmark_id: r.benchmarkId },
  };
}

/** Imports the rows as a new Yardstick benchmark (one version), then records the Llama Stack id for it. */
export async function registerDataset(ctx: ProjectCtx, input: RegisterDataset) {
  const identifier = input.dataset_id ?? `dataset-${crypto.randomUUID()}`;
  await assertUnregistered(ctx, "dataset", identifier, "dataset_id");
  const key = benchmarkKeyFor(identifier);
  const uri = "uri" in input.source ? input.source.uri : null;
  const imported = await importBenchmark(
    ctx,
    {
      create: {
        key,
        name: identifier.slice(0, 64),
        description: `Llama Stack dataset ${identifier}`.slice(0, 280),
        categories: [],
        languages: [],
        visibility: "custom",
      },
    },
    rowSourceBytes(input.source),
    { dry_run: false, purpose: input.purpose, ...("rows" in input.source ? { format: "jsonl" as const } : {}) },
  );
  const resource = await insertResource(
    ctx,
    {
      kind: "dataset",
      identifier,
      benchmarkId: imported.benchmark?.id as string,
      purpose: input.purpose,
      metadata: input.metadata ?? {},
      sourceUri: uri && !uri.startsWith("data:") ? uri : null,
    },
    "dataset_id",
    { rows: imported.version?.task_count },
  );
  return describeDataset(resource);
}

export async function listDatasets(ctx: ProjectCtx) {
  return { data: (await listResources(ctx, "dataset")).map(describeDataset) };
}

export async function getDataset(ctx: ProjectCtx, identifier: string) {
  return describeDataset(await getResource(ctx, "dataset", identifier));
}

/** Rows of the latest version from start_index (0-based); every remaining row when limit is absent or -1. */
export async function iterateDatasetRows(ctx: ProjectCtx, identifier: string, startIndex = 0, limit = -1) {
  const resource = await getResource(ctx, "dataset", identifier);
  const version = await latestVersion(resource.benchmarkId);
  const take = limit < 0 ? version.taskCount : limit;
  const rows = await db
    .select()
    .from(benchmarkTasks)
    .where(and(eq(benchmarkTasks.versionId, version.id), gt(benchmarkTasks.position, startIndex)))
    .orderBy(asc(benchmarkTasks.position))
    .limit(take + 1);
  return { data: rows.slice(0, take).map((r) => taskToRow(fromRow(r))), has_more: rows.length > take, url: null };
}

/** Appending makes a new version of the benchmark (versions are immutable); runs keep the one they used. */
export async function appendDatasetRows(ctx: ProjectCtx, identifier: string, rows: Record<string, unknown>[]) {
  const resource = await getResource(ctx, "dataset", identifier);
  const version = await latestVersion(resource.benchmarkId);
  await appendRows(ctx, resource.benchmarkId, version.number, rowSourceBytes({ rows }), {
    dry_run: false,
    format: "jsonl",
    purpose: purposeOf(resource),
  });
}
