import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { closeDb } from "@/db";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { makeProject, makeUser } from "../support/factories";
import { benchDatabase } from "./embedded-db";

// npm run bench:import — 100,000 rows (~50 MB of JSONL) through the real import service, against a
// plain COPY of the same lines for scale. The last line printed is one JSON object.
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const filler = "The quick brown fox jumps over the lazy dog while the accountant counts apples. ";

async function writeFile(file: string): Promise<void> {
  await pipeline(
    (function* () {
      for (let i = 0; i < ROWS; i++) {
        const question = `Question ${i}: ${filler.repeat(5)}What is ${i} plus ${i % 97}?`;
        yield `${JSON.stringify({ input: question, truth: String(i + (i % 97)), subset: `s${i % 20}` })}\n`;
      }
    })(),
    createWriteStream(file),
  );
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "yardstick-bench-import-"));
  const file = path.join(dir, "bench.jsonl");
  await writeFile(file);
  const bytes = statSync(file).size;
  const db = await benchDatabase();
  try {
    await makeUser();
    const ctx = await makeProject();
    const started = performance.now();
    const result = await importBenchmark(
      ctx,
      { create: { key: "bench-import", name: "Import benchmark", description: "", categories: [], languages: [], visibility: "custom" } },
      createReadStream(file, { highWaterMark: 1 << 20 }),
      ImportSettings.parse({ filename: "bench.jsonl" }),
    );
    const wall = (performance.now() - started) / 1000;
    if (result.version?.task_count !== ROWS) throw new Error(`imported ${result.version?.task_count} of ${ROWS} rows`);
    const peakRss = process.resourceUsage().maxRSS / 1024;

    // The floor: the same lines COPY'd into a one-column scratch table.
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    await sql`create temporary table scratch (line jsonb)`;
    const copyStarted = performance.now();
    const writable = await sql`copy scratch (line) from stdin`.writable();
    await pipeline(createReadStream(file), writable);
    const copyWall = (performance.now() - copyStarted) / 1000;
    await sql.end();

    console.log(
      JSON.stringify({
        rows: ROWS,
        bytes,
        wall_s: Number(wall.toFixed(2)),
        rows_per_s: Math.round(ROWS / wall),
        peak_rss_mb: Math.round(peakRss),
        copy_rows_per_s: Math.round(ROWS / copyWall),
      }),
    );
  } finally {
    await closeDb();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
