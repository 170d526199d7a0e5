import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as deliveriesRoute from "@/app/api/v1/subscriptions/[id]/deliveries/route";
import * as subscriptionRoute from "@/app/api/v1/subscriptions/[id]/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import { db } from "@/db";
import { seed } from "@/lib/server/seed/seed";
import { deliveries, subscriptions } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { verifyWebhook } from "@/lib/automation/webhook-signature";
import { listDeliveries } from "@/lib/services/subscriptions/read";
import { createSubscription, redeliver } from "@/lib/services/subscriptions/write";
import { createRun } from "@/lib/services/runs/create";
import { createToken } from "@/lib/services/tokens/tokens";
import { CreateSubscription } from "@/lib/validation/automation";
import { CreateRun } from "@/lib/validation/runs";
import { startWorker } from "@/lib/worker";
import { makePair, until } from "../support/automation";
import { addMember, makeProject, makeUser } from "../support/factories";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { waitForRun } from "../support/runs";
import { callRoute } from "../support/route-call";

type Received = { headers: IncomingHttpHeaders; body: string };

let ctx: ProjectCtx;
let fake: FakeOpenAI;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
let failuresLeft = 2;
let smtp: SMTPServer;
const mails: string[] = [];
let worker: Awaited<ReturnType<typeof startWorker>>;
let pair: Awaited<ReturnType<typeof makePair>>;

