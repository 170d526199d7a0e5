import { sql } from "drizzle-orm";
import { db } from "@/db";
import { runs } from "@/db/schema";
import type { ProviderError } from "@/lib/providers/chat-client";
import { enqueueRunFinished } from "./automation-queue";

/** A run whose first this-many model calls (retries included) all failed has a broken endpoint. */
export const DOWN_AFTER = 20;

/**
 * Counts a run's failed calls as they happen, in the run's row so every worker counts together, until
 * one call succeeds. The call that reaches DOWN_AFTER fails the run in the same statement; `stop` is
 * called whenever the run is no longer in progress, so the caller aborts its in-flight work.
 */
export function watchEndpoint(runId: string, stop: () => void) {
  // Off once a call succeeded (or the run ended): from then on failures cost no query.
  let counting = true;
  return {
    async failed(error: ProviderError): Promise<void> {
      if (!counting) return;
      const counted = await db.execute<{ status: string }>(sql`
        update ${runs} set failed_calls_before_success = failed_calls_before_success + 1,
          status = case when failed_calls_before_success + 1 >= ${DOWN_AFTER} then 'failed'::run_status else status end,
          finished_at = case when failed_calls_before_success + 1 >= ${DOWN_AFTER} then now() else finished_at end,
          error = case when failed_calls_before_success + 1 >= ${DOWN_AFTER}
            then ${`The model endpoint failed on every one of the first ${DOWN_AFTER} calls: ${error.message}`} else error end
        where id = ${runId} and status = 'in_progress' and first_success_at is null
        returning status`);
      const status = counted[0]?.status;
      if (status === "failed") {
        stop();
        // The run.failed event and its subscriptions, as for a run failed at finalisation.
        await enqueueRunFinished(runId);
      }
      if (status) return;
      // Nothing counted: a call already succeeded somewhere, or the run is over (then stop working).
      counting = false;
      const [run] = await db.execute<{ status: string }>(sql`select status from ${runs} where id = ${runId}`);
      if (run?.status !== "in_progress") stop();
    },
    async succeeded(): Promise<void> {
      if (!counting) return;
      counting = false;
      await db.execute(sql`update ${runs} set first_success_at = now() where id = ${runId} and first_success_at is null`);
    },
  };
}
