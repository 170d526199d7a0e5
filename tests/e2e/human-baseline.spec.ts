import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

test("take a 5-task benchmark as a human and find yourself on the leaderboard", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/demo/benchmarks");
  await page.getByRole("link", { name: "Starter mix" }).first().click();
  await page.getByRole("link", { name: "Test yourself" }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Number of tasks").fill("5");
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page).toHaveURL(/\/demo\/human\//);
  await expect(page.getByRole("timer")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  for (let i = 1; i <= 5; i++) {
    await expect(page.getByText(new RegExp(`Task \\d+ of 5 · ${i - 1} answered`))).toBeVisible();
    if (i === 3) {
      await page.keyboard.press("Shift+S"); // skip by keyboard
      continue;
    }
    const text = page.getByLabel("Your answer", { exact: true });
    if (await text.isVisible().catch(() => false)) {
      await text.fill("4");
      await text.press("Control+Enter");
    } else {
      // Choices (MCQ letters or True/False) by keyboard: the first option, then Enter.
      const first = page.getByRole("radio").first();
      await first.check();
      await page.keyboard.press("Enter");
    }
  }
  await expect(page.getByRole("heading", { name: "Finished" })).toBeVisible();
  await expect(page.getByTestId("human-score")).toContainText("of 4 scored answers correct");
  await page.getByRole("link", { name: "See the leaderboard" }).click();
  const row = page.getByRole("row", { name: /\(human\)/ });
  await expect(row).toContainText("human baseline");
  await expectNoSeriousA11yViolations(page);
});
