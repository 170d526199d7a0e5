import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";
import { apiToken, expectNoSeriousA11yViolations, signIn, unique } from "./helpers";

type Aggregate = { n: number; value: number; ci: [number, number] | null };
type Run = {
  status: string;
  summary: { primary_scorer: string; scorers: Record<string, { overall: Aggregate }>; stats: { answeredCorrectly: number } } | null;
};

// 30 short questions in three subsets; the answers are what the simulated models return when right.
const ROWS = Array.from({ length: 30 }, (_, i) =>
  JSON.stringify({ input: `What is ${i} + ${i}?`, truth: String(2 * i), subset: ["easy", "medium", "hard"][i % 3] }),
).join("\n");

// The same formatting as components/runs/format.ts, written out so a change there fails this test.
const pct = (v: number) => (v * 100).toFixed(1);
const formatted = (a: Aggregate) => `${pct(a.value)}%${a.ci ? ` [${pct(a.ci[0])}, ${pct(a.ci[1])}]` : ""}, n=${a.n}`;

test("run two simulated models on an uploaded benchmark, follow progress live, and match the API's score", async ({ page, request }) => {
  test.setTimeout(120_000);
  const token = await apiToken(request, E2E_ADMIN.email, E2E_ADMIN.password, "demo");
  const auth = { authorization: `Bearer ${token}` };
  const key = unique("e2e/sums");
  const name = `E2E sums ${key.slice(-6)}`;
  const upload = await request.post(`/api/v1/benchmarks?key=${encodeURIComponent(key)}&name=${encodeURIComponent(name)}`, {
    headers: { ...auth, "content-type": "application/x-ndjson" },
    data: Buffer.from(ROWS),
  });
  expect(upload.status(), await upload.text()).toBe(201);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/demo/runs");
  await expect(page.getByRole("heading", { level: 1, name: "Runs" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Run evaluation" }).first().click();

  await expect(page.getByRole("heading", { level: 1, name: "Run evaluation" })).toBeVisible();
  const models = page.getByRole("group", { name: "Models" });
  await models.getByLabel("Simulated Strong (85%)").check();
  await models.getByLabel("Simulated Weak (60%)").check();
  await page.getByRole("group", { name: "Benchmarks" }).getByLabel(name).check();
  await page.getByLabel("Concurrency").fill("4");
  const estimate = page.getByTestId("run-estimate");
  await expect(estimate).toContainText("Total tasks60");
  await expect(estimate).toContainText("Estimated cost");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Start 2 runs" }).click();

  await expect(page).toHaveURL(/\/demo\/runs$/);
  const rows = page.getByRole("table", { name: "Runs" }).locator("tbody tr").filter({ hasText: name });
  await expect(rows).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
  await rows.filter({ hasText: "Simulated Strong" }).getByRole("link", { name: "Simulated Strong (85%)" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Simulated Strong (85%) on ${name}` })).toBeVisible();
  const progress = page.getByRole("progressbar", { name: "Run progress" });
  await expect(progress).toHaveAttribute("aria-valuemax", "30");
  await expect(progress).toHaveAttribute("aria-valuenow", "30", { timeout: 60_000 });
  await expect(page.getByTestId("run-status")).toContainText("Completed", { timeout: 30_000 });

  const id = page.url().split("/").pop() as string;
  const res = await request.get(`/api/v1/runs/${id}`, { headers: auth });
  const run = (await res.json()) as Run;
  expect(run.status).toBe("completed");
  const primary = run.summary?.primary_scorer as string;
  const overall = run.summary?.scorers[primary]?.overall as Aggregate;
  await expect(page.getByTestId(`overall-${primary}`)).toHaveText(formatted(overall));
  await expect(page.getByRole("table", { name: `Scores by subset: ${primary}` })).toContainText("medium");
  await expect(page.getByRole("region", { name: "Run statistics" })).toContainText("Tasks answered");
  await expect(page.getByRole("table", { name: "Results" }).locator("tbody tr")).toHaveCount(30);
  await expectNoSeriousA11yViolations(page);

  // Drill into one result, step to the next, then filter and sort the table through its URL and export it.
  await page.getByRole("table", { name: "Results" }).getByRole("link", { name: "Task 1, sample 0: details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Task 1", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "What the model received" })).toContainText("What is 0 + 0?");
  await expect(page.getByRole("table", { name: "Scorer results" })).toContainText(primary);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Next result" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Task 2", exact: true })).toBeVisible();

  await page.goto(`/demo/runs/${id}`);
  await page.getByLabel("Outcome").selectOption("correct");
  await page.getByLabel("Sort by").selectOption("latency");
  await page.getByRole("button", { name: "Apply" }).click();
  // The submitted form's blank fields are dropped: the address is the short permalink.
  await expect(page).toHaveURL(new RegExp(`/demo/runs/${id}\\?outcome=correct&sort=latency(#results)?$`));
  const correct = run.summary?.stats.answeredCorrectly as number;
  await expect(page.getByRole("table", { name: "Results" }).locator("tbody tr")).toHaveCount(correct);
  await expectNoSeriousA11yViolations(page);
  const csvHref = (await page.getByRole("link", { name: "CSV", exact: true }).getAttribute("href")) as string;
  const csv = await request.get(csvHref, { headers: auth });
  expect(csv.status()).toBe(200);
  expect((await csv.text()).trim().split("\r\n")).toHaveLength(correct + 1);

  // Dark mode is a separate palette: scan the three pages again.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(() => localStorage.setItem("theme", "dark"));
  for (const path of [`/demo/runs/${id}`, `/demo/runs/${id}/tasks/1`, "/demo/runs", "/demo/runs/new"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
});

test("the playground evaluates a JSONata grading expression and locates a syntax error", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/demo/runs");
  await page.getByRole("link", { name: "Expressions playground" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Expressions playground" })).toBeVisible();

  await page.getByLabel("Stage").selectOption("grading");
  await page.getByLabel("Example task type").selectOption("FRQ");
  await page.getByLabel("Model response").fill("  paris ");
  await page.getByLabel("Source").fill("$lowercase($trim(response)) = $lowercase(task.truth)");
  await page.getByRole("button", { name: "Evaluate" }).click();
  await expect(page.getByTestId("playground-value")).toContainText("true");

  await page.getByLabel("Source").fill("response = (");
  await page.getByRole("button", { name: "Evaluate" }).click();
  const error = page.getByTestId("playground-error");
  await expect(error).toContainText(/line 1, column \d+/);
  await expect(error).toContainText(/position \d+/);
  await expectNoSeriousA11yViolations(page);
});
