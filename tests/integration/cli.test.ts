import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { seed } from "@/lib/server/seed/seed";
import { createModel } from "@/lib/services/models/write";
import { createToken } from "@/lib/services/tokens/tokens";
import { startWorker } from "@/lib/worker";
import { makeProject, makeUser } from "../support/factories";
import { startRouteServer } from "../support/route-server";

const BIN = path.resolve(import.meta.dirname, "../../cli/bin.cjs");
const dir = mkdtempSync(path.join(tmpdir(), "yardstick-cli-"));
let server: Awaited<ReturnType<typeof startRouteServer>>;
let worker: Awaited<ReturnType<typeof startWorker>>;
let token: string;
let owner: Awaited<ReturnType<typeof makeUser>>;
let projectKey: string;

type Result = { code: number; stdout: string; stderr: string };

/** Runs the shipped `yardstick` bin as a subprocess, as CI would. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Result> {
  const base = { ...process.env, HOME: dir, YARDSTICK_CONFIG: path.join(dir, "config.json") };
  return new Promise((resolve) => {
    execFile(
      "node",
      [BIN, ...args],
      { env: { ...base, YARDSTICK_URL: server.url, YARDSTICK_TOKEN: token, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  await makeUser();
  await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
  owner = await makeUser();
  const ctx = await makeProject(owner);
  projectKey = ctx.project.key;
  token = (await createToken(ctx, { name: "ci", role: "member" })).token;
  const simulated = (key: string, accuracy: number) =>
    createModel(ctx, {
      key,
      name: key,
      description: "",
      endpoint_type: "simulated",
      visibility: "custom",
      simulation: { seed: 7, accuracy, latencyMs: { mean: 1, stddev: 0 } },
    });
  await simulated("sim/good", 0.95);
  await simulated("sim/bad", 0.3);
  const rows = Array.from({ length: 60 }, (_, i) => JSON.stringify({ input: `What is ${i} + 1?`, truth: String(i + 1) }));
  writeFileSync(path.join(dir, "arith.jsonl"), `${rows.join("\n")}\n`);
  server = await startRouteServer();
  worker = await startWorker();
}, 60_000);

afterAll(async () => {
  await worker.stop();
  await server.close();
});

/** A JSON run of the good simulated model on the uploaded benchmark, with more flags. */
const runGood = (flags: string[]) => cli(["--json", "run", "--model", "sim/good", "--benchmark", "cli-arith", ...flags]);

const json = <T>(r: Result): T => {
  expect(r.stdout, r.stderr).not.toBe("");
  return JSON.parse(r.stdout) as T;
};
type RunOut = {
  run_id: string;
  passed: boolean;
  score: { n: number; value: number; ci: number[] };
  failures: string[];
  regression: { p: number } | null;
};

