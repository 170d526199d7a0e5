/** Limits on user-programmable stages; the same for the playground and for runs. */
export const MAX_SOURCE_CHARS = 20_000;
export const MAX_OUTPUT_CHARS = 200_000;
/** Wall-clock budget of one template render or expression evaluation. */
export const TIME_LIMIT_MS = 250;
/** JSONata evaluation depth: deep enough for real grading logic, shallow enough to stop runaway recursion early. */
export const MAX_EXPRESSION_DEPTH = 500;
/** Longest sequence JSONata may build, e.g. from a range [1..n]. */
export const MAX_SEQUENCE_LENGTH = 100_000;
/** LiquidJS memory budget, in its own units (roughly characters and array items allocated). */
export const LIQUID_MEMORY_LIMIT = 10_000_000;
