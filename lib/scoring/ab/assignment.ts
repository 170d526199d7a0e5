import { fnv1a32 } from "@/lib/benchmarks/random";

/** murmur3's fmix32 finaliser: FNV-1a alone leaves strings that differ in their last character too close. */
function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A stable number in [0, 1) for a string. */
export function hashUnit(text: string): number {
  return fmix32(fnv1a32(text)) / 4294967296;
}

export type AssignmentInput = { testKey: string; user?: string | null; random?: () => number };

/**
 * Whether a `model: default` request joins the test: a share `trafficSplit` of them. With a user the
 * draw is a hash of (test, user), so a user is either always in the test or never.
 */
export function joinsTest({ testKey, user, random = Math.random }: AssignmentInput, trafficSplit: number): boolean {
  const u = user ? hashUnit(`${testKey}\u0000join\u0000${user}`) : random();
  return u < trafficSplit;
}

/** The arm for a request in the test: uniform at random, or a hash of (test, user) so a user keeps one model. */
export function chooseArm({ testKey, user, random = Math.random }: AssignmentInput, arms: number): number {
  const u = user ? hashUnit(`${testKey}\u0000arm\u0000${user}`) : random();
  return Math.min(arms - 1, Math.floor(u * arms));
}
