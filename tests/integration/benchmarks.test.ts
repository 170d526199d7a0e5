import { existsSync } from "node:fs";
import { createReadStream } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { db } from "@/db";
import { benchmarks, benchmarkTasks, benchmarkVersions } from "@/db/schema";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import type { AppError } from "@/lib/errors";
import { appendRows, editTask, redactTasks } from "@/lib/services/benchmarks/derive";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { getBenchmark, getTask, iterateRows, listBenchmarks, listTasks } from "@/lib/services/benchmarks/read";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { addMember, makeProject, makeUser } from "../support/factories";

const bytes = (text: string): ByteSource =>
  (async function* () {
    yield Buffer.from(text);
  })();
const settings = (s: z.input<typeof ImportSettings> = {}) => ImportSettings.parse(s);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );
const page = { page: 1, per_page: 50 };

const stratix = (n: number, offset = 0) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ input: `What is ${i + offset} + 1?`, truth: String(i + offset + 1), subset: i % 2 ? "odd" : "even" }),
  ).join("\n");

const create = (key: string) => ({
  create: { key, name: key, description: "", categories: ["reasoning"], languages: ["en"], visibility: "custom" as const },
});

describe("benchmark import", () => {
  it("dry run validates without writing and reports row errors", async () => {
    await makeUser();
    const ctx = await makeProject();
    const file = `${stratix(3)}\n{"input": "no truth"}\n{broken json\n`;
    const result = await importBenchmark(ctx, create("dry"), bytes(file), settings({ dry_run: true }));
    expect(result.dry_run).toBe(true);
    expect(result.validation).toMatchObject({ total: 5, valid: 3, errorRows: 2 });
    expect(result.validation.errors.map((e) => e.row)).toEqual([4, 5]);
    expect(result.validation.preview).toHaveLength(3);
    expect(await db.select().from(benchmarks)).toHaveLength(0);
  });

  it("imports good rows in one version, skips bad ones, and is a no-op for identical content", async () => {
    const ctx = await makeProject();
    const first = await importBenchmark(ctx, create("arith"), bytes(`${stratix(10)}\n{"input": "no truth here"}`), settings());
    expect(first.version).toMatchObject({ number: 1, task_count: 10 });
    expect(first.validation.errors[0]?.row).toBe(11);
    const id = first.benchmark?.id as string;
    // Same tasks, CRLF line endings and a BOM: same content hash, so nothing new.
    const again = await importBenchmark(ctx, { benchmarkId: id }, bytes(`\ufeff${stratix(10).replaceAll("\n", "\r\n")}`), settings());
    expect(again.created).toBe(false);
    expect(again.version?.number).toBe(1);
    const changed = await importBenchmark(ctx, { benchmarkId: id }, bytes(stratix(12)), settings());
    expect(changed.version?.number).toBe(2);
    const detail = await getBenchmark(ctx, id);
    expect(detail.versions.map((v) => [v.number, v.task_count])).toEqual([
      [2, 12],
      [1, 10],
    ]);
    expect(detail.versions[1]?.stats.subsets).toEqual({ even: 5, odd: 5 });
  });

  it("stores awkward text exactly: tabs, newlines, backslashes, quotes, unicode, NUL-free JSON", async () => {
    const ctx = await makeProject();
    const task = {
      type: "qa",
      input: 'Tab\there,\nnew line, back\\slash, "quotes", ünïcödé 🚀, \\N',
      truth: ["a\tb", "c,d"],
      tags: ['say "hi"', "a,b", "back\\slash", "{brace}"],
      redacted: false,
      metadata: { note: "\\N is not null" },
      subset: "tab\tsubset",
    };
    const r = await importBenchmark(ctx, create("awkward"), bytes(JSON.stringify(task)), settings());
    const stored = await getTask(ctx, r.benchmark?.id as string, 1, 1);
    expect({ input: stored.input, truth: stored.truth, tags: stored.tags, metadata: stored.metadata, subset: stored.subset }).toEqual({
      input: task.input,
      truth: task.truth,
      tags: task.tags,
      metadata: task.metadata,
      subset: task.subset,
    });
  });

  it("leaves no partial version when the import fails midway", async () => {
    const ctx = await makeProject();
    async function* failing(): ByteSource {
      yield Buffer.from(`${stratix(2500)}\n`);
      throw new Error("connection reset");
    }
    const countTasks = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(benchmarkTasks))[0]?.n;
    const countVersions = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(benchmarkVersions))[0]?.n;
    const before = [await countTasks(), await countVersions()];
    const error = await failure(importBenchmark(ctx, create("broken"), failing(), settings()));
    expect(String(error)).toMatch(/connection reset/);
    expect([await countTasks(), await countVersions()]).toEqual(before);
    expect(await db.select().from(benchmarks).where(eq(benchmarks.key, "broken"))).toHaveLength(0);
  });

  it("imports a CSV through a column mapping and names unknown columns", async () => {
    const ctx = await makeProject();
    const csv = "question,right,wrong1,wrong2,cat\r\nCapital of France?,Paris,Rome,Berlin,geo\r\n2+2?,4,5,3,math\r\n";
    const bad = await failure(
      importBenchmark(
        ctx,
        create("csv-bad"),
        bytes(csv),
        settings({ csv_mapping: { question: "question", default_type: "MCQ", mcq_correct: ["nope"], mcq_incorrect: ["wrong1"] } }),
      ),
    );
    expect(bad?.message).toMatch(/nope/);
    const ok = await importBenchmark(
      ctx,
      create("csv-ok"),
      bytes(csv),
      settings({
        csv_mapping: {
          question: "question",
          default_type: "MCQ",
          mcq_correct: ["right"],
          mcq_incorrect: ["wrong1", "wrong2"],
          subset: "cat",
        },
      }),
    );
    expect(ok.version?.task_count).toBe(2);
    const task = await getTask(ctx, ok.benchmark?.id as string, 1, 1);
    expect(task.type).toBe("MCQ");
    expect(JSON.stringify(task.model_sees.messages)).toMatch(/A\. .*B\. .*C\. /s);
  });

  it("pages, searches and filters tasks; iterates rows with has_more", async () => {
    const ctx = await makeProject();
    const r = await importBenchmark(ctx, create("paged"), bytes(stratix(30)), settings());
    const id = r.benchmark?.id as string;
    expect((await listTasks(ctx, id, 1, {}, { page: 2, per_page: 10 })).items.map((t) => t.position)).toEqual([
      11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    ]);
    expect((await listTasks(ctx, id, 1, { q: "what is 7 +" }, page)).items.map((t) => t.truth)).toEqual(["8"]);
    expect((await listTasks(ctx, id, 1, { subset: "odd" }, page)).count).toBe(15);
    const it1 = await iterateRows(ctx, id, 1, 0, 25);
    expect(it1).toMatchObject({ has_more: true, next_start_index: 25 });
    const it2 = await iterateRows(ctx, id, 1, 25, 25);
    expect(it2.data).toHaveLength(5);
    expect(it2.has_more).toBe(false);
  });

  it("redacts, edits and appends as new versions, keeping the old ones", async () => {
    const ctx = await makeProject();
    const r = await importBenchmark(ctx, create("evolving"), bytes(stratix(5)), settings());
    const id = r.benchmark?.id as string;
    const v2 = await redactTasks(ctx, id, 1, [2, 3], true);
    expect(v2.version?.number).toBe(2);
    expect((await listTasks(ctx, id, 2, { redacted: "true" }, page)).items.map((t) => t.position)).toEqual([2, 3]);
    expect((await listTasks(ctx, id, 1, { redacted: "true" }, page)).count).toBe(0);
    const v3 = await editTask(ctx, id, 2, 1, { type: "qa", input: "Edited?", truth: "yes", tags: [], redacted: false, metadata: {} });
    expect((await getTask(ctx, id, 3, 1)).input).toBe("Edited?");
    expect(v3.version?.number).toBe(3);
    const v4 = await appendRows(ctx, id, 3, bytes(stratix(2, 100)), settings());
    expect(v4.version).toMatchObject({ number: 4, task_count: 7 });
    const detail = await getBenchmark(ctx, id);
    expect(detail.versions.map((v) => v.changes)).toEqual([
      "Appended 2 tasks to v3",
      "Edited task 1 of v2",
      "Redacted 2 tasks of v1",
      "Imported 5 tasks",
    ]);
    // A task keeps its key across versions unless its content changed.
    const [a, b] = await Promise.all([getTask(ctx, id, 1, 4), getTask(ctx, id, 4, 4)]);
    expect(a.task_key).toBe(b.task_key);
  });

  it("hides custom benchmarks from other projects and refuses viewers' writes at the role check", async () => {
    const a = await makeProject();
    const b = await makeProject();
    const r = await importBenchmark(a, create("private"), bytes(stratix(3)), settings());
    const id = r.benchmark?.id as string;
    expect((await failure(getBenchmark(b, id)))?.code).toBe("not_found");
    expect((await failure(listTasks(b, id, 1, {}, page)))?.code).toBe("not_found");
    expect((await failure(importBenchmark(b, { benchmarkId: id }, bytes(stratix(4)), settings())))?.code).toBe("not_found");
    expect((await listBenchmarks(b, {}, page)).items.map((x) => x.id)).not.toContain(id);
    const mine = (await listBenchmarks(a, { key: "private", task_type: "qa" }, page)).items;
    expect(mine.map((x) => [x.key, x.latest_version?.number, x.latest_version?.task_count, x.in_project])).toEqual([
      ["private", 1, 3, true],
    ]);
    expect((await listBenchmarks(a, { key: "private", task_type: "MCQ" }, page)).count).toBe(0);
    const viewer = await addMember(a, "viewer");
    expect((await listBenchmarks(viewer, { key: "priv" }, page)).count).toBe(1);
  });

  const gsm8k = path.resolve(process.cwd(), "../shared/data/gsm8k/test.jsonl");
  it.skipIf(!existsSync(gsm8k))("imports GSM8K through a field mapping: 1,319 tasks, truth after ####", async () => {
    const ctx = await makeProject();
    const field_mapping = { input_field: "question", truth_field: "answer", truth_regex: "####\\s*([^\\n]+)$" };
    const r = await importBenchmark(ctx, create("gsm8k"), createReadStream(gsm8k), settings({ field_mapping, filename: "test.jsonl" }));
    expect(r.version?.task_count).toBe(1319);
    expect(r.validation.errorRows).toBe(0);
    expect(r.validation.recommendedMinTasks).toBe(298);
    const first = await getTask(ctx, r.benchmark?.id as string, 1, 1);
    expect(first.truth).toBe("18");
    expect((await getBenchmark(ctx, r.benchmark?.id as string)).versions[0]?.mapping).toMatchObject(field_mapping);
  });
});
