import type PgBoss from "pg-boss";
import { completeEndedAbTests } from "@/lib/services/ab-tests/settle";
import { checkAbTestSrm } from "@/lib/services/alerts/ab-test-alerts";
import { evaluateAlerts } from "@/lib/services/alerts/evaluate";
import { fireDueSchedules } from "@/lib/services/schedules/fire";
import { deliver } from "@/lib/services/subscriptions/deliver";
import { sweepDeliveries } from "@/lib/services/subscriptions/sweep";
import { publishRunEvent } from "@/lib/services/subscriptions/run-events";
import { AUTOMATION_QUEUES, type DeliveryJob, ensureAutomationQueues, type RunFinishedJob } from "./automation-queue";

/**
 * Schedules, A/B tests' end times, alerts and deliveries on a worker's pg-boss. The tick is pg-boss's own cron, once a
 * minute: with any number of workers, pg-boss sends it once per minute and one worker takes it.
 */
export async function startAutomation(boss: PgBoss): Promise<void> {
  await ensureAutomationQueues(boss);
  await boss.schedule(AUTOMATION_QUEUES.tick, "* * * * *", {}, { tz: "UTC" });
  await boss.work(AUTOMATION_QUEUES.tick, { pollingIntervalSeconds: 1 }, async () => {
    await fireDueSchedules();
    await completeEndedAbTests();
  });
  await boss.work<RunFinishedJob>(AUTOMATION_QUEUES.runFinished, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    await evaluateAlerts(job.data.runId);
    await publishRunEvent(job.data.runId);
  });
  // Once a minute: the outbox sweep of unqueued deliveries, then the SRM watch over running A/B tests.
  await boss.schedule(AUTOMATION_QUEUES.sweep, "* * * * *", {}, { tz: "UTC" });
  await boss.work(AUTOMATION_QUEUES.sweep, { pollingIntervalSeconds: 1 }, async () => {
    await sweepDeliveries();
    await checkAbTestSrm();
  });
  await boss.work<DeliveryJob>(AUTOMATION_QUEUES.deliver, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
    if (job) await deliver(job.data.deliveryId);
  });
}
