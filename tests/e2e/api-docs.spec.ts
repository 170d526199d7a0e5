import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";
import { apiToken, expectNoSeriousA11yViolations, signIn } from "./helpers";

test("the API reference lists every operation and tries them with the session or a pasted token", async ({ page, request }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/demo");
  await page.getByRole("link", { name: "API docs" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();

  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
  const count = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  await expect(page.getByRole("article")).toHaveCount(count);
  await expectNoSeriousA11yViolations(page);

  // With the session: the signed-in user's first project.
  const project = page.locator("article#getProject");
  await project.getByText("Try it").click();
  await project.getByRole("button", { name: "Send GET" }).click();
  await expect(project.getByText("HTTP 200")).toBeVisible();
  await expect(project.getByText('"via": "session"')).toBeVisible();

  // With a pasted token, and a path parameter.
  await page.getByLabel("API token (optional)").fill(await apiToken(request, E2E_ADMIN.email, E2E_ADMIN.password, "demo"));
  await project.getByRole("button", { name: "Send GET" }).click();
  await expect(project.getByText('"via": "token"')).toBeVisible();
  const run = page.locator("article#getRunsById");
  await run.getByText("Try it").click();
  await expect(run.getByRole("button", { name: "Send GET" })).toBeDisabled();
  await run.getByLabel("id (path, required)").fill("00000000-0000-4000-8000-000000000000");
  await run.getByRole("button", { name: "Send GET" }).click();
  await expect(run.getByText("HTTP 404 application/problem+json")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
