import { getTableColumns, sql } from "drizzle-orm";
import { db } from "@/db";
import { interactions } from "@/db/schema";
import { onShutdown } from "@/lib/server/shutdown";
import { countAssignments } from "../ab-tests/assignments";

export type NewInteraction = typeof interactions.$inferInsert & { id: string };

const MAX_ROWS = 500;
const FLUSH_MS = 100;

type State = {
  rows: NewInteraction[];
  pending: Set<string>;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
  /** Calls under way that will log an interaction when they finish. */
  inFlight: number;
};

// One buffer per process (on globalThis: Next.js may load this module from several chunks).
const shared = globalThis as { __yardstickInteractionBuffer?: State };
shared.__yardstickInteractionBuffer ??= { rows: [], pending: new Set(), timer: null, flushing: null, inFlight: 0 };
const state = shared.__yardstickInteractionBuffer;

const columns = Object.entries(getTableColumns(interactions)).map(([property, column]) => [property, column.name] as const);
const DEFAULTS = { completions: [], params: {}, tokensIn: 0, tokensOut: 0, cost: 0, status: "ok", attempts: [], labels: {} };

/** A row as PostgreSQL's json_populate_recordset reads it: every column by its own name, defaults filled in here. */
function record(row: NewInteraction): Record<string, unknown> {
  const full: Record<string, unknown> = { ...DEFAULTS, createdAt: new Date(), ...row };
  return Object.fromEntries(columns.map(([property, name]) => [name, full[property] ?? null]));
}

// Returns the rows written. One JSON parameter for the whole batch: building a many-row INSERT through the
// query builder cost more CPU than the gateway call itself at a thousand calls a second.
async function insert(rows: NewInteraction[]): Promise<NewInteraction[]> {
  try {
    await db.execute(sql`insert into ${interactions} select * from json_populate_recordset(null::interactions, ${JSON.stringify(rows.map(record))}::json)
      on conflict do nothing`);
    return rows;
  } catch {
    // One bad row (its use case deleted meanwhile) must not lose the others.
    const written: NewInteraction[] = [];
    for (const row of rows) {
      await db
        .insert(interactions)
        .values(row)
        .onConflictDoNothing()
        .then(() => written.push(row))
        .catch((error) => console.error(`Interaction ${row.id} could not be logged`, error));
    }
    return written;
  }
}

async function drain(): Promise<void> {
  while (state.rows.length) {
    const batch = state.rows.splice(0, MAX_ROWS);
    const written = await insert(batch);
    await countAssignments(written).catch((error) => console.error("A/B test assignment counts could not be updated", error));
    for (const row of batch) state.pending.delete(row.id);
  }
}

/** Writes everything buffered so far; concurrent callers share one flush. */
export function flushInteractions(): Promise<void> {
  if (state.timer) {
    clearTimeout(state.timer);
    state.timer = null;
  }
  state.flushing ??= drain().finally(() => {
    state.flushing = null;
  });
  return state.flushing;
}

/** Queues an interaction for a batched insert off the request path (within FLUSH_MS, or at once when MAX_ROWS wait). */
export function logInteraction(row: NewInteraction): void {
  state.rows.push(row);
  state.pending.add(row.id);
  if (state.rows.length >= MAX_ROWS) void flushInteractions();
  else state.timer ??= setTimeout(() => void flushInteractions(), FLUSH_MS);
}

/** Whether an interaction is still waiting in this process's buffer. */
export const isBuffered = (id: string) => state.pending.has(id);

/** Marks a call that will log an interaction; call the returned function once it has. Shutdown waits for these. */
export function beginCall(): () => void {
  state.inFlight += 1;
  let ended = false;
  return () => {
    if (!ended) state.inFlight -= 1;
    ended = true;
  };
}

onShutdown("interaction-log", async () => {
  // Calls under way finish first (streams included); the shutdown's own deadline bounds the wait.
  while (state.inFlight > 0) await new Promise((r) => setTimeout(r, 10));
  await state.flushing;
  await flushInteractions();
});
