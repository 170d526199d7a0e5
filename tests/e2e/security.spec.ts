import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";

test("pages carry a nonce-based CSP and the usual headers, and still hydrate with no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  const first = await page.goto("/login");
  const csp = first?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(first?.headers()["x-frame-options"]).toBe("DENY");
  expect(first?.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first?.headers()["referrer-policy"]).toBe("same-origin");
  const again = await page.request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);

  // Signing in needs the client-side form: it only works if Next's scripts ran under the policy.
  await page.getByLabel("Email or username").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/demo/models");
  await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("malformed API URLs, /api/v1 itself and cross-site server actions answer problem JSON", async ({ request }) => {
  const broken = await request.get("/api/v1/models/%E0%A4%A");
  expect(broken.status()).toBe(400);
  expect(broken.headers()["content-type"]).toContain("application/problem+json");
  const root = await request.get("/api/v1");
  expect(root.status()).toBe(404);
  expect(root.headers()["content-type"]).toContain("application/problem+json");
  const action = await request.post("/login", {
    headers: { "next-action": "0123456789abcdef", origin: "https://evil.example", "content-type": "text/plain" },
    data: "[]",
  });
  expect(action.status()).toBe(403);
});
