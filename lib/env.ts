import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// The only reader of process.env. Parsed lazily so `next build` can import modules without a database.
const EnvSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  YARDSTICK_DATA_DIR: z.string().min(1).default(".data"),
  YARDSTICK_SECRET_KEY: z.string().min(32).optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  YARDSTICK_ADMIN_EMAIL: z.string().email().optional(),
  YARDSTICK_ADMIN_PASSWORD: z.string().min(8).optional(),
  YARDSTICK_ALLOW_PRIVATE_ENDPOINTS: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  YARDSTICK_SEED_DEMO: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  YARDSTICK_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(10_000).default(200),
  YARDSTICK_TRUSTED_PROXIES: z.string().optional(),
  YARDSTICK_WORKER: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  YARDSTICK_WORKERS: z.coerce.number().int().min(1).max(64).optional().describe("Worker processes; one per two cores when unset"),
  YARDSTICK_WORKER_SIBLINGS: z.coerce.number().int().min(1).max(64).default(1).describe("Set by the worker pool for its children"),
  YARDSTICK_WORKER_CHUNKS: z.coerce.number().int().min(1).max(64).default(4),
  YARDSTICK_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(2).max(86_400).default(120),
  YARDSTICK_QUEUE_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  YARDSTICK_SMTP_URL: z.string().url().optional().describe("smtp(s)://user:pass@host:port; email subscriptions need it"),
  YARDSTICK_SMTP_FROM: z.string().min(3).default("Yardstick <yardstick@localhost>"),
  YARDSTICK_DELIVERY_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  YARDSTICK_GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  YARDSTICK_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment:\n${lines.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function dataDir(): string {
  return path.resolve(env().YARDSTICK_DATA_DIR);
}

/** Read live, not from the parsed cache: the launcher sets it after starting the embedded server. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (start the app with `npm start` or `npm run dev`)");
  return url;
}

/** A secret from the environment, or one generated once into the data directory. */
const secrets = new Map<string, string>();

/** Read once per process: secrets are used on hot paths (every model call decrypts its API key). */
export function persistedSecret(file: string, fromEnv?: string): string {
  if (fromEnv) return fromEnv;
  const cached = secrets.get(file);
  if (cached) return cached;
  const dir = dataDir();
  // 0711: an unprivileged postgres user must traverse it to reach its own data directory.
  mkdirSync(dir, { recursive: true, mode: 0o711 });
  const target = path.join(dir, file);
  try {
    writeFileSync(target, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const value = readFileSync(target, "utf8").trim();
  secrets.set(file, value);
  return value;
}

export function secretKey(): string {
  return persistedSecret("secret-key", env().YARDSTICK_SECRET_KEY);
}

export function authSecret(): string {
  return persistedSecret("auth-secret", env().NEXTAUTH_SECRET);
}
