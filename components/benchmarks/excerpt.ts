/** Short plain-text views of task fields for tables; the full text is on the task page. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function inputExcerpt(input: unknown, max = 140): string {
  if (typeof input === "string") return clip(input.replace(/\s+/g, " ").trim(), max);
  if (Array.isArray(input)) {
    const user = input.findLast((m) => m && typeof m === "object" && (m as { role?: string }).role === "user") ?? input.at(-1);
    const content = (user as { content?: unknown } | undefined)?.content;
    return inputExcerpt(typeof content === "string" ? content : "", max);
  }
  return "";
}

export function truthExcerpt(truth: unknown, max = 80): string {
  if (truth === null || truth === undefined) return "—";
  if (typeof truth === "string") return clip(truth, max);
  if (Array.isArray(truth) && truth.every((t) => typeof t === "string")) return clip(truth.join(" | "), max);
  return clip(JSON.stringify(truth), max);
}
