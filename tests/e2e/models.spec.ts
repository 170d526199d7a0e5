import { expect, test } from "@playwright/test";
import { signUp, unique } from "./helpers";

test("sign up, create a project, add a custom model, test its connection, see the key masked", async ({ page }) => {
  const fakeUrl = process.env.E2E_FAKE_OPENAI_URL as string;
  await signUp(page, unique("alice"));

  const key = unique("proj");
  await page.goto("/projects");
  await page.getByLabel("Key").fill(key);
  await page.getByLabel("Name").fill("Alice's evals");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(new RegExp(`/${key}`));

  await page.goto(`/${key}/models/new`);
  await page.getByLabel("Name", { exact: true }).fill("Local fake");
  // Model keys are unique across the instance, so a repeated run needs its own.
  await page.getByLabel("Key", { exact: true }).fill(`local/${unique("fake")}`);
  await page.getByLabel("API URL").fill(fakeUrl);
  await page.getByLabel("API key").fill("sk-e2e-key-7731");
  await page.getByLabel("Max tokens").fill("4096");
  await page.getByLabel("Extra payload (JSON)").fill('{"messages": []}');
  await page.getByRole("button", { name: "Create model" }).click();
  await expect(page.getByText(/may not set "messages"/)).toBeVisible();

  await page.getByLabel("Extra payload (JSON)").fill('{"top_p": 0.9}');
  await page.getByRole("button", { name: "Create model" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Local fake" })).toBeVisible();
  await expect(page.getByTestId("masked-api-key")).toHaveText("••••7731");
  await expect(page.locator("body")).not.toContainText("sk-e2e-key-7731");

  await page.getByRole("button", { name: "Test connection" }).click();
  const result = page.getByTestId("connection-result");
  await expect(result).toContainText("pong");
  await expect(result).toContainText(/\d+\s*ms/);
});