describe("the yardstick CLI against a real server", { timeout: 120_000 }, () => {
  it("explains a bad token and an unreachable URL (exit 2)", async () => {
    const bad = await cli(["models", "list"], { YARDSTICK_TOKEN: "ys_wrong-token-000000000000" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/token was refused \(401\)/);
    const unreachable = await cli(["models", "list"], { YARDSTICK_URL: "http://127.0.0.1:9" });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/Cannot reach Yardstick at http:\/\/127\.0\.0\.1:9/);
    const notUrl = await cli(["models", "list"], { YARDSTICK_URL: "localhost-3000" });
    expect(notUrl.stderr).toMatch(/is not a URL/);
  });

  it("logs in, lists models and uploads a benchmark (dry run first)", async () => {
    const login = await cli(["login", "--url", server.url, "--token", token], { YARDSTICK_URL: "", YARDSTICK_TOKEN: "" });
    expect(login.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "config.json"), "utf8"))).toEqual({ url: server.url, token });
    // The stored login is used when neither flags nor environment give one.
    const models = await cli(["--json", "models", "list"], { YARDSTICK_URL: "", YARDSTICK_TOKEN: "" });
    const exchanged = await cli(
      ["login", "--url", server.url, "--username", owner.username, "--password", owner.password, "--project", projectKey],
      {
        YARDSTICK_TOKEN: "",
      },
    );
    expect(exchanged.stdout).toMatch(new RegExp(`Logged in to .* \\(${projectKey}\\) as ${owner.username}, role admin`));
    const wrong = await cli(["login", "--url", server.url, "--username", owner.username, "--password", "wrong password"], {
      YARDSTICK_TOKEN: "",
    });
    expect(wrong.code).toBe(2);
    expect(json<{ key: string }[]>(models).map((m) => m.key)).toEqual(expect.arrayContaining(["sim/good", "sim/bad"]));

    const dry = await cli(["--json", "benchmarks", "upload", path.join(dir, "arith.jsonl"), "--key", "cli-arith", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(json<{ dry_run: boolean; validation: { valid: number } }>(dry)).toMatchObject({ dry_run: true, validation: { valid: 60 } });
    const upload = await cli(["benchmarks", "upload", path.join(dir, "arith.jsonl"), "--key", "cli-arith", "--name", "CLI arithmetic"]);
    expect(upload.code).toBe(0);
    expect(upload.stdout).toMatch(/Version 1 \(60 tasks\): 60 valid rows/);
    const list = await cli(["--json", "benchmarks", "list"]);
    expect(json<{ key: string }[]>(list).map((b) => b.key)).toContain("cli-arith");
  });

  it("passes and fails --fail-under / --fail-under-lower on the score and its interval", async () => {
    const pass = await cli(["run", "--model", "sim/good", "--benchmark", "cli-arith", "--fail-under", "0.7"]);
    expect(pass.code, pass.stderr).toBe(0);
    expect(pass.stdout).toMatch(/score 0\.\d{4} \(95% CI 0\.\d{4}–[01]\.\d{4}, n = 60\)/);
    const strict = await runGood(["--fail-under", "0.999"]);
    expect(strict.code).toBe(1);
    const out = json<RunOut>(strict);
    expect(out.passed).toBe(false);
    expect(out.failures[0]).toMatch(/below --fail-under 0\.999/);
    // The point estimate passes 0.8 while the interval's lower bound (n = 60) does not.
    const lower = await runGood(["--fail-under", "0.8", "--fail-under-lower", "0.9"]);
    const lowerOut = json<RunOut>(lower);
    expect(lowerOut.score.value).toBeGreaterThan(0.8);
    expect(lowerOut.score.ci[0]).toBeLessThan(0.9);
    expect(lower.code).toBe(1);
  });

  it("fails on a significant regression and passes when the difference is noise", async () => {
    const baseline = json<RunOut>(await runGood([]));
    const worse = await cli([
      "--json",
      "run",
      "--model",
      "sim/bad",
      "--benchmark",
      "cli-arith",
      "--fail-on-regression",
      "--baseline",
      baseline.run_id,
    ]);
    expect(worse.code).toBe(1);
    const regression = json<RunOut>(worse);
    expect(regression.regression?.p).toBeLessThan(0.05);
    expect(regression.failures[0]).toMatch(/significant regression/);

    // Same model again against its latest completed run: identical answers, no significant change.
    const same = await runGood(["--fail-on-regression", "--baseline", "latest", "--fail-under", "0.5"]);
    expect(same.code, same.stderr).toBe(0);
    expect(json<RunOut>(same).regression?.p).toBe(1);

    const compare = await cli(["compare", baseline.run_id, regression.run_id]);
    expect(compare.code).toBe(0);
    expect(compare.stdout).toMatch(/beats/);
  });

  it("lists, shows and exports runs", async () => {
    const runs = json<{ id: string; status: string }[]>(await cli(["--json", "runs", "list", "--status", "completed"]));
    expect(runs.length).toBeGreaterThanOrEqual(5);
    const id = runs[0]?.id as string;
    const show = await cli(["runs", "show", id]);
    expect(show.stdout).toMatch(/completed/);
    const exported = await cli(["runs", "export", id, "--format", "jsonl"]);
    expect(exported.code).toBe(0);
    expect(exported.stdout.trim().split("\n")).toHaveLength(60);
  });
});
