import { meanAggregate } from "./mean";
import { type Aggregate, DEFAULT_CONFIDENCE } from "./types";

/**
 * Unbiased pass@k from n samples of which c passed (Chen et al. 2021, "Evaluating Large Language Models
 * Trained on Code"): 1 − C(n−c, k)/C(n, k), computed as 1 − Π_{i=n−c+1}^{n} (1 − k/i) so that no
 * binomial coefficient is ever formed (they overflow doubles from n ≈ 1,030).
 */
export function passAtK(n: number, c: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k)) throw new Error("n, c and k must be integers");
  if (n < 1 || k < 1 || k > n || c < 0 || c > n) throw new Error("need 1 ≤ k ≤ n and 0 ≤ c ≤ n");
  if (n - c < k) return 1;
  let product = 1;
  for (let i = n - c + 1; i <= n; i++) product *= 1 - k / i;
  return 1 - product;
}

/** Mean pass@k over tasks, with the t interval of `meanAggregate` across tasks. */
export function passAtKAggregate(tasks: readonly { n: number; c: number }[], k: number, confidence = DEFAULT_CONFIDENCE): Aggregate {
  const aggregate = meanAggregate(
    tasks.map((t) => passAtK(t.n, t.c, k)),
    confidence,
  );
  return { ...aggregate, method: `pass@${k}-t` };
}
