import jStat from "jstat";

// jstat.d.ts declares only the quantiles; log Γ is there at runtime too.
const gammaln = (jStat as unknown as { gammaln(x: number): number }).gammaln;

/**
 * Seeded Poisson(λ) draw: Knuth's product of uniforms for λ < 30, else Hörmann's PTRS transformed
 * rejection (1993, as numpy's random_poisson_ptrs). Exact for every λ, O(1) for large λ.
 */
export function poisson(lambda: number, random: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let product = random();
    while (product > limit) {
      k++;
      product *= random();
    }
    return k;
  }
  const logLambda = Math.log(lambda);
  const b = 0.931 + 2.53 * Math.sqrt(lambda);
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * logLambda - gammaln(k + 1)) return k;
  }
}
