import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const E2E_ADMIN = { email: "e2e-admin@example.test", password: "e2e admin password 1" };

// Production build, fresh data directory, embedded Postgres: the same path `npm start` takes.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "rm -rf .data/e2e && npx tsx lib/server/cli.ts start",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      YARDSTICK_DATA_DIR: ".data/e2e",
      YARDSTICK_ALLOW_PRIVATE_ENDPOINTS: "true",
      YARDSTICK_ADMIN_EMAIL: E2E_ADMIN.email,
      YARDSTICK_ADMIN_PASSWORD: E2E_ADMIN.password,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
  },
});
