import { RE2JS } from "re2js";

/**
 * User-supplied regular expressions run on RE2 (re2js): matching time grows linearly with the input,
 * so a pattern such as `^(a+)+$` cannot block the event loop. RE2 has no lookaround or backreferences;
 * such patterns are refused when they are saved.
 */
const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, g: 0, u: 0 };

const cache = new Map<string, RE2JS>();
const MAX_CACHED = 500;

function compile(source: string, flags: string): RE2JS {
  const key = `${flags}/${source}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let bits = 0;
  for (const flag of flags) {
    const bit = FLAG_BITS[flag];
    if (bit === undefined) throw new SyntaxError(`The regular expression flag "${flag}" is not supported`);
    bits |= bit;
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(source), bits);
  } catch (error) {
    throw new SyntaxError((error as Error).message);
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}

/** Why a pattern cannot be used (a syntax error, or lookaround/backreferences RE2 does not support). */
export function regexError(source: string, flags = ""): string | undefined {
  try {
    compile(source, flags);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The subset of RegExp that callers (and JSONata's RegexEngine option) use: exec with lastIndex. */
export class LinearRegExp {
  readonly source: string;
  readonly flags: string;
  readonly global: boolean;
  lastIndex = 0;
  private readonly pattern: RE2JS;

  constructor(source: string | RegExp, flags?: string) {
    this.source = typeof source === "string" ? source : source.source;
    this.flags = flags ?? (typeof source === "string" ? "" : source.flags);
    this.global = this.flags.includes("g");
    this.pattern = compile(this.source, this.flags);
  }

  exec(text: string): RegExpExecArray | null {
    const start = this.global ? this.lastIndex : 0;
    if (start > text.length) {
      this.lastIndex = 0;
      return null;
    }
    const matcher = this.pattern.matcher(text);
    if (!matcher.find(start)) {
      if (this.global) this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [];
    for (let i = 0; i <= matcher.groupCount(); i++) groups.push(matcher.group(i) ?? undefined);
    const match = Object.assign(groups, { index: matcher.start(), input: text }) as unknown as RegExpExecArray;
    if (this.global) this.lastIndex = matcher.end();
    return match;
  }

  /** Every match, like String.prototype.matchAll; empty matches advance by one character. */
  *matchAll(text: string): Generator<RegExpExecArray> {
    const re = new LinearRegExp(this.source, this.flags.includes("g") ? this.flags : `${this.flags}g`);
    for (let match = re.exec(text); match; match = re.exec(text)) {
      if ((match[0] ?? "") === "") re.lastIndex += 1;
      yield match;
    }
  }

  /** The text between matches, like String.prototype.split with a regex (capture groups not spliced in). */
  split(text: string): string[] {
    const parts: string[] = [];
    let from = 0;
    for (const match of this.matchAll(text)) {
      const end = match.index + (match[0] ?? "").length;
      if (end === 0 || (match[0] === "" && match.index >= text.length)) continue;
      parts.push(text.slice(from, match.index));
      from = end;
    }
    parts.push(text.slice(from));
    return parts;
  }
}
