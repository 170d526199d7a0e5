import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { abTestArms, abTests } from "@/db/schema";
import { chooseArm, joinsTest } from "@/lib/scoring/ab/assignment";
import type { Routing } from "../use-cases/routing";
import { armLabel } from "./find";

export type ActiveTest = { id: string; key: string; trafficSplit: number; arms: { arm: number; modelId: string }[] };
export type ArmChoice = { testId: string; arm: number; label: string; modelKey: string };

// The gateway reads this on every `model: default` call; like the use-case routing, a short cache keeps the
// database off the hot path. Changes in this process clear it at once; other instances within TTL_MS.
const TTL_MS = 2000;
const cache = new Map<string, { at: number; test: Promise<ActiveTest | null> }>();

export function invalidateAbRouting(useCaseId: string): void {
  cache.delete(useCaseId);
}

async function load(useCaseId: string): Promise<ActiveTest | null> {
  const [test] = await db
    .select({ id: abTests.id, key: abTests.key, trafficSplit: abTests.trafficSplit })
    .from(abTests)
    .where(and(eq(abTests.useCaseId, useCaseId), eq(abTests.status, "running")));
  if (!test) return null;
  const arms = await db
    .select({ arm: abTestArms.arm, modelId: abTestArms.modelId })
    .from(abTestArms)
    .where(eq(abTestArms.testId, test.id))
    .orderBy(asc(abTestArms.arm));
  return { ...test, arms };
}

export function activeTestFor(useCaseId: string): Promise<ActiveTest | null> {
  const hit = cache.get(useCaseId);
  if (hit && performance.now() - hit.at < TTL_MS) return hit.test;
  const test = load(useCaseId);
  cache.set(useCaseId, { at: performance.now(), test });
  test.catch(() => cache.delete(useCaseId));
  return test;
}

export type AbRequest = { model: string; user?: string | null; abCampaign?: string | null; abArm?: string | null };

/**
 * The arm serving a gateway request, or null when it stays outside the test: only `model: default`
 * requests join, a `traffic_split` share of them (sticky per user), or all that name the test in `ab_campaign`.
 */
export async function chooseAbArm(routing: Routing, request: AbRequest, random: () => number = Math.random): Promise<ArmChoice | null> {
  if (request.model !== "default") return null;
  const test = await activeTestFor(routing.useCase.id);
  if (!test || test.arms.length < 2) return null;
  const input = { testKey: test.key, user: request.user, random };
  const campaign = request.abCampaign === test.key;
  if (!campaign && !joinsTest(input, test.trafficSplit)) return null;
  const forced = campaign && request.abArm ? test.arms.find((a) => armLabel(a.arm) === request.abArm) : undefined;
  const arm = forced ?? (test.arms[chooseArm(input, test.arms.length)] as { arm: number; modelId: string });
  // An arm whose model was detached or switched off meanwhile serves nothing: the request keeps the default.
  const served = routing.models.find((m) => m.model.id === arm.modelId && m.online);
  return served ? { testId: test.id, arm: arm.arm, label: armLabel(arm.arm), modelKey: served.model.key } : null;
}
