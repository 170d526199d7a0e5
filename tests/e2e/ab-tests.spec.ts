import { expect, type Page, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";
import { expectNoSeriousA11yViolations, signIn, unique } from "./helpers";

const api = (path: string) => `${path}${path.includes("?") ? "&" : "?"}project=demo`;

async function scanLightAndDark(page: Page) {
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(() => localStorage.setItem("theme", "dark"));
  await page.reload();
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: "light" });
  await page.evaluate(() => localStorage.setItem("theme", "light"));
}

test("create an A/B test in the UI, drive traffic and feedback, watch it pick and deploy the winner", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/demo/ab-tests");
  await expect(page.getByRole("table", { name: "A/B tests" })).toContainText("checkout-thumbs");
  await scanLightAndDark(page);

  // A use case of its own, set up through the REST API with the session.
  const useCase = unique("ab");
  expect((await page.request.post(api("/api/v1/use-cases"), { data: { key: useCase, name: `E2E ${useCase}` } })).status()).toBe(201);
  const models = (await (await page.request.get(api("/api/v1/models?in_project=true&per_page=50"))).json()) as {
    items: { id: string; key: string }[];
  };
  for (const key of ["yardstick/sim-strong", "yardstick/sim-weak"]) {
    const id = models.items.find((m) => m.key === key)?.id;
    expect((await page.request.post(api(`/api/v1/use-cases/${useCase}/models`), { data: { model_id: id } })).status()).toBe(201);
  }

  await page.getByRole("link", { name: "New A/B test" }).click();
  await page.getByRole("button", { name: "Start A/B test" }).click();
  await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible();
  const testKey = unique("e2e-test");
  await page.getByLabel("Key", { exact: true }).fill(testKey);
  await page.getByLabel("Use case", { exact: true }).selectOption(useCase);
  await page.getByLabel(/Simulated Weak/).check();
  await page.getByLabel("Feedback key", { exact: true }).selectOption("thumbs_up");
  await page.getByLabel("Traffic split", { exact: true }).fill("1");
  await page.getByLabel("Minimum samples per arm", { exact: true }).fill("15");
  await page.getByLabel(/Auto-deploy the winner/).check();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Start A/B test" }).click();
  await expect(page).toHaveURL(new RegExp(`/demo/ab-tests/${testKey}$`));
  await expect(page.getByText("Running: no verdict yet.")).toBeVisible();

  // Traffic through the gateway, then thumbs up for the challenger's answers only.
  for (let i = 0; i < 60; i++) {
    const res = await page.request.post(api("/api/v1/chat/completions"), {
      data: { model: "default", use_case: useCase, user: `e2e-user-${i}`, messages: [{ role: "user", content: `Question ${i}` }] },
    });
    expect(res.status()).toBe(200);
    const id = ((await res.json()) as { id: string }).id;
    const liked = res.headers()["x-yardstick-model"] === "yardstick/sim-weak";
    const feedback = await page.request.post(api("/api/v1/feedback/metric"), {
      data: { completion_id: id, feedback_key: "thumbs_up", value: liked, user: `e2e-user-${i}` },
    });
    expect(feedback.status()).toBe(201);
  }

  // The page polls: the verdict, the deployment and the charts appear without a reload.
  await expect(page.getByText("Completed: B (yardstick/sim-weak) wins.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Auto-deployed: B \(yardstick\/sim-weak\) is now the use case's default model/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Per-arm results" })).toContainText("(winner)");
  await expect(page.getByText(/B beats A/)).toBeVisible();
  for (const caption of [
    "Cumulative thumbs_up per arm, with 95% intervals",
    "Difference vs control (A)",
    "Traffic share per arm over time",
  ])
    await expect(page.getByText(caption, { exact: false })).toBeVisible();
  await scanLightAndDark(page);
});

test("the labelling page asks two arms blind and records a preference", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/demo/ab-tests/checkout-side-by-side");
  await expect(page.getByText("Bradley–Terry strength per arm", { exact: false })).toBeVisible();
  await expect(page.getByRole("table", { name: /Win rate of the row arm/ })).toBeVisible();
  await scanLightAndDark(page);
  await page.getByRole("link", { name: "Label side by side" }).click();
  await expect(page.getByRole("heading", { name: "Answer A" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "Answer B" })).toBeVisible();
  await page.keyboard.press("b");
  await expect(page.getByText("1 judgement recorded this session.", { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Answer A" })).toBeVisible();
  await page.getByRole("button", { name: /Tie/ }).click();
  await expect(page.getByText("2 judgements recorded this session.", { exact: false })).toBeVisible();
  await scanLightAndDark(page);
});
