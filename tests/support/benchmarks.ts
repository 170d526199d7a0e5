import type { ProjectCtx } from "@/lib/auth/context";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { ImportSettings } from "@/lib/validation/benchmarks";

/** A custom benchmark of `count` tasks whose every answer is "pong"; returns its id. */
export async function makePongBenchmark(ctx: ProjectCtx, key: string, count: number): Promise<string> {
  const rows = Array.from({ length: count }, (_, i) => JSON.stringify({ input: `q${i}`, truth: "pong" })).join("\n");
  const source: ByteSource = (async function* () {
    yield Buffer.from(rows);
  })();
  const imported = await importBenchmark(
    ctx,
    { create: { key, name: key, description: "", categories: [], languages: [], visibility: "custom" } },
    source,
    ImportSettings.parse({}),
  );
  return imported.benchmark?.id as string;
}
