import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";
import { expectNoSeriousA11yViolations, signIn, unique } from "./helpers";

const MARKDOWN = `# Tides

The Moon's gravity pulls the oceans toward it. This creates a bulge of water called a high tide.

Most coasts see two high tides and two low tides every lunar day. A lunar day lasts about twenty-four hours and fifty minutes.
`;

test("generate a benchmark from a small Markdown file with a simulated model and import it", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/demo/benchmarks");
  await page.getByRole("link", { name: "Generate from a document" }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Document").setInputFiles({ name: "tides.md", mimeType: "text/markdown", buffer: Buffer.from(MARKDOWN) });
  await page.getByLabel("Generator model").selectOption({ label: "Simulated Strong (85%)" });
  await page.getByLabel("Number of tasks").fill("4");
  await page.getByRole("button", { name: "Generate tasks" }).click();
  await expect(page).toHaveURL(/\/demo\/benchmarks\/generate\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("textbox", { name: "Question 4" })).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousA11yViolations(page);

  // Review: edit the first question, reject the second, delete the fourth.
  await page.getByRole("textbox", { name: "Question 1" }).fill("Edited by a reviewer: which word fills the blank?");
  await page.getByRole("checkbox", { name: "Accept task 2" }).uncheck();
  await page.getByRole("button", { name: "Delete task 4" }).click();
  await expect(page.getByRole("textbox", { name: "Question 4" })).toHaveCount(0);
  const key = unique("tides");
  await page.getByLabel("Key").fill(key);
  await page.getByLabel("Name").fill("Tides quiz");
  await page.getByRole("button", { name: "Validate (dry run)" }).click();
  await expect(page.getByTestId("dry-run")).toContainText("2 valid task(s), 0 with errors");
  await page.getByRole("button", { name: "Import 2 task(s)" }).click();
  await expect(page.getByTestId("imported")).toBeVisible();
  await page.getByRole("link", { name: "Open the benchmark" }).click();
  await expect(page.getByRole("heading", { name: "Tides quiz" })).toBeVisible();
  await expect(page.getByText("Edited by a reviewer")).toBeVisible();
});
