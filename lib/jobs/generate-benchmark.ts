import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { benchmarkGenerations, models } from "@/db/schema";
import { type GeneratedTask, parseReply } from "@/lib/generation/generated-task";
import { planSteps, splitPassages } from "@/lib/generation/passages";
import { generationMessages } from "@/lib/generation/prompt";
import { simulatedTasks } from "@/lib/generation/simulated-generator";
import { callModel } from "@/lib/providers/call-model";

export type GenerateJob = { generationId: string };

type Model = typeof models.$inferSelect;

async function tasksFor(model: Model, passage: string, document: string, types: GeneratedTask["type"][], step: number) {
  if (model.endpointType === "simulated")
    return { tasks: simulatedTasks(passage, types, (model.simulation?.seed ?? 0) + step), rejected: [] };
  const messages = generationMessages(passage, types);
  const reply = await callModel(model, { messages, params: { temperature: 0 }, timeoutMs: 120_000, maxAttempts: 3 });
  return parseReply(reply.text, document);
}

/**
 * Writes a generation's tasks passage by passage, saving after each so the progress bar moves and a redelivered
 * job (at-least-once) resumes after the last saved step instead of starting over.
 */
export async function generateBenchmark(job: GenerateJob): Promise<void> {
  const [row] = await db.select().from(benchmarkGenerations).where(eq(benchmarkGenerations.id, job.generationId));
  if (!row || (row.status !== "queued" && row.status !== "running")) return;
  const [model] = await db.select().from(models).where(eq(models.id, row.modelId));
  const passages = splitPassages(row.documentText);
  const steps = planSteps(passages.length, row.spec.count, row.spec.types);
  const where = and(eq(benchmarkGenerations.id, row.id), inArray(benchmarkGenerations.status, ["queued", "running"]));
  await db.update(benchmarkGenerations).set({ status: "running", totalSteps: steps.length, updatedAt: new Date() }).where(where);
  const tasks = [...row.tasks];
  const rejected = [...row.rejected];
  try {
    if (!model) throw new Error("The generator model no longer exists");
    for (let i = row.doneSteps; i < steps.length; i++) {
      const step = steps[i] as (typeof steps)[number];
      const passage = passages[step.passage] as string;
      const reply = await tasksFor(model, passage, row.documentText, step.types as GeneratedTask["type"][], i);
      tasks.push(...reply.tasks.map((t) => ({ ...t, id: randomUUID(), accepted: true })));
      rejected.push(...reply.rejected.map((r) => `passage ${step.passage + 1}, ${r}`));
      await db
        .update(benchmarkGenerations)
        .set({ tasks, rejected, doneSteps: i + 1, updatedAt: new Date() })
        .where(where);
    }
    const error = tasks.length === 0 ? "The generator wrote no task grounded in the document" : null;
    await db
      .update(benchmarkGenerations)
      .set({ status: error ? "failed" : "completed", error, updatedAt: new Date() })
      .where(where);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.update(benchmarkGenerations).set({ status: "failed", error: message, updatedAt: new Date() }).where(where);
  }
}
