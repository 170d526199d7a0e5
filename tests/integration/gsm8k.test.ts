import { createReadStream, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { createModel } from "@/lib/services/models/write";
import { createRun } from "@/lib/services/runs/create";
import { getRun } from "@/lib/services/runs/read";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { CreateModel } from "@/lib/validation/models";
import { CreateRun } from "@/lib/validation/runs";
import { startWorker } from "@/lib/worker";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { makeProject, makeUser } from "../support/factories";

const dir = path.resolve(process.cwd(), "../shared/data/gsm8k");
const present = existsSync(path.join(dir, "test.jsonl")) && existsSync(path.join(dir, "example_model_solutions.jsonl"));

// Published accuracies of the four real models on GSM8K's 1,319 test problems (Cobbe et al. 2021),
// from the data set's own is_correct labels: the platform must reproduce them from the raw outputs.
const PUBLISHED = { "6b_finetuning": 286, "6b_verification": 515, "175b_finetuning": 458, "175b_verification": 742 };
type ModelName = keyof typeof PUBLISHED;

describe.skipIf(!present)("GSM8K with real model outputs", () => {
  const fakes: FakeOpenAI[] = [];
  let worker: Awaited<ReturnType<typeof startWorker>>;
  beforeAll(async () => {
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker.stop();
    await Promise.all(fakes.map((f) => f.close()));
  });

  it("reproduces 286, 515, 458 and 742 of 1,319 (±1) with the regex parser", async () => {
    await makeUser();
    const ctx = await makeProject();
    const field_mapping = { input_field: "question", truth_field: "answer", truth_regex: "####\\s*([^\\n]+)$" };
    const imported = await importBenchmark(
      ctx,
      { create: { key: "gsm8k", name: "GSM8K", description: "", categories: ["reasoning"], languages: ["en"], visibility: "custom" } },
      createReadStream(path.join(dir, "test.jsonl")),
      ImportSettings.parse({ field_mapping }),
    );
    expect(imported.version?.task_count).toBe(1319);

    const solutions = readFileSync(path.join(dir, "example_model_solutions.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown> & { question: string });
    const scorer = { type: "regex_parser", params: { parsing_regexes: ["A:\\s*(.+)"], truth_regex: "####\\s*(.+)", occurrence: "last" } };
    const runIds: Record<string, string> = {};
    for (const name of Object.keys(PUBLISHED) as ModelName[]) {
      // The fake endpoint answers each question with that model's recorded solution.
      const byQuestion = new Map(solutions.map((s) => [s.question, (s[name] as { solution: string }).solution]));
      const fake = await startFakeOpenAI({ answer: (body) => byQuestion.get(String(body.messages?.at(-1)?.content)) ?? "A: none" });
      fakes.push(fake);
      const model = await createModel(ctx, CreateModel.parse({ key: `gsm8k/${name.replace("_", "-")}`, name, api_url: fake.url }));
      const { run } = await createRun(
        ctx,
        CreateRun.parse({ model_id: model.id, benchmark_id: imported.benchmark?.id, config: { concurrency: 32, scorers: [scorer] } }),
        "user",
      );
      runIds[name] = run.id;
    }
    for (const [name, id] of Object.entries(runIds)) {
      let run = await getRun(ctx, id);
      for (let i = 0; i < 600 && run.status !== "completed" && run.status !== "failed"; i++) {
        await new Promise((r) => setTimeout(r, 200));
        run = await getRun(ctx, id);
      }
      expect(run.status).toBe("completed");
      expect(run.running_score.n).toBe(1319);
      expect(Math.abs(run.running_score.passed - PUBLISHED[name as ModelName])).toBeLessThanOrEqual(1);
    }
  }, 180_000);
});
