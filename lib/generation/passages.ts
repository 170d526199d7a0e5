/** Whitespace collapsed, so a quote matches the document however either was wrapped. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Whether the quote occurs in the document, ignoring differences in whitespace only. */
export function quoteOccurs(document: string, quote: string): boolean {
  const q = squash(quote);
  return q.length > 0 && squash(document).includes(q);
}

/**
 * Paragraphs (split at blank lines) merged in order up to `maxChars` each: the passages a generator is shown,
 * one request per passage, so long documents fit any context window.
 */
export function splitPassages(text: string, maxChars = 1500): string[] {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const passages: string[] = [];
  let current = "";
  for (const paragraph of paragraphs) {
    if (current && current.length + paragraph.length + 2 > maxChars) {
      passages.push(current);
      current = "";
    }
    current = current ? `${current}\n\n${paragraph}` : paragraph;
  }
  if (current) passages.push(current);
  return passages;
}

export type Step = { passage: number; count: number; types: string[] };

/**
 * Spreads `count` tasks over the passages, evenly across the document (not just its start), one step per
 * passage used; task types rotate in the order given.
 */
export function planSteps(passageCount: number, count: number, types: readonly string[]): Step[] {
  if (passageCount === 0 || count === 0 || types.length === 0) return [];
  const used = Math.min(passageCount, count);
  let next = 0;
  return Array.from({ length: used }, (_, i) => {
    const n = Math.floor(((i + 1) * count) / used) - Math.floor((i * count) / used);
    const stepTypes = Array.from({ length: n }, () => types[next++ % types.length] as string);
    return { passage: Math.floor((i * passageCount) / used), count: n, types: stepTypes };
  });
}
