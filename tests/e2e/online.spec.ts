import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";
import { expectNoSeriousA11yViolations, signIn, unique } from "./helpers";

test("create a use case, attach the simulated models, chat with streaming, thumbs-up, find it in the explorer", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/demo/use-cases");
  await expectNoSeriousA11yViolations(page);
  const key = unique("chat");
  await page.getByLabel("Key").fill(key);
  await page.getByLabel("Name").fill("E2E chat");
  await page.getByRole("button", { name: "Create use case" }).click();
  await expect(page).toHaveURL(new RegExp(`/demo/use-cases/${key}$`));

  for (const name of ["Simulated Strong (85%)", "Simulated Weak (60%)"]) {
    await page
      .getByLabel("Model to attach")
      .selectOption({ label: `${name} (${name.includes("Strong") ? "yardstick/sim-strong" : "yardstick/sim-weak"})` });
    await page.getByRole("button", { name: "Attach", exact: true }).click();
    await expect(page.getByRole("table", { name: "Attached models" })).toContainText(name);
  }
  await expect(page.getByRole("table", { name: "Attached models" }).getByText("default", { exact: true })).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Open chat" }).click();
  await expect(page).toHaveURL(/\/chat$/);
  await page.getByLabel("Model", { exact: true }).selectOption("yardstick/sim-weak");
  await page.getByLabel("Message").fill("How do I reset my password?");
  await page.getByRole("button", { name: "Send" }).click();
  const answer = page.getByTestId("assistant-message");
  await expect(answer).toContainText("simulated");
  await expect(page.getByRole("status")).toHaveText("Answer complete");
  await expect(page.getByText("Assistant · yardstick/sim-weak")).toBeVisible();
  await page.getByRole("button", { name: "Thumbs up" }).click();
  await expect(page.getByRole("status")).toHaveText("Thanks: rated thumbs up");
  await expect(page.getByRole("button", { name: "Thumbs up" })).toHaveAttribute("aria-pressed", "true");
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/demo/interactions?use_case=${key}`);
  const table = page.getByRole("table", { name: "Interactions" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("thumbs_up: 1");
  await expect(table).toContainText("yardstick/sim-weak");
  await table.getByRole("link").first().click();
  await expect(page).toHaveURL(/selected=/);
  const drawer = page.getByRole("complementary", { name: "Interaction" });
  await expect(drawer).toContainText("How do I reset my password?");
  await expect(drawer.getByTestId("interaction-feedback")).toContainText("thumbs_up = 1");
  await expectNoSeriousA11yViolations(page);

  // The seeded use case shows traffic and feedback per model with intervals.
  await page.goto("/demo/use-cases/assistant");
  await expect(page.getByRole("table", { name: "Feedback per model" })).toContainText("yardstick/sim-strong");
  await expect(page.getByText("Calls per day by model")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
