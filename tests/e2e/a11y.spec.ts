import { test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

test("main pages have no serious or critical accessibility violations", async ({ page }) => {
  // Seventeen axe scans: over a minute on a loaded machine.
  test.setTimeout(150_000);
  await page.goto("/login");
  await expectNoSeriousA11yViolations(page);
  await page.goto("/signup");
  await expectNoSeriousA11yViolations(page);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  for (const path of [
    "/demo",
    "/demo/models",
    "/demo/models/new",
    "/demo/benchmarks",
    "/demo/settings",
    "/demo/settings/members",
    "/demo/settings/tokens",
    "/demo/settings/audit",
    "/projects",
    "/profile",
    "/demo/leaderboard",
    "/demo/compare",
    "/leaderboard",
  ]) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  }
  // Dark mode is a separate palette: scan it too.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(() => localStorage.setItem("theme", "dark"));
  for (const path of ["/demo/models", "/demo/leaderboard"]) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  }
});
