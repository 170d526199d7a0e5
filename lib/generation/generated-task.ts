import { z } from "zod";
import { extractJson } from "@/lib/scoring/json-extract";
import { quoteOccurs } from "./passages";

export const GENERATED_TYPES = ["MCQ", "FRQ", "bool"] as const;

const Text = (max: number) => z.string().trim().min(1).max(max);

const GeneratedFields = z.object({
  type: z.enum(GENERATED_TYPES),
  question: Text(4000),
  answer: Text(1000).describe("MCQ: the correct choice; FRQ: the expected answer; bool: true or false"),
  incorrect: z.array(Text(1000)).max(9).optional().describe("MCQ only: wrong choices"),
  quote: Text(2000).describe("The passage of the document the task is grounded in, verbatim"),
});

function checkType(t: z.infer<typeof GeneratedFields>, ctx: z.core.$RefinementCtx) {
  if (t.type === "MCQ" && (t.incorrect?.length ?? 0) < 1)
    ctx.addIssue({ code: "custom", path: ["incorrect"], message: "MCQ tasks need at least one incorrect choice" });
  if (t.type === "bool" && !["true", "false"].includes(t.answer.toLowerCase()))
    ctx.addIssue({ code: "custom", path: ["answer"], message: "bool answers are true or false" });
}

/** One task as a generator must write it. */
export const GeneratedTask = GeneratedFields.superRefine(checkType);
export type GeneratedTask = z.infer<typeof GeneratedTask>;

/** A generated task in review: the user edits, accepts or deletes it before import. */
export const DraftTask = GeneratedFields.extend({ id: z.uuid(), accepted: z.boolean() }).superRefine(checkType);
export type DraftTask = z.infer<typeof DraftTask>;

const Reply = z.object({ tasks: z.array(z.unknown()).max(50) });

export type ParsedReply = { tasks: GeneratedTask[]; rejected: string[] };

/**
 * A generator's reply: JSON `{tasks: [...]}`, each task validated and kept only when its quote occurs in the
 * document, so every kept task is grounded in text the user uploaded. Rejections say why.
 */
export function parseReply(text: string, document: string): ParsedReply {
  const json = extractJson(text);
  if (!json.ok) return { tasks: [], rejected: [json.error] };
  const reply = Reply.safeParse(json.value);
  if (!reply.success) return { tasks: [], rejected: ['the reply is not {"tasks": [...]}'] };
  const out: ParsedReply = { tasks: [], rejected: [] };
  reply.data.tasks.forEach((raw, i) => {
    const task = GeneratedTask.safeParse(raw);
    if (!task.success) out.rejected.push(`task ${i + 1}: ${task.error.issues.map((e) => `${e.path.join(".")}: ${e.message}`).join("; ")}`);
    else if (!quoteOccurs(document, task.data.quote)) out.rejected.push(`task ${i + 1}: its quote does not occur in the document`);
    else out.tasks.push(task.data.type === "bool" ? { ...task.data, answer: task.data.answer.toLowerCase() } : task.data);
  });
  return out;
}

/** The generated task as a Yardstick benchmark row (native JSONL), with its quote kept in the metadata. */
export function toBenchmarkRow(task: GeneratedTask, source: string) {
  const common = { input: task.question, tags: ["generated"], metadata: { quote: task.quote, source } };
  if (task.type === "MCQ")
    return { ...common, type: "MCQ", truth: null, choices: { correct: [task.answer], incorrect: task.incorrect ?? [] } };
  if (task.type === "bool") return { ...common, type: "bool", truth: task.answer === "true" };
  return { ...common, type: "FRQ", truth: [task.answer] };
}
