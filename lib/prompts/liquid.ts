import { Liquid, type Template } from "liquidjs";
import { LIQUID_MEMORY_LIMIT, MAX_OUTPUT_CHARS, MAX_SOURCE_CHARS, TIME_LIMIT_MS } from "./limits";
import { type Stage, type StageError, type StageResult, type TemplateStage, tooLong } from "./types";
import { checkVariables } from "./variables";

// No file system (an empty in-memory template map), no partials, unknown filters are errors,
// only own properties are readable, and parse/render/memory are bounded.
const engine = new Liquid({
  templates: {},
  strictFilters: true,
  strictVariables: false,
  ownPropertyOnly: true,
  parseLimit: MAX_SOURCE_CHARS,
  renderLimit: TIME_LIMIT_MS,
  memoryLimit: LIQUID_MEMORY_LIMIT,
});
for (const tag of ["include", "render", "layout", "block"]) delete engine.tags[tag];

const cache = new Map<string, Template[]>();
const MAX_CACHED = 500;

function liquidError(error: unknown): StageError {
  if (!(error instanceof Error)) return { message: String(error) };
  const token = (error as { token?: { getPosition?: () => [number, number]; begin?: number } }).token;
  const [line, column] = token?.getPosition?.() ?? [];
  const message = error.message.replace(/, line:\d+, col:\d+$/, "");
  const located = line === undefined ? {} : { line, column, position: token?.begin };
  return { message, code: error.name, ...located };
}

export function compileTemplate(stage: TemplateStage, source: string): StageResult<Template[]> {
  if (source.length > MAX_SOURCE_CHARS) return tooLong(`${stage} template`, source.length, MAX_SOURCE_CHARS);
  const cached = cache.get(source);
  if (cached) return { ok: true, value: cached };
  try {
    const templates = engine.parse(source);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(source, templates);
    return { ok: true, value: templates };
  } catch (error) {
    return { ok: false, error: liquidError(error) };
  }
}

/** Compiles a template and checks every variable it reads exists in its stage (grading: the LLM judge's prompt). */
export function checkTemplate(stage: Stage, source: string): StageResult<Template[]> {
  const compiled = compileTemplate(stage === "system_prompt" ? "system_prompt" : "prompt", source);
  return compiled.ok ? checkVariables(stage, compiled.value) : compiled;
}

/** Renders a system-prompt or prompt template (LiquidJS) against a stage context. */
export async function renderTemplate(stage: TemplateStage, source: string, context: object): Promise<StageResult<string>> {
  const compiled = compileTemplate(stage, source);
  if (!compiled.ok) return compiled;
  try {
    const output = String(await engine.render(compiled.value, context));
    if (output.length > MAX_OUTPUT_CHARS) return tooLong(`${stage} output`, output.length, MAX_OUTPUT_CHARS);
    return { ok: true, value: output };
  } catch (error) {
    return { ok: false, error: liquidError(error) };
  }
}
