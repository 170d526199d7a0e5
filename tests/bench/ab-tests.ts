import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import postgres from "postgres";
import { closeDb } from "@/db";
import { createAbTest } from "@/lib/services/ab-tests/create";
import { createFeedbackKey } from "@/lib/services/feedback/keys";
import { createToken } from "@/lib/services/tokens/tokens";
import { CreateFeedbackKey } from "@/lib/validation/feedback";
import { makeProject, makeUser } from "../support/factories";
import { makeModel, makeUseCase } from "../support/online";
import { cpuSeconds, ownCpuSeconds, serverCpuSeconds } from "./cpu";
import { benchDatabase } from "./embedded-db";
import { keepAliveConnection } from "./keep-alive-client";
import { freePort, serverTimeP95, signInCookie, startServer, stopServer } from "./server";

// npm run bench:abtests — 4 running three-arm tests with 250,000 interactions each (1,000,000), about 60%
// rated, written in bulk with the running sums the feedback path keeps. Then the production server answers
// the test page and GET /api/v1/ab-tests/{key} (server time, p95), and concurrent clients log metric
// feedback through POST /api/v1/feedback/metric on the gateway's listener. The last line printed is one JSON object.
const TESTS = 4;
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 1_000_000);
const WRITES = Number(process.env.BENCH_FEEDBACK_WRITES ?? 8000);
const WARM_UP = 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const PASSWORD = "bench password 1";
const log = (line: string) => console.error(line);

/** The gateway listener's process (a child of the server's CLI): its CPU is counted apart from PostgreSQL's and the bench's. */
function gatewayPid(): number | undefined {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = (() => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, "utf8");
      } catch {
        return "";
      }
    })();
    if (cmdline.includes("lib/server/gateway-server.ts") && Number(entry) !== process.pid) return Number(entry);
  }
  return undefined;
}

/** Interactions, feedback and every running sum for one test, in set-based SQL (what the feedback path builds row by row). */
async function seedTest(sql: postgres.Sql, testId: string, projectId: string, keyId: string, count: number) {
  // The test has been running for the 14 days of traffic; buckets follow lib/scoring/ab/buckets.ts bucketFor().
  await sql`update ab_tests set created_at = now() - interval '14 days' where id = ${testId}`;
  const bucket = (column: string) =>
    sql.unsafe(
      `case when ${column} < (select created_at from ab_tests where id = '${testId}') + interval '2 hours' then date_trunc('minute', ${column}) else date_trunc('hour', ${column}) end`,
    );
  await sql`
    insert into interactions (id, project_id, use_case_id, model_id, source, messages, completion, end_user, ab_test_id, ab_arm, created_at)
    select gen_random_uuid(), ${projectId}, t.use_case_id, a.model_id, 'gateway', '[{"role":"user","content":"Where is my order?"}]'::jsonb,
           'It ships tomorrow.', 'user-' || (g % 20000), t.id, chr(65 + (g % 3)), now() - interval '14 days' + g * (interval '14 days' / ${count})
    from generate_series(1, ${count}) g
    join ab_tests t on t.id = ${testId}
    join ab_test_arms a on a.test_id = t.id and a.arm = g % 3`;
  await sql`
    insert into metric_feedback (project_id, interaction_id, feedback_key_id, value, end_user, created_at)
    select project_id, id, ${keyId}, (random() < 0.5 + 0.02 * (ascii(ab_arm) - 65))::int, end_user, created_at + interval '1 minute'
    from interactions where ab_test_id = ${testId} and random() < 0.6`;
  await sql`
    insert into ab_test_values (test_id, interaction_id, end_user, arm, value, bucket)
    select ${testId}, f.interaction_id, f.end_user, ascii(i.ab_arm) - 65, f.value, ${bucket("f.created_at")}
    from metric_feedback f join interactions i on i.id = f.interaction_id where i.ab_test_id = ${testId}`;
  await sql`
    insert into ab_test_users (test_id, arm, end_user, n, sum)
    select test_id, arm, end_user, count(*), sum(value) from ab_test_values where test_id = ${testId} group by 2, 3, 1`;
  await sql`
    update ab_test_arms a set n = v.n, sum = v.s, sum_sq = v.s2, clusters = u.c, cluster_sum_sq = u.ss, cluster_cross = u.cr, cluster_size_sq = u.nn, assigned = i.assigned
    from (select arm, count(*) n, sum(value) s, sum(value * value) s2 from ab_test_values where test_id = ${testId} group by arm) v,
         (select arm, count(*) c, sum(sum * sum) ss, sum(n * sum) cr, sum(n * n) nn from ab_test_users where test_id = ${testId} group by arm) u,
         (select ascii(ab_arm) - 65 arm, count(*) assigned from interactions where ab_test_id = ${testId} group by 1) i
    where a.test_id = ${testId} and a.arm = v.arm and u.arm = v.arm and i.arm = v.arm`;
  await sql`
    insert into ab_test_buckets (test_id, arm, start, assigned)
    select ${testId}, ascii(ab_arm) - 65, ${bucket("created_at")}, count(*) from interactions where ab_test_id = ${testId} group by 2, 3`;
  await sql`
    insert into ab_test_buckets (test_id, arm, start, n, sum, sum_sq)
    select test_id, arm, bucket, count(*), sum(value), sum(value * value) from ab_test_values where test_id = ${testId} group by 1, 2, 3
    on conflict (test_id, arm, start, shard) do update set n = excluded.n, sum = excluded.sum, sum_sq = excluded.sum_sq`;
}

