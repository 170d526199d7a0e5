import { type APIRequestContext, expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { E2E_ADMIN } from "../../playwright.config";
import { apiToken, expectNoSeriousA11yViolations, signIn, unique } from "./helpers";

type Aggregate = { n: number; value: number; ci: [number, number] };
type Run = { id: string; status: string; summary: { primary: { overall: Aggregate } } | null };
type Comparison = { comparisons: { agreement: Record<string, number> }[]; tasks: { count: number } };

// 40 questions in two subsets (a public benchmark, so runs on it can be published); the simulated
// models answer them right with a known probability.
const ROWS = Array.from({ length: 40 }, (_, i) =>
  JSON.stringify({ input: `What is ${i} times 3?`, truth: String(3 * i), subset: i % 2 ? "odd" : "even" }),
).join("\n");

// The same formatting as components/runs/format.ts, written out so a change there fails this test.
const pct = (v: number) => (Math.min(1, Math.max(0, v)) * 100).toFixed(1);
const formatted = (a: Aggregate) => `${pct(a.value)}% [${pct(a.ci[0])}, ${pct(a.ci[1])}], n=${a.n}`;

async function finishedRun(request: APIRequestContext, auth: Record<string, string>, modelKey: string, benchmarkId: string): Promise<Run> {
  const model = (await (await request.get(`/api/v1/models/key/${modelKey}`, { headers: auth })).json()) as { id: string };
  const started = await request.post("/api/v1/runs", {
    headers: auth,
    data: { model_id: model.id, benchmark_id: benchmarkId, config: { concurrency: 8 } },
  });
  expect(started.status(), await started.text()).toBe(201);
  const { id } = (await started.json()) as Run;
  let run: Run = { id, status: "scheduled", summary: null };
  await expect
    .poll(
      async () => {
        run = (await (await request.get(`/api/v1/runs/${id}`, { headers: auth })).json()) as Run;
        return run.status;
      },
      { timeout: 60_000 },
    )
    .toBe("completed");
  return run;
}

test("leaderboard, comparison, drill-down and exports agree with the runs' stored aggregates", async ({ page, request }) => {
  test.setTimeout(150_000);
  const token = await apiToken(request, E2E_ADMIN.email, E2E_ADMIN.password, "demo");
  const auth = { authorization: `Bearer ${token}` };
  const category = unique("e2e-cat");
  const key = unique("e2e/times");
  const upload = await request.post(
    `/api/v1/benchmarks?key=${encodeURIComponent(key)}&name=${encodeURIComponent(`Times ${key.slice(-6)}`)}&categories=${category}&visibility=public`,
    {
      headers: { ...auth, "content-type": "application/x-ndjson" },
      data: Buffer.from(ROWS),
    },
  );
  expect(upload.status(), await upload.text()).toBe(201);
  const benchmarkId = ((await upload.json()) as { benchmark: { id: string } }).benchmark.id;
  const strong = await finishedRun(request, auth, "yardstick/sim-strong", benchmarkId);
  const weak = await finishedRun(request, auth, "yardstick/sim-weak", benchmarkId);

  // Leaderboard, filtered to this benchmark's category: order, intervals and ranks from the stored summaries.
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto(`/demo/leaderboard?category=${category}`);
  await expect(page.getByRole("heading", { level: 1, name: "Leaderboard" })).toBeVisible();
  const rows = page.getByRole("table", { name: /Leaderboard/ }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  const [s, w] = [strong.summary?.primary.overall as Aggregate, weak.summary?.primary.overall as Aggregate];
  const [best, worst] = s.value >= w.value ? [s, w] : [w, s];
  await expect(rows.nth(0)).toContainText(best === s ? "Simulated Strong (85%)" : "Simulated Weak (60%)");
  await expect(rows.nth(0)).toContainText(formatted(best));
  await expect(rows.nth(1)).toContainText(formatted(worst));
  // Ranks are the range the intervals allow: separate intervals rank 1 and 2, overlapping ones both 1–2.
  const separate = worst.ci[1] < best.ci[0];
  await expect(rows.nth(0).getByTestId("rank")).toHaveText(separate ? "1" : "1–2");
  await expect(rows.nth(1).getByTestId("rank")).toHaveText(separate ? "2" : "1–2");
  await expectNoSeriousA11yViolations(page);

  const csv = await request.get(`/api/v1/leaderboard?format=csv&category=${category}`, { headers: auth });
  const exported = parse(await csv.text(), { columns: true }) as Record<string, string>[];
  expect(exported.map((r) => Number(r.average))).toEqual([best.value, worst.value].map((v) => expect.closeTo(v, 12)));

  // Only the strong model carries this project tag: the Model tags field filters to it, and sorting keeps the filter.
  const tag = unique("e2e-frontier");
  const strongModel = (await (await request.get("/api/v1/models/key/yardstick/sim-strong", { headers: auth })).json()) as { id: string };
  expect((await request.put(`/api/v1/models/${strongModel.id}/tags`, { headers: auth, data: { tags: [tag] } })).status()).toBe(200);
  await page.getByLabel("Model tags").fill(tag);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText("Simulated Strong (85%)");
  await page.getByRole("link", { name: "Model", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`model_tag=${tag}.*sort=name`));
  await expect(rows).toHaveCount(1);
  await page.goto(`/demo/leaderboard?category=${category}`);

  // A cell opens its run.
  await rows
    .nth(0)
    .getByRole("link", { name: /open the run/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/demo/runs/${best === s ? strong.id : weak.id}$`));

  // Catalog models on a public benchmark: an admin publishes the run to the instance leaderboard.
  await page.getByRole("button", { name: "Publish to instance leaderboard" }).click();
  await expect(page.getByRole("button", { name: "Remove from instance leaderboard" })).toBeVisible();
  await page.goto(`/leaderboard?category=${category}`);
  await expect(page.getByRole("table", { name: /Leaderboard/ }).locator("tbody tr")).toHaveCount(1);
  await expect(page.getByRole("table", { name: /Leaderboard/ })).toContainText(formatted(best));

  // Compare weak (A, baseline) with strong (B), filter to flipped tasks, open one side by side.
  const comparison = (await (
    await request.get(`/api/v1/compare?runs=${weak.id}&runs=${strong.id}&filter=flipped`, { headers: auth })
  ).json()) as Comparison;
  const agreement = comparison.comparisons[0]?.agreement ?? {};
  expect(Object.values(agreement).reduce((n, v) => n + v, 0)).toBe(40);
  const flipped = comparison.tasks.count;
  expect(flipped).toBe((agreement.only_a ?? 0) + (agreement.only_b ?? 0));
  await page.goto(`/demo/compare?runs=${weak.id}&runs=${strong.id}`);
  await expect(page.getByRole("table", { name: "Agreement per task, A vs B" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("combobox", { name: "Tasks", exact: true }).selectOption("flipped");
  await page.getByRole("button", { name: "Show tasks" }).click();
  const flippedRows = page.getByRole("table", { name: "Tasks, A vs B" }).locator("tbody tr");
  await expect(flippedRows).toHaveCount(Math.min(flipped, 50));
  await flippedRows
    .first()
    .getByRole("link", { name: /both answers side by side/ })
    .click();
  await expect(page.getByRole("table", { name: "Scorers, A" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Scorers, B" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The benchmark page ranks both models and lists its hardest tasks; the model page charts its scores.
  await page.goto(`/demo/benchmarks/${benchmarkId}`);
  await expect(page.getByRole("table", { name: "Models ranked on this benchmark" }).locator("tbody tr")).toHaveCount(2);
  await expect(page.getByRole("table", { name: "Hardest tasks" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto(`/demo/models/${strongModel.id}`);
  await expect(page.getByRole("table", { name: "Latest score per benchmark" })).toContainText(formatted(s));
  await expectNoSeriousA11yViolations(page);

  // The comparison's CSV: one row per paired task, formula-like cells escaped.
  const exportCsv = await request.get(`/api/v1/compare/export?runs=${weak.id}&runs=${strong.id}&filter=all&format=csv`, { headers: auth });
  expect(exportCsv.headers()["content-type"]).toContain("text/csv");
  const pairs = parse(await exportCsv.text(), { columns: true }) as Record<string, string>[];
  expect(pairs).toHaveLength(40);
  expect(pairs.filter((r) => r.outcome === "only_a" || r.outcome === "only_b")).toHaveLength(flipped);
});