beforeAll(async () => {
  // A local SMTP server without TLS or auth, read back by the test.
  smtp = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    onData(stream, _session, done) {
      let text = "";
      stream.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      stream.on("end", () => {
        mails.push(text);
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  // env() reads these on first use, which comes after this point.
  process.env.YARDSTICK_SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.YARDSTICK_DELIVERY_RETRY_SECONDS = "1";
  // Answers 500 to the first two requests, then 200.
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = failuresLeft-- > 0 ? 500 : 200;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  await makeUser();
  await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
  ctx = await makeProject();
  fake = await startFakeOpenAI();
  pair = await makePair(ctx, fake.url);
  worker = await startWorker();
}, 60_000);

afterAll(async () => {
  await worker.stop();
  await fake.close();
  await new Promise((r) => receiver.close(r));
  await new Promise<void>((r) => smtp.close(() => r()));
});

describe("webhooks and email", () => {
  it("deliver a completed run's event signed, retried after the receiver's 500s, and by email", async () => {
    const hook = await createSubscription(
      ctx,
      CreateSubscription.parse({ kind: "webhook", url: receiverUrl, run_events: ["run.completed"] }),
    );
    expect(hook.secret).toMatch(/^whsec_/);
    await createSubscription(
      ctx,
      CreateSubscription.parse({ kind: "email", email: "team@example.test", run_events: ["run.completed"], model_id: pair.modelId }),
    );
    const { run } = await createRun(
      ctx,
      CreateRun.parse({ model_id: pair.modelId, benchmark_id: pair.benchmarkId, config: { num_examples: 4 } }),
      "api",
    );
    expect((await waitForRun(ctx, run.id)).status).toBe("completed");

    const log = await until(
      async () => {
        const [d] = await listDeliveries(ctx, hook.id);
        return d?.status === "delivered" && d;
      },
      30_000,
      "the webhook delivery",
    );
    expect(log.attempts.map((a) => a.status_code)).toEqual([500, 500, 200]);
    expect(received).toHaveLength(3);
    // Every attempt carries the same event (id for de-duplication), each signed over its own timestamp.
    const bodies = received.map(
      (r) => JSON.parse(r.body) as { id: string; type: string; timestamp: string; data: { run: { id: string } } },
    );
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(bodies[0]).toMatchObject({ type: "run.completed", data: { run: { id: run.id } } });
    for (const r of received) {
      expect(verifyWebhook(hook.secret as string, r.headers["x-yardstick-signature"] as string, r.body)).toBe(true);
      expect(verifyWebhook("whsec_wrong", r.headers["x-yardstick-signature"] as string, r.body)).toBe(false);
    }

    const mail = await until(async () => mails.find((m) => m.includes(run.id)), 20_000, "the email");
    expect(mail).toContain("To: team@example.test");
    expect(mail).toMatch(/Subject: \[Yardstick\] pair model on pair bench: run completed/);

    // Redeliver sends the same event again.
    await redeliver(ctx, hook.id, log.id);
    await until(async () => received.length === 4, 20_000, "the redelivery");
    expect(JSON.parse(received[3]?.body ?? "{}").id).toBe(bodies[0]?.id);
  }, 60_000);

  it("refuses a metadata URL at save and at delivery, without retrying", async () => {
    const metadata = "http://169.254.169.254/latest/meta-data/";
    const member = (await createToken(await addMember(ctx, "member"), { name: "m", role: "member" })).token;
    const refused = await callRoute(subscriptionsRoute.POST, "/api/v1/subscriptions", {
      token: member,
      method: "POST",
      body: { kind: "webhook", url: metadata, run_events: ["run.failed"] },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('"url"');
    // A URL that became unsafe after it was saved (here: written directly) is refused when delivering.
    await db.delete(subscriptions);
    const hook = await createSubscription(
      ctx,
      CreateSubscription.parse({ kind: "webhook", url: receiverUrl, run_events: ["run.completed"] }),
    );
    await db.update(subscriptions).set({ url: metadata }).where(eq(subscriptions.id, hook.id));
    const before = received.length;
    const { run } = await createRun(
      ctx,
      CreateRun.parse({ model_id: pair.modelId, benchmark_id: pair.benchmarkId, config: { num_examples: 2 } }),
      "api",
    );
    await waitForRun(ctx, run.id);
    const [d] = await until(
      async () => {
        const log = await listDeliveries(ctx, hook.id);
        return log[0]?.status === "failed" && log;
      },
      20_000,
      "the refused delivery",
    );
    expect(d?.attempts).toHaveLength(1);
    expect(d?.attempts[0]).toMatchObject({
      status_code: null,
      error: expect.stringContaining("points to 169.254.169.254: linkLocal addresses are never allowed"),
    });
    // Not retried: a refused address stays refused.
    await new Promise((r) => setTimeout(r, 3000));
    const [after] = await db.select().from(deliveries).where(eq(deliveries.subscriptionId, hook.id));
    expect(after?.attempts).toBe(1);
    expect(received.length).toBe(before);
  }, 60_000);

  it("answers the REST API with roles and project scoping, and never shows the secret again", async () => {
    const viewer = (await createToken(await addMember(ctx, "viewer"), { name: "v", role: "viewer" })).token;
    const stranger = (await createToken(await makeProject(), { name: "o", role: "admin" })).token;
    const body = { kind: "webhook", url: receiverUrl, run_events: ["run.completed"] };
    expect((await callRoute(subscriptionsRoute.POST, "/api/v1/subscriptions", { token: viewer, method: "POST", body })).status).toBe(403);
    const hook = await createSubscription(ctx, CreateSubscription.parse(body));
    const params = { id: hook.id };
    const shown = await callRoute(subscriptionRoute.GET, `/api/v1/subscriptions/${hook.id}`, { token: viewer, params });
    expect(shown.status).toBe(200);
    expect(shown.text).not.toContain(hook.secret as string);
    expect((await callRoute(deliveriesRoute.GET, `/api/v1/subscriptions/${hook.id}/deliveries`, { token: stranger, params })).status).toBe(
      404,
    );
    expect(
      (await callRoute(subscriptionRoute.DELETE, `/api/v1/subscriptions/${hook.id}`, { token: viewer, method: "DELETE", params })).status,
    ).toBe(403);
    const noTarget = await callRoute(subscriptionsRoute.POST, "/api/v1/subscriptions", {
      token: (await createToken(ctx, { name: "own", role: "member" })).token,
      method: "POST",
      body: { kind: "in_app" },
    });
    expect(noTarget.status).toBe(400);
    expect(JSON.stringify(noTarget.json)).toContain("alert_id");
  });
});
