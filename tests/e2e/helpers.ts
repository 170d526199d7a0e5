import { randomBytes } from "node:crypto";
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const unique = (prefix: string) => `${prefix}-${randomBytes(3).toString("hex")}`;

export async function signUp(page: Page, username: string, password = "e2e long password") {
  await page.goto("/signup");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Email").fill(`${username}@example.test`);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/signup/);
}

export async function signIn(page: Page, login: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email or username").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** A token for scripted setup, through the public API exactly as automation would get one. */
export async function apiToken(request: APIRequestContext, login: string, password: string, project?: string) {
  const res = await request.post("/api/v1/auth/token", { data: { login, password, name: "e2e", project } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

export async function expectNoSeriousA11yViolations(page: Page) {
  // Next.js streams metadata after the page's content, so a page can show its content
  // a moment before its <title> arrives; judge the settled page, which must have one.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}
