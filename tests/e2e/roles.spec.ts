import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";
import { apiToken, signIn, signUp, unique } from "./helpers";

test("a viewer sees no edit controls and gets 403 from API writes; outsiders get 404", async ({ page, browser, request }) => {
  // The bootstrap admin owns the demo project; make a viewer and an outsider.
  const viewer = unique("viewer");
  const outsider = unique("outsider");
  for (const name of [viewer, outsider]) {
    const ctx = await browser.newContext();
    await signUp(await ctx.newPage(), name);
    await ctx.close();
  }
  const token = await apiToken(request, E2E_ADMIN.email, E2E_ADMIN.password, "demo");
  const auth = { authorization: `Bearer ${token}` };
  const invite = await request.post("/api/v1/project/members", { headers: auth, data: { login: viewer, role: "viewer" } });
  expect(invite.status()).toBe(201);
  const models = await (await request.get("/api/v1/models?in_project=true", { headers: auth })).json();
  const sim = models.items.find((m: { key: string }) => m.key === "yardstick/sim-strong");

  await signIn(page, viewer, "e2e long password");
  await page.goto("/demo/models");
  await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
  await expect(page.getByText("Simulated Strong (85%)")).toBeVisible();
  await expect(page.getByRole("link", { name: "New model" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Add to project|Remove from project/ })).toHaveCount(0);
  await page.goto(`/demo/models/${sim.id}`);
  await expect(page.getByText(/simulated/i).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);

  // The viewer's own session cookie through the REST API: reads work, every write is 403.
  const headers = { "x-yardstick-project": "demo" };
  expect((await page.request.get("/api/v1/models", { headers })).status()).toBe(200);
  const writes = [
    page.request.post("/api/v1/models", {
      headers,
      data: { key: "v/x", name: "x", endpoint_type: "simulated", simulation: { seed: 1, accuracy: 1, latencyMs: { mean: 1, stddev: 0 } } },
    }),
    page.request.patch(`/api/v1/models/${sim.id}`, { headers, data: { name: "x" } }),
    page.request.delete(`/api/v1/models/${sim.id}`, { headers }),
    page.request.post("/api/v1/project/tokens", { headers, data: { name: "x" } }),
    page.request.post("/api/v1/project/members", { headers, data: { login: outsider } }),
  ];
  for (const res of await Promise.all(writes)) {
    expect(res.status()).toBe(403);
    expect(res.headers()["content-type"]).toContain("application/problem+json");
  }

  // Someone outside the project: 404 in the UI and through the API.
  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  await signIn(other, outsider, "e2e long password");
  const response = await other.goto("/demo/models");
  expect(response?.status()).toBe(404);
  expect((await other.request.get(`/api/v1/models/${sim.id}`, { headers })).status()).toBe(404);
  await ctx.close();
});