/**
 * Metric feedback through the REST API from `CONCURRENCY` keep-alive connections, each sending its next POST when
 * the last one's answer is in; returns writes per second. A minimal client (keep-alive-client.ts), not fetch or
 * node:http: on 2 cores the clients' own CPU (fetch about 1 ms a request, node:http about 0.45 ms) is taken from what is measured.
 */
async function feedbackThroughput(
  base: string,
  token: string,
  ids: string[],
  from: number,
  to: number,
): Promise<{ perSecond: number; failures: number }> {
  const connections = await Promise.all(Array.from({ length: CONCURRENCY }, () => keepAliveConnection(base)));
  const head = `POST /api/v1/feedback/metric HTTP/1.1\r\nhost: ${new URL(base).host}\r\nauthorization: Bearer ${token}\r\ncontent-type: application/json\r\n`;
  let next = from;
  let failures = 0;
  const started = performance.now();
  const client = async (connection: (typeof connections)[number]) => {
    while (next < to) {
      const i = next++;
      const body = { completion_id: ids[i % ids.length], feedback_key: "thumbs_up", value: i % 3 === 0, user: `writer-${i % 500}` };
      const response = await connection.request(head, JSON.stringify(body));
      // Counted only when answered 201 with the stored feedback of this completion.
      if (response.status !== 201 || (JSON.parse(response.body) as { completion_id?: string }).completion_id !== body.completion_id)
        failures++;
    }
  };
  await Promise.all(connections.map(client));
  for (const connection of connections) connection.close();
  return { perSecond: Math.round((to - from) / ((performance.now() - started) / 1000)), failures };
}

