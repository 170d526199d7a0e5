import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";
import { expectNoSeriousA11yViolations, signIn, unique } from "./helpers";

test("create an alert and a schedule, run it now, see its run appear and the bell light up", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);

  // An alert that any completed Simulated Strong run fires: its score is below 1.01.
  await page.goto("/demo/alerts");
  await expect(page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "New alert" }).first().click();
  const alertName = unique("Score watch");
  await page.getByLabel("Name").fill(alertName);
  await page.getByLabel("Models").selectOption({ label: "Simulated Strong (85%)" });
  await page.getByLabel("Threshold", { exact: true }).fill("1.01");
  await page.getByLabel("Fire below the threshold (invert)").check();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Create alert" }).click();
  await expect(page.getByRole("heading", { level: 1, name: alertName })).toBeVisible();
  await expect(page.getByText("score below 1.01")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/demo/schedules");
  await expect(page.getByRole("heading", { level: 1, name: "Schedules" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "New schedule" }).first().click();
  const scheduleName = unique("Weekly starter");
  await page.getByLabel("Name").fill(scheduleName);
  await page.getByRole("group", { name: "Models" }).getByLabel("Simulated Strong (85%)").check();
  await page.getByRole("group", { name: "Benchmarks" }).getByLabel("Starter mix").check();
  await page.getByLabel("Time zone").fill("UTC");
  await expect(page.getByTestId("cadence-preview")).toContainText("At 09:00, only on Monday (UTC)");
  await page.getByLabel("Number of examples").fill("5");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Create schedule" }).click();

  await expect(page.getByRole("heading", { level: 1, name: scheduleName })).toBeVisible();
  // Tag the schedule on its page (saved through the tags API), then filter the schedules list by the tag.
  const tag = unique("e2e-tag");
  const tags = page.getByRole("region", { name: "Tags" });
  await tags.getByLabel("Add a tag").fill(tag);
  await tags.getByRole("button", { name: "Add", exact: true }).click();
  await expect(tags.getByRole("link", { name: tag })).toBeVisible();
  await page.goto("/demo/schedules");
  await page.getByLabel("Tags").fill(tag);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  await expect(page.getByRole("table", { name: "Schedules" }).locator("tbody tr")).toHaveCount(1);
  await page.getByRole("link", { name: scheduleName }).click();
  await expect(page.getByRole("heading", { level: 1, name: scheduleName })).toBeVisible();
  await page.getByRole("button", { name: `Run ${scheduleName} now` }).click();
  await expect(page.getByText("Started 1 run(s)")).toBeVisible();
  const started = page.getByRole("link", { name: "run started" });
  await expect(started).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await started.click();
  await expect(page.getByTestId("run-status")).toContainText("Completed", { timeout: 60_000 });

  // The completed run fires the alert; the bell polls, a reload asks at once.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("bell-count")).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("button", { name: /Notifications, \d+ unread/ }).click();
  await expect(page.getByRole("link", { name: new RegExp(alertName) })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/demo/schedules");
  await expect(page.getByRole("table", { name: "Schedules" }).locator("tr").filter({ hasText: scheduleName })).toContainText("Completed");
  await page.goto("/demo/subscriptions");
  await expect(page.getByRole("heading", { level: 1, name: "Subscriptions and webhooks" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
