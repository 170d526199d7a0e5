import { eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { models, runResults, runs } from "@/db/schema";
import type { Task } from "@/lib/benchmarks/task";
import { fromRow, type TaskRow } from "@/lib/services/benchmarks/task-rows";
import { env } from "@/lib/env";
import { RunConfig } from "@/lib/validation/runs";
import { acquire } from "@/lib/providers/keyed-slots";
import { watchEndpoint } from "./endpoint-health";
import { callItem, type ItemOutcome, type PreparedItem, prepareItem } from "./execute-item";
import { finalizeRun } from "./finalize";
import type { ChunkJob } from "./queue";
import { joinRun } from "./run-signal";
import { judgeIds, scoreItem } from "./score";

/** One result as the insert reads it: the JSON keys are the column names. */
export type ResultRow = {
  position: number;
  sample: number;
  task_key: string;
  subset: string | null;
  status: "ok" | "error";
  messages: unknown;
  request_params: unknown;
  raw_response: unknown;
  response_text: string | null;
  parsed: unknown;
  scores: unknown;
  passed: boolean | null;
  score: number | null;
  latency_ms: number;
  tokens_in: number;
  tokens_out: number;
  tokens_estimated: string | null;
  cost: number;
  attempts: number;
  error: string | null;
  error_kind: string | null;
};

const RESULT_TYPES: Record<keyof ResultRow, string> = {
  position: "integer",
  sample: "integer",
  task_key: "text",
  subset: "text",
  status: "text",
  messages: "jsonb",
  request_params: "jsonb",
  raw_response: "jsonb",
  response_text: "text",
  parsed: "jsonb",
  scores: "jsonb",
  passed: "boolean",
  score: "double precision",
  latency_ms: "integer",
  tokens_in: "integer",
  tokens_out: "integer",
  tokens_estimated: "text",
  cost: "double precision",
  attempts: "integer",
  error: "text",
  error_kind: "text",
};
const COLUMN_LIST = sql.raw(Object.keys(RESULT_TYPES).join(", "));
const RECORD_TYPE = sql.raw(
  `r(${Object.entries(RESULT_TYPES)
    .map(([column, type]) => `${column} ${type}`)
    .join(", ")})`,
);

const FLUSH_EVERY = 50;
/** Finished items scored per event-loop turn: small steps, so responses arriving meanwhile wait little. */
const RECORD_EVERY = 8;

/**
 * Writes results that are not there yet and bumps the run's counters by exactly what was inserted, in
 * one statement (so one transaction): a redelivered chunk (at-least-once) adds nothing twice. The
 * batch travels as one JSON parameter; building a 50-row insert through the query builder cost the
 * worker more than the model calls. Returns the run's status, so cancellation is seen at each flush.
 */
export function flush(runId: string, rows: ResultRow[]): Promise<string | undefined> {
  return flushEncoded(runId, JSON.stringify(rows));
}

/** flush() for rows already encoded as one JSON array. */
async function flushEncoded(runId: string, rowsJson: string): Promise<string | undefined> {
  const [run] = await db.execute<{ status: string }>(sql`
    with inserted as (
      insert into ${runResults} (run_id, ${COLUMN_LIST})
      select ${runId}, ${COLUMN_LIST} from jsonb_to_recordset(${rowsJson}::jsonb) as ${RECORD_TYPE}
      on conflict (run_id, position, sample) do nothing
      returning status, passed, tokens_in, tokens_out, cost
    ), added as (
      select count(*) filter (where status = 'ok') as done, count(*) filter (where status <> 'ok') as errors,
        count(passed) as scored, count(*) filter (where passed) as passed,
        coalesce(sum(tokens_in), 0) as tokens_in, coalesce(sum(tokens_out), 0) as tokens_out, coalesce(sum(cost), 0) as cost
      from inserted
    )
    update ${runs} set done_items = done_items + added.done, error_items = error_items + added.errors,
      scored_items = scored_items + added.scored, passed_items = passed_items + added.passed,
      tokens_in = runs.tokens_in + added.tokens_in, tokens_out = runs.tokens_out + added.tokens_out, cost = runs.cost + added.cost
    from added where id = ${runId}
    returning status`);
  return run?.status;
}

type Judges = NonNullable<Parameters<typeof scoreItem>[4]>;

export async function toRow(
  position: number,
  sample: number,
  task: Task & { key: string },
  outcome: ItemOutcome,
  config: RunConfig,
  judges: Judges,
): Promise<ResultRow> {
  const scored =
    outcome.error === null
      ? await scoreItem(task, outcome.responseText ?? "", outcome.correctLetters, config, judges)
      : { scores: {}, parsed: null, passed: null, score: null };
  return {
    position,
    sample,
    task_key: task.key,
    subset: task.subset ?? null,
    status: outcome.error === null ? "ok" : "error",
    messages: outcome.messages,
    request_params: outcome.requestParams,
    raw_response: outcome.rawResponse,
    response_text: outcome.responseText,
    parsed: scored.parsed,
    scores: scored.scores,
    passed: scored.passed,
    score: scored.score,
    latency_ms: outcome.latencyMs,
    tokens_in: outcome.tokensIn,
    tokens_out: outcome.tokensOut,
    tokens_estimated: outcome.tokensEstimated ? "chars/4" : null,
    cost: outcome.cost,
    attempts: outcome.attempts,
    error: outcome.error,
    error_kind: outcome.errorKind,
  };
}

/** The judge models a run's scorers call, by id. */
export async function loadJudges(config: RunConfig): Promise<Judges> {
  const ids = judgeIds(config);
  return new Map((ids.length ? await db.select().from(models).where(inArray(models.id, ids)) : []).map((m) => [m.id, m]));
}

/** An item that failed before reaching the model (e.g. its template did not render) is an error result. */
function failedOutcome(error: Error): ItemOutcome {
  return {
    messages: [],
    requestParams: {},
    rawResponse: null,
    responseText: null,
    latencyMs: 0,
    tokensIn: 0,
    tokensOut: 0,
    tokensEstimated: false,
    cost: 0,
    attempts: 0,
    error: error.message,
    errorKind: "template",
  };
}

type Item = { position: number; sample: number; task: Task & { key: string } };
type Prepared = Item & { prepared: PreparedItem | Error };
type Finished = Item & { outcome: ItemOutcome };

/** Chunks in the order this process started them: older chunks get freed slots first. */
let chunksStarted = 0;

/** Evaluates the chunk's (task, sample) items that have no result yet, `concurrency` at a time. */
export async function runChunk(job: ChunkJob): Promise<void> {
  // Not the whole row: `positions` and `summary` can be large, and every chunk reads this. The model
  // comes in the same query: a chunk's setup delays its first calls, so it takes two round trips.
  const [run] = await db
    .select({
      id: runs.id,
      projectId: runs.projectId,
      versionId: runs.versionId,
      status: runs.status,
      config: runs.config,
      modelId: runs.modelId,
      model: models,
    })
    .from(runs)
    .leftJoin(models, eq(models.id, runs.modelId))
    .where(eq(runs.id, job.runId));
  // A redelivered chunk of a run completed just before its worker died records the task tallies.
  if (run?.status === "completed") return finalizeRun({ runId: run.id });
  if (run?.status !== "in_progress") return;
  const { model } = run;
  if (!model) throw new Error(`model ${run.modelId} vanished`);
  const config = RunConfig.parse(run.config);
  // Raw rows aliased to the schema's field names: the query builder's per-field mapping of a chunk's
  // tasks showed in the worker's CPU profile. postgres.js parses the jsonb and array columns itself.
  // Each task comes with the samples that already have a result (a redelivered chunk skips them).
  const [judges, taskRows] = await Promise.all([
    loadJudges(config),
    db.execute<TaskRow & { doneSamples: number[] }>(sql`
      select t.version_id as "versionId", t.position, t.task_key as "taskKey", t.type, t.input, t.system_prompt as "systemPrompt", t.truth,
        t.choices, t.examples, t.json_schema as "jsonSchema", t.json_schema_ref as "jsonSchemaRef", t.paraphrases,
        t.answer_paraphrases as "answerParaphrases", t.subset, t.tags, t.redacted, t.metadata,
        array(select r.sample from ${runResults} r where r.run_id = ${run.id} and r.position = t.position) as "doneSamples"
      from benchmark_tasks t
      where t.version_id = ${run.versionId} and t.position in (select jsonb_array_elements_text(${JSON.stringify(job.positions)}::jsonb)::int)`),
  ]);
  const tasks = new Map(taskRows.map((r) => [r.position, { ...fromRow(r), key: r.taskKey }]));
  const doneKeys = new Set(taskRows.flatMap((r) => r.doneSamples.map((sample) => `${r.position}:${sample}`)));
  const todo = job.positions.flatMap((position) =>
    Array.from({ length: config.samples_per_task }, (_, sample) => ({ position, sample })).filter(
      (i) => !doneKeys.has(`${i.position}:${i.sample}`),
    ),
  );

  const order = chunksStarted++;
  // The worker processes of a pool split the run's concurrency, so together they keep to it (only a
  // run with fewer slots than processes gets one per process).
  const slots = Math.max(1, Math.floor(config.concurrency / env().YARDSTICK_WORKER_SIBLINGS));
  const joined = joinRun(run.id);
  const health = watchEndpoint(run.id, joined.stop);
  const options = { signal: joined.signal, priority: order, onFailedAttempt: health.failed };
  let failure: unknown;
  const stopped = () => joined.signal.aborted || failure !== undefined;

  // Scoring and writing happen off the path from one response to the next request: finished items
  // queue up and are recorded a few at a time once the pending I/O callbacks have run (setImmediate),
  // so a wave of responses sends its next requests first and no long scoring step delays a response.
  let pending: string[] = [];
  const finished: Finished[] = [];
  const recording = new Set<Promise<void>>();
  const record = async (batch: Finished[]) => {
    const rows = await Promise.all(batch.map((f) => toRow(f.position, f.sample, f.task, f.outcome, config, judges)));
    if (joined.signal.aborted) return;
    // Encoded now, a few rows at a time, so the flush itself is one short step.
    for (const row of rows) pending.push(JSON.stringify(row));
    if (pending.length < FLUSH_EVERY) return;
    const rowsToWrite = pending;
    pending = [];
    // Cancellation is checked between batches, so it takes effect within a batch's time.
    if ((await flushEncoded(run.id, `[${rowsToWrite.join(",")}]`)) !== "in_progress") joined.stop();
  };
  const recordFinished = () => {
    const batch = finished.splice(0, RECORD_EVERY);
    if (batch.length === 0) return;
    if (finished.length > 0) setImmediate(recordFinished);
    const step = record(batch).catch((error: unknown) => {
      failure ??= error;
    });
    recording.add(step);
    void step.finally(() => recording.delete(step));
  };
  const finish = (entry: Finished) => {
    if (finished.push(entry) === 1) setImmediate(recordFinished);
  };

  let next = 0;
  /** The next item with its prompt rendered (or the rendering's error), none when the chunk is done. */
  const prepareNext = async (): Promise<Prepared | undefined> => {
    while (next < todo.length) {
      const item = todo[next++] as { position: number; sample: number };
      const task = tasks.get(item.position);
      if (!task) continue;
      const prepared = await prepareItem(model, task, { taskKey: task.key, sample: item.sample }, config).catch((error: Error) => error);
      return { ...item, task, prepared };
    }
  };
  const worker = async () => {
    let upcoming = prepareNext();
    for (let current = await upcoming; current && !stopped(); current = await upcoming) {
      const { prepared } = current;
      if (prepared instanceof Error) {
        upcoming = prepareNext();
        finish({ ...current, outcome: failedOutcome(prepared) });
        continue;
      }
      // The run's slot first, then (inside callModel) the model's: always in that order, so no cycle can form.
      const release = await acquire(`run:${run.id}`, slots, order);
      if (stopped()) return release();
      const call = callItem(model, prepared, config, options).finally(release);
      // The next prompt renders while this call is in flight.
      upcoming = prepareNext();
      const outcome = await call;
      if (joined.signal.aborted) return;
      if (outcome.error === null) await health.succeeded();
      finish({ ...current, outcome });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(config.concurrency, todo.length) }, worker));
    while (finished.length > 0) recordFinished();
    while (recording.size > 0) await Promise.all(recording);
    if (failure !== undefined) throw failure;
    if (pending.length > 0 && !joined.signal.aborted) await flushEncoded(run.id, `[${pending.join(",")}]`);
  } finally {
    joined.leave();
  }
  await finalizeRun({ runId: run.id });
}
