import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";
import { expectNoSeriousA11yViolations, signIn, unique } from "./helpers";

test("tag a benchmark, follow the tag to the filtered list, and remove it", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/demo/benchmarks");
  await page.getByRole("link", { name: "Starter mix" }).first().click();
  await expect(page).toHaveURL(/\/demo\/benchmarks\/[0-9a-f-]{36}/);
  const benchmarkPage = page.url();
  const tag = unique("core");
  await page.getByLabel("Add a tag").fill(tag);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const tags = page.getByRole("list", { name: "Tags" });
  await expect(tags.getByRole("link", { name: tag })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await tags.getByRole("link", { name: tag }).click();
  await expect(page).toHaveURL(new RegExp(`/demo/benchmarks\\?tag=${tag}`));
  await expect(page.getByRole("link", { name: "Starter mix" }).first()).toBeVisible();
  await expect(page.getByLabel("Tags")).toHaveValue(tag);
  await page.getByLabel("Tags").fill("no-such-tag");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No benchmarks match these filters")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(benchmarkPage);
  await page.getByRole("button", { name: `Remove tag ${tag}` }).click();
  await expect(page.getByText("No tags yet.")).toBeVisible();

  // The model page has the same editor and stays accessible.
  await page.goto("/demo/models");
  await page.getByRole("link", { name: "Simulated Strong (85%)" }).first().click();
  await expect(page.getByRole("heading", { name: "Tags" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
