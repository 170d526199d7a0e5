import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";
import { apiToken, expectNoSeriousA11yViolations, signIn, unique } from "./helpers";

// What a new user trips over (issue 10): stale pages, silent templates, hidden Compare, unasked deletes.
type Auth = Record<string, string>;
type Run = { id: string; status: string };

const ROWS = Array.from({ length: 40 }, (_, i) => JSON.stringify({ input: `What is ${i} + 2?`, truth: String(i + 2) })).join("\n");

async function setup(request: APIRequestContext) {
  const token = await apiToken(request, E2E_ADMIN.email, E2E_ADMIN.password, "demo");
  const auth = { authorization: `Bearer ${token}` };
  const key = unique("e2e/plus");
  const name = `Plus ${key.slice(-6)}`;
  const upload = await request.post(`/api/v1/benchmarks?key=${encodeURIComponent(key)}&name=${encodeURIComponent(name)}`, {
    headers: { ...auth, "content-type": "application/x-ndjson" },
    data: Buffer.from(ROWS),
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const benchmarkId = ((await upload.json()) as { benchmark: { id: string } }).benchmark.id;
  // A simulated model slow enough (1.5 s a call) to be seen scheduled, running and cancelled.
  const slowKey = unique("e2e/slow");
  const slow = await request.post("/api/v1/models", {
    headers: auth,
    data: {
      key: slowKey,
      name: `Slow ${slowKey.slice(-6)}`,
      endpoint_type: "simulated",
      simulation: { seed: 3, accuracy: 0.7, latencyMs: { mean: 1500, stddev: 0 } },
    },
  });
  expect(slow.status(), await slow.text()).toBe(201);
  const slowModel = (await slow.json()) as { id: string; name: string };
  return { auth, benchmarkId, name, slowModel };
}

async function startRun(request: APIRequestContext, auth: Auth, modelKeyOrId: string, benchmarkId: string, config: object) {
  const id = modelKeyOrId.includes("/")
    ? ((await (await request.get(`/api/v1/models/key/${modelKeyOrId}`, { headers: auth })).json()) as { id: string }).id
    : modelKeyOrId;
  const res = await request.post("/api/v1/runs", { headers: auth, data: { model_id: id, benchmark_id: benchmarkId, config } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as Run;
}

async function waitFor(request: APIRequestContext, auth: Auth, id: string, status: string) {
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/runs/${id}`, { headers: auth })).json()) as Run).status, { timeout: 60_000 })
    .toBe(status);
}

const runRow = (page: Page, text: string) => page.getByRole("table", { name: "Runs" }).locator("tbody tr").filter({ hasText: text });

test("the runs list follows runs live, ticks runs for Compare, and cancelling asks first", async ({ page, request }) => {
  test.setTimeout(180_000);
  const { auth, benchmarkId, name, slowModel } = await setup(request);
  const strong = await startRun(request, auth, "yardstick/sim-strong", benchmarkId, {});
  const weak = await startRun(request, auth, "yardstick/sim-weak", benchmarkId, {});
  await waitFor(request, auth, strong.id, "completed");
  await waitFor(request, auth, weak.id, "completed");

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  // The overview counts what exists and lists recent runs instead of fixed "No runs yet" cards.
  await page.goto("/demo");
  await expect(page.getByText("No runs yet")).toHaveCount(0);
  await expect(page.getByText("No benchmarks yet")).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Runs" }).locator("tbody tr").filter({ hasText: name })).toHaveCount(2);

  // An active run on the open list goes from scheduled or running to completed without a reload.
  const live = await startRun(request, auth, slowModel.id, benchmarkId, { concurrency: 8, num_examples: 24 });
  await page.goto("/demo/runs");
  const liveRow = runRow(page, slowModel.name);
  await expect(liveRow).toContainText(/Scheduled|Running/);
  await expect(liveRow).toContainText("Completed", { timeout: 60_000 });
  await waitFor(request, auth, live.id, "completed");

  // Tick two runs of the same benchmark version and press Compare; Compare is also in the navigation.
  await expect(page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Compare" })).toBeVisible();
  await runRow(page, name).filter({ hasText: "Simulated Strong" }).getByRole("checkbox").check();
  await expect(page.getByText(/Tick two or more completed runs/)).toBeVisible();
  await runRow(page, name).filter({ hasText: "Simulated Weak" }).getByRole("checkbox").check();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Compare 2 runs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare runs" })).toBeVisible();
  await expect(page.locator("main")).toContainText(`${name} v1 · 2 runs`);

  // The picker offers only runs of the baseline's benchmark version, never the baseline itself.
  await page.goto(`/demo/compare?runs=${strong.id}`);
  const baseline = await page.getByLabel("Baseline run (A)").locator("option:checked").textContent();
  expect(baseline).toContain(`Simulated Strong (85%) on ${name} v1`);
  const offered = page.getByRole("group", { name: /Compare with/ }).getByRole("checkbox");
  await expect(offered).not.toHaveCount(0);
  for (const label of await offered.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent ?? ""))) {
    expect(label).toContain(`on ${name} v1`);
    expect(label).not.toBe(baseline);
  }

  // Cancelling asks in a modal dialog; Escape keeps the run going, confirming cancels it.
  const slow = await startRun(request, auth, slowModel.id, benchmarkId, { concurrency: 1 });
  await page.goto(`/demo/runs/${slow.id}`);
  await page.getByRole("button", { name: "Cancel run" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this run?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Keep running" })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(((await (await request.get(`/api/v1/runs/${slow.id}`, { headers: auth })).json()) as Run).status).not.toBe("cancelled");
  await page.getByRole("button", { name: "Cancel run" }).click();
  await dialog.getByRole("button", { name: "Cancel run" }).click();
  await waitFor(request, auth, slow.id, "cancelled");
});

test("the run form lists template variables, refuses an unknown one on its field, and clears the message when edited", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const { name } = await setup(request);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/demo/runs/new");
  await page.getByRole("group", { name: "Models" }).getByLabel("Simulated Strong (85%)").check();
  await page.getByRole("group", { name: "Benchmarks" }).getByLabel(name).check();
  await page.getByLabel("Concurrency").fill("4");
  await expect(page.getByTestId("run-estimate")).toContainText("Simulated Strong (85%) 0.04 s (simulated mean)");

  // Scorer parameters are documented from their schema.
  await page.getByRole("button", { name: "Add scorer" }).click();
  await page.getByLabel("Scorer 1 type").selectOption("numeric");
  await page.locator("summary", { hasText: "Parameters of numeric" }).click();
  await expect(page.getByRole("table", { name: "Parameters of numeric" })).toContainText("absolute_tolerance");
  await page.getByLabel("Scorer 1 params (JSON)").fill('{"tolerance": 1}');

  await page.getByText("Advanced: prompt template and response parsing").click();
  const template = page.getByLabel("Prompt template (Liquid)");
  await expect(page.locator("main")).toContainText("Variables: task.text");
  await template.fill("Question: {{ input }}");
  await page.getByRole("button", { name: "Start 1 run" }).click();
  await expect(page.getByText(/Unrecognized key: "tolerance"; allowed: absolute_tolerance, relative_tolerance, extract/)).toBeVisible();
  await page.getByLabel("Scorer 1 params (JSON)").fill('{"absolute_tolerance": 0.5}');
  await expect(page.getByText(/Unrecognized key/)).toHaveCount(0);
  await page.getByRole("button", { name: "Start 1 run" }).click();
  const message = page.getByText(/Unknown variable "input" \(line 1, column 14\); available: task\.text/);
  await expect(message).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await template.fill("Question: {{ task.text }}");
  await expect(message).toHaveCount(0);
  await page.getByLabel("Note").first().fill("Checks the numeric scorer");
  await page.getByRole("button", { name: "Start 1 run" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Simulated Strong (85%) on ${name}` })).toBeVisible();
  await expect(page.getByText("Note: Checks the numeric scorer")).toBeVisible();
});

