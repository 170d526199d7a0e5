import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";
import { expectNoSeriousA11yViolations, signIn, unique } from "./helpers";

test("an alert with several triggers: added by keyboard, errors named by row, edited with its values kept", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/demo/alerts/new");
  const name = unique("Multi trigger");
  await page.getByLabel("Name").fill(name);

  // Add two rows from the keyboard: focus lands on each new row's first control.
  const add = page.getByRole("button", { name: "Add trigger" });
  await add.focus();
  await page.keyboard.press("Enter");
  const row2 = page.getByRole("group", { name: "Trigger 2" });
  await expect(row2.getByLabel("Fires when")).toBeFocused();
  await row2.getByLabel("Fires when").selectOption({ label: "an A/B test completes (winner or no difference)" });
  await add.focus();
  await page.keyboard.press("Enter");
  const row3 = page.getByRole("group", { name: "Trigger 3" });
  await expect(row3.getByLabel("Fires when")).toBeFocused();
  await row3.getByLabel("Fires when").selectOption({ label: "a run's score regresses significantly vs the pair's previous run" });
  await row3.getByLabel("Significance level (p)").fill("2");
  await expectNoSeriousA11yViolations(page);

  // Trigger 1 lacks its threshold and trigger 3's p is out of range: the summary names both rows and fields.
  await page.getByRole("button", { name: "Create alert" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Please correct" });
  await expect(summary).toContainText("Trigger 1, Threshold: threshold is required for a threshold trigger");
  await expect(summary).toContainText("Trigger 3, Significance level: p_value is at most 0.5");
  await expect(page.getByRole("group", { name: "Trigger 1" }).getByLabel("Threshold", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("group", { name: "Trigger 1" }).getByLabel("Threshold", { exact: true }).fill("0.5");
  await page.getByRole("group", { name: "Trigger 1" }).getByLabel("Fire below the threshold (invert)").check();
  await page.getByRole("button", { name: "Remove trigger 3" }).click();
  await expect(page.getByRole("group", { name: "Trigger 3" })).toHaveCount(0);
  await expect(row2.getByLabel("Fires when")).toBeFocused();
  await page.getByRole("button", { name: "Create alert" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const triggers = page.getByRole("region", { name: "Triggers" });
  await expect(triggers.getByText("score below 0.5")).toBeVisible();
  await expect(triggers.getByText("an A/B test completes")).toBeVisible();

  // Edit: the form opens with the saved values; add an SRM trigger on one use case and a cooldown.
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await expect(page.getByRole("group", { name: "Trigger 1" }).getByLabel("Threshold", { exact: true })).toHaveValue("0.5");
  await expect(page.getByRole("group", { name: "Trigger 1" }).getByLabel("Fire below the threshold (invert)")).toBeChecked();
  await expect(page.getByRole("group", { name: "Trigger 2" }).getByLabel("Fires when")).toHaveValue("ab_test_completed");
  await page.getByRole("button", { name: "Add trigger" }).click();
  const row3again = page.getByRole("group", { name: "Trigger 3" });
  await row3again.getByLabel("Fires when").selectOption("ab_test_srm");
  await row3again.getByLabel("Use cases").selectOption({ index: 0 });
  await page.getByLabel("Cooldown (minutes)").fill("15");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Save alert" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Cooldown 15 min")).toBeVisible();
  await expect(triggers.getByText("an A/B test shows a sample ratio mismatch (p < 0.001) — 1 use case(s)")).toBeVisible();
  await expect(triggers.getByText("score below 0.5")).toBeVisible();
});

test("a schedule takes the run form's config and keeps it when edited", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/demo/schedules/new");
  const name = unique("Configured schedule");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("group", { name: "Models" }).getByLabel("Simulated Strong (85%)").check();
  await page.getByRole("group", { name: "Benchmarks" }).getByLabel("Starter mix").check();
  await page.getByLabel("Sampling").selectOption("top_p");
  await page.getByLabel("Temperature").fill("0.3");
  await page.getByLabel("Max tokens").fill("128");
  await page.getByLabel("Number of examples").fill("4");
  await page.getByLabel("Seed").fill("11");
  await page.getByLabel("System prompt").fill("Answer briefly.");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Create schedule" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // The edit form on the schedule's page shows every saved value; a change keeps the others.
  await expect(page.getByLabel("Sampling")).toHaveValue("top_p");
  await expect(page.getByLabel("Temperature")).toHaveValue("0.3");
  await expect(page.getByLabel("Max tokens")).toHaveValue("128");
  await expect(page.getByLabel("Seed")).toHaveValue("11");
  await expect(page.getByLabel("System prompt")).toHaveValue("Answer briefly.");
  await page.getByLabel("Number of examples").fill("6");
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByLabel("Number of examples")).toHaveValue("6", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByLabel("Temperature")).toHaveValue("0.3");
  await expect(page.getByLabel("System prompt")).toHaveValue("Answer briefly.");
  await expectNoSeriousA11yViolations(page);
});
