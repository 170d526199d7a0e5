import { z } from "zod";
import { cronProblem } from "@/lib/automation/cadence";
import { RunConfig } from "./runs";

const Ids = (what: string, min: number) =>
  z
    .array(z.uuid(`${what} must hold ids`))
    .min(min, `choose at least ${min} ${what.replace(/_ids$/, "")}`)
    .max(20)
    .transform((ids) => [...new Set(ids)]);

export const Cadence = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("cron"),
      expression: z.string().trim().min(1, "expression is required").max(100),
      timezone: z.string().trim().min(1).max(64).default("UTC"),
    }),
    z.object({
      kind: z.literal("interval"),
      every: z.number().int().min(1, "every is at least 1").max(10_000),
      unit: z.enum(["minutes", "hours", "days"], "unit must be minutes, hours or days"),
    }),
  ])
  .superRefine((c, ctx) => {
    const problem = c.kind === "cron" ? cronProblem(c.expression, c.timezone) : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["expression"], message: `Invalid cron: ${problem}` });
  })
  .describe('A cron expression with a time zone ("0 9 * * 1" in "Europe/Paris"), or every N minutes, hours or days from start_at');

const ScheduleFields = {
  name: z.string().trim().min(1, "name is required").max(100, "name is at most 100 characters"),
  model_ids: Ids("model_ids", 1),
  benchmark_ids: Ids("benchmark_ids", 1),
  config: RunConfig.default(RunConfig.parse({})).describe("The run config every pair's run gets"),
  cadence: Cadence,
  start_at: z.coerce.date("start_at must be a date").optional().describe("No occurrence before this moment; now when unset"),
  paused: z.boolean().default(false),
};

export const CreateSchedule = z.object(ScheduleFields);
export type CreateSchedule = z.infer<typeof CreateSchedule>;
export const UpdateSchedule = z
  .object(ScheduleFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change");
export type UpdateSchedule = z.infer<typeof UpdateSchedule>;

export const METRICS = ["score", "error_rate", "median_latency", "cost_per_1k"] as const;

const RunTrigger = z
  .object({
    kind: z.literal("run").describe("Watches completed runs (the default when kind is left out)"),
    metric: z.enum(METRICS, `metric must be one of ${METRICS.join(", ")}`).describe("median_latency is in seconds, cost_per_1k in dollars"),
    scorer: z.string().trim().min(1).max(64).nullable().default(null).describe("For score: the scorer's key; the primary score when null"),
    model_ids: z.array(z.uuid()).max(50).default([]).describe("Empty: every model"),
    benchmark_ids: z.array(z.uuid()).max(50).default([]).describe("Empty: every benchmark"),
    condition: z.enum(["threshold", "regression"], "condition must be threshold or regression"),
    threshold: z.number("threshold must be a number").nullable().default(null).describe("Fires above it, or below it with invert"),
    invert: z.boolean().default(false),
    p_value: z
      .number("p_value must be a number")
      .gt(0, "p_value must be above 0")
      .max(0.5, "p_value is at most 0.5")
      .default(0.05)
      .describe("For regression: the significance level of the paired test"),
  })
  .superRefine((t, ctx) => {
    if (t.condition === "threshold" && t.threshold === null)
      ctx.addIssue({ code: "custom", path: ["threshold"], message: "threshold is required for a threshold trigger" });
    if (t.condition === "regression" && t.metric !== "score")
      ctx.addIssue({ code: "custom", path: ["metric"], message: "regression triggers compare scores (metric score)" });
  });

export const AB_TRIGGER_KINDS = ["ab_test_completed", "ab_test_srm"] as const;

const AbTrigger = z.object({
  kind: z
    .enum(AB_TRIGGER_KINDS)
    .describe(
      "ab_test_completed: an A/B test ends with a winner or no difference; ab_test_srm: a sample ratio mismatch appears (p < 0.001)",
    ),
  use_case_ids: z.array(z.uuid()).max(50).default([]).describe("Empty: tests of every use case"),
});

export const TRIGGER_KINDS = ["run", ...AB_TRIGGER_KINDS] as const;

/** Triggers without a kind are run triggers, as before A/B test triggers existed. */
export const Trigger = z.preprocess(
  (v) => (v && typeof v === "object" && !("kind" in v) ? { ...v, kind: "run" } : v),
  z.discriminatedUnion("kind", [RunTrigger, AbTrigger], { error: `kind must be one of ${TRIGGER_KINDS.join(", ")}` }),
);
export type Trigger = z.infer<typeof Trigger>;

const AlertFields = {
  name: z.string().trim().min(1, "name is required").max(100),
  description: z.string().trim().max(500).default(""),
  cooldown_minutes: z.number().int().min(0).max(43_200).default(60).describe("No new event for this long after one fired"),
  enabled: z.boolean().default(true),
  triggers: z.array(Trigger).min(1, "add at least one trigger").max(10),
};
export const CreateAlert = z.object({
  ...AlertFields,
  notify_me: z.boolean().default(false).describe("Also subscribe the caller in the app (the bell)"),
});
export type CreateAlert = z.infer<typeof CreateAlert>;
export const UpdateAlert = z
  .object(AlertFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change");
export type UpdateAlert = z.infer<typeof UpdateAlert>;

export const RUN_EVENTS = ["run.completed", "run.failed"] as const;

export const CreateSubscription = z
  .object({
    kind: z.enum(["in_app", "webhook", "email"], "kind must be in_app, webhook or email"),
    url: z
      .url({ protocol: /^https?$/, message: "url must be an http(s) URL" })
      .max(2000)
      .optional(),
    email: z.email("email must be an email address").max(320).optional(),
    alert_id: z.uuid().optional().describe("Subscribe to this alert's events"),
    run_events: z.array(z.enum(RUN_EVENTS)).max(2).default([]).describe("Or to these run events"),
    model_id: z.uuid().optional().describe("Run events of this model only"),
    benchmark_id: z.uuid().optional().describe("Run events of this benchmark only"),
  })
  .superRefine((s, ctx) => {
    if (s.kind === "webhook" && !s.url) ctx.addIssue({ code: "custom", path: ["url"], message: "url is required for a webhook" });
    if (s.kind === "email" && !s.email) ctx.addIssue({ code: "custom", path: ["email"], message: "email is required for email" });
    if (!s.alert_id === (s.run_events.length === 0))
      ctx.addIssue({ code: "custom", path: ["alert_id"], message: "subscribe to either an alert (alert_id) or run events (run_events)" });
    if (s.alert_id && (s.model_id || s.benchmark_id))
      ctx.addIssue({ code: "custom", path: ["model_id"], message: "model_id and benchmark_id narrow run events, not alerts" });
  });
export type CreateSubscription = z.infer<typeof CreateSubscription>;

export const IdParams = z.object({ id: z.uuid("id must be a uuid") });
