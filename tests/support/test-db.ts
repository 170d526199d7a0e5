import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { closeDb } from "@/db";

// Runs before each integration test file: a fresh database cloned from the migrated template.
const adminUrl = inject("adminDatabaseUrl");
const name = `yardstick_test_${randomBytes(6).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name} template yardstick_test_template`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.YARDSTICK_SECRET_KEY ??= "test-secret-key-test-secret-key-0123456789";
process.env.YARDSTICK_ALLOW_PRIVATE_ENDPOINTS ??= "true";

afterAll(async () => {
  await closeDb();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});
