import { z } from "zod";
import { UseCaseKey } from "./use-cases";

const Key = z.string().trim().min(1).max(64);

export const CreateAbTest = z
  .object({
    key: UseCaseKey.describe("Unique in the project; also the `ab_campaign` value that forces a request into the test"),
    use_case: Key.describe("The use case whose `model: default` traffic the test takes a share of"),
    feedback_key: Key.describe("The feedback key whose values decide the test"),
    models: z
      .array(Key, "models must be a list of model keys")
      .min(1, "models needs at least one model besides the default")
      .max(6, "models has at most 6 arms")
      .describe("Model keys attached to the use case; the use case's default is the control (arm A) and is added when missing"),
    traffic_split: z
      .number("traffic_split must be a number")
      .min(0, "traffic_split is between 0 and 1")
      .max(1, "traffic_split is between 0 and 1"),
    feedback_type: z.enum(["metric", "preference"], "feedback_type is metric or preference"),
    auto_deploy: z.boolean().default(false).describe("Make the winner the use case's default when the test completes"),
    min_samples_per_arm: z.number().int().min(1, "min_samples_per_arm is at least 1").max(10_000_000).default(100),
    max_samples_per_arm: z.number().int().min(1).max(100_000_000).nullish(),
    ends_at: z.iso.datetime({ offset: true, message: "ends_at must be an ISO date-time" }).nullish(),
  })
  .superRefine((input, ctx) => {
    if (new Set(input.models).size !== input.models.length)
      ctx.addIssue({ code: "custom", path: ["models"], message: "models must not repeat a model" });
    if (input.max_samples_per_arm != null && input.max_samples_per_arm < input.min_samples_per_arm)
      ctx.addIssue({ code: "custom", path: ["max_samples_per_arm"], message: "max_samples_per_arm must be at least min_samples_per_arm" });
    if (input.ends_at && new Date(input.ends_at).getTime() <= Date.now())
      ctx.addIssue({ code: "custom", path: ["ends_at"], message: "ends_at must be in the future" });
  });
export type CreateAbTest = z.infer<typeof CreateAbTest>;

const Bool = z.enum(["true", "false"], "use true or false").transform((v) => v === "true");

export const ListAbTests = z.object({
  active: Bool.optional().describe("true: only the running tests; false: only ended ones"),
  status: z.enum(["running", "completed", "cancelled"], "status is running, completed or cancelled").optional(),
  use_case: Key.optional(),
});
export type ListAbTests = z.infer<typeof ListAbTests>;

export const ExportAbTest = z.object({
  format: z.enum(["json", "csv"], "format is json or csv").default("json"),
  include: z.enum(["arms", "interactions"], "include is arms or interactions").default("arms"),
});
export type ExportAbTest = z.infer<typeof ExportAbTest>;