test("the favicon, logo and social image are served and linked from the page head", async ({ page, request }) => {
  for (const [path, type] of [
    ["/favicon.svg", "image/svg+xml"],
    ["/logo.svg", "image/svg+xml"],
    ["/og-image.png", "image/png"],
    ["/apple-touch-icon.png", "image/png"],
  ]) {
    const res = await request.get(path as string);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"]).toContain(type as string);
  }
  await page.goto("/login");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", "/favicon.svg");
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/og-image\.png$/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
});

test("upload: a category column becomes the subset, errors sit on their own field and clear when it changes", async ({
  browser,
  baseURL,
}) => {
  // As in benchmarks.spec: the upload API's same-origin check expects localhost.
  const context = await browser.newContext({ baseURL: baseURL?.replace("127.0.0.1", "localhost") });
  const page = await context.newPage();
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/demo/benchmarks/new");
  await page.getByLabel("Key", { exact: true }).fill(unique("e2e/cat"));
  await page.getByLabel("Name", { exact: true }).fill("E2E categories");
  const rows = [
    '{"question":"What is 2+2?","answer":"#### 4","category":"math"}',
    '{"question":"Capital of Peru?","answer":"#### Lima","category":"geo"}',
  ];
  const file = page.getByLabel("File", { exact: true });
  await file.setInputFiles({ name: "qa.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(rows.join("\n")) });
  await page.getByRole("button", { name: "Upload" }).click();
  const columns = page.getByRole("table", { name: "What each column became" });
  await expect(columns).toContainText("categorysubset");
  await expect(columns).toContainText("questioninput");

  await page.getByLabel("Mapping").selectOption({ label: "Field mapping" });
  await page.getByLabel("Input field").selectOption("question");
  await page.getByLabel("Truth field").selectOption("answer");
  const regex = page.getByLabel("Truth regex");
  await regex.fill("####\\s*([");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(regex).toHaveAccessibleDescription(/truth_regex is not a valid regular expression/);
  await expect(page.getByLabel("Mapping")).not.toHaveAccessibleDescription(/truth_regex/);
  await expect(page.getByText("Failed: see the message above")).toBeVisible();
  await regex.fill("####\\s*(.+)$");
  await expect(page.getByText(/truth_regex is not a valid regular expression/)).toHaveCount(0);

  await page.getByLabel("Mapping").selectOption({ label: "Detect automatically" });
  await file.setInputFiles({ name: "qa.jsonl.gz", mimeType: "application/gzip", buffer: Buffer.from(rows.join("\n")) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("qa.jsonl.gz ends in .gz but is not gzip-compressed: compress it or drop the .gz")).toBeVisible();
  await context.close();
});