async function main() {
  const db = await benchDatabase();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const admin = await makeUser({ username: "bench-admin", password: PASSWORD, admin: true });
    const ctx = await makeProject(admin);
    const { token } = await createToken(ctx, { name: "bench", role: "member" });
    const models = await Promise.all([0, 1, 2].map((m) => makeModel(ctx, `bench/arm-${m}`, "simulated")));
    const key = await createFeedbackKey(ctx, CreateFeedbackKey.parse({ key: "thumbs_up", kind: "bool" }));
    const sql = postgres(db.url, { max: 2, onnotice: () => {}, connection: { synchronous_commit: "off" } });
    const started = performance.now();
    for (let t = 0; t < TESTS; t++) {
      await makeUseCase(ctx, `bench-${t}`, models);
      await createAbTest(ctx, {
        key: `bench-${t}`,
        use_case: `bench-${t}`,
        feedback_key: "thumbs_up",
        models: [models[1]?.key as string, models[2]?.key as string],
        traffic_split: 1,
        feedback_type: "metric",
        auto_deploy: false,
        min_samples_per_arm: 10_000_000,
      });
      const [test] = await sql<{ id: string }[]>`select id from ab_tests where key = ${`bench-${t}`} and project_id = ${ctx.project.id}`;
      await seedTest(sql, test?.id as string, ctx.project.id, key.id, INTERACTIONS / TESTS);
      log(`seeded test ${t + 1}/${TESTS} (${Math.round((performance.now() - started) / 1000)} s)`);
    }
    await sql`analyze`;
    const [{ rows } = { rows: 0 }] = await sql<
      { rows: number }[]
    >`select count(*)::int as rows from metric_feedback where project_id = ${ctx.project.id}`;
    const sample = (
      await sql<{ id: string }[]>`select id from interactions where project_id = ${ctx.project.id} order by random() limit 2000`
    ).map((r) => r.id);
    await sql.end();
    await closeDb();

    // Feedback goes to the listener YARDSTICK_GATEWAY_PORT adds (the same REST route without Next.js's per-request work).
    const gatewayPort = await freePort();
    // BENCH_PROFILE=<dir>: the gateway listener writes its CPU profile there (tests/bench/cpu-profile.mjs).
    const profile: Record<string, string> = process.env.BENCH_PROFILE
      ? { NODE_OPTIONS: `--import ${path.resolve("tests/bench/cpu-profile.mjs")}` }
      : {};
    server = await startServer(db.url, "yardstick-bench-abtests-", { YARDSTICK_GATEWAY_PORT: String(gatewayPort), ...profile });
    const gateway = `http://127.0.0.1:${gatewayPort}`;
    while (
      !(await fetch(gateway).then(
        () => true,
        () => false,
      ))
    )
      await new Promise((r) => setTimeout(r, 200));
    const cookie = await signInCookie(await browser.newPage(), server.base, admin.email, PASSWORD);
    const page = `${server.base}/${ctx.project.key}/ab-tests/bench-0`;
    const api = `${server.base}/api/v1/ab-tests/bench-1`;
    const timings = {
      ab_page_p95_ms: await serverTimeP95(page, { cookie }, SAMPLES),
      stats_api_p95_ms: await serverTimeP95(api, { authorization: `Bearer ${token}` }, SAMPLES),
    };
    const pid = gatewayPid();
    const stats = postgres(db.url, { max: 1, onnotice: () => {} });
    const reads = async () =>
      (await stats<{ n: number }[]>`select blks_read::float8 as n from pg_stat_database where datname = current_database()`)[0]?.n ?? 0;
    // A live listener is warm: the first writes, timed apart, pay for compiling its code and reading the sampled
    // interactions into PostgreSQL's cache.
    const warmUp = await feedbackThroughput(gateway, token, sample, 0, WARM_UP);
    log(`warm-up: ${WARM_UP} feedback writes at ${warmUp.perSecond}/s`);
    const before = { gateway: cpuSeconds(pid), db: serverCpuSeconds(db.postmasterPid()), bench: ownCpuSeconds(), reads: await reads() };
    const writes = await feedbackThroughput(gateway, token, sample, WARM_UP, WARM_UP + WRITES);
    if (writes.failures + warmUp.failures) log(`${writes.failures + warmUp.failures} feedback writes failed`);
    // CPU per write compares across runs on a busy machine, where wall-clock rates do not; block reads are PostgreSQL's cache misses.
    const perWrite = (now: number, then: number) => (((now - then) * 1000) / WRITES).toFixed(3);
    log(
      `CPU ms per feedback write: gateway listener ${perWrite(cpuSeconds(pid), before.gateway)}, PostgreSQL ${perWrite(serverCpuSeconds(db.postmasterPid()), before.db)}, bench ${perWrite(ownCpuSeconds(), before.bench)}; PostgreSQL block reads per write ${((await reads()) - before.reads) / WRITES}`,
    );
    await stats.end();
    console.log(JSON.stringify({ feedback_rows: rows, ...timings, feedback_writes_per_s: writes.perSecond }));
  } finally {
    await browser.close();
    if (server) await stopServer(server);
    await closeDb();
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
