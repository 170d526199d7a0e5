import { z } from "zod";
import { ChatMessages } from "./interactions";

export const FeedbackKeyName = z
  .string()
  .trim()
  .min(1, "key is required")
  .max(64, "key must be at most 64 characters")
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, "key may contain lowercase letters, digits, '.', '-' and '_'");

export const CreateFeedbackKey = z.object({
  key: FeedbackKeyName,
  kind: z.enum(["bool", "scalar"]).describe("bool: 0, 1, true or false only; scalar: any number"),
  scoring_type: z.enum(["higher_is_better", "lower_is_better"]).default("higher_is_better"),
  name: z.string().trim().min(1).max(128).optional().describe("Shown in the UI; the key when unset"),
  description: z.string().trim().max(1000).default(""),
});
export type CreateFeedbackKey = z.infer<typeof CreateFeedbackKey>;

export const UpdateFeedbackKey = z.object({
  name: z.string().trim().min(1).max(128).optional(),
  description: z.string().trim().max(1000).optional(),
  scoring_type: z.enum(["higher_is_better", "lower_is_better"]).optional(),
});
export type UpdateFeedbackKey = z.infer<typeof UpdateFeedbackKey>;

const User = z.string().trim().min(1).max(256);

export const MetricValue = z.union(
  [z.number().finite("value must be a finite number"), z.boolean()],
  "value must be a number or a boolean",
);

export const LogMetricFeedback = z.object({
  completion_id: z.uuid("completion_id must be a completion id"),
  feedback_key: z.string().trim().min(1, "feedback_key is required").max(64),
  value: MetricValue,
  user: User.optional(),
  details: z.string().max(4000, "details must be at most 4000 characters").optional(),
});
export type LogMetricFeedback = z.infer<typeof LogMetricFeedback>;

export const CompletionRef = z.union(
  [
    z.uuid(),
    z.object({ model: z.string().trim().min(1, "model is required").max(256), text: z.string().max(200_000, "text is too long") }),
  ],
  "a completion id or {model, text}",
);
export type CompletionRef = z.infer<typeof CompletionRef>;

export const LogPreferenceFeedback = z.object({
  feedback_key: z.string().trim().min(1, "feedback_key is required").max(64),
  preferred_completion: CompletionRef,
  other_completion: CompletionRef,
  tied: z.boolean().default(false),
  user: User.optional(),
  use_case: z.string().trim().max(64).optional().describe("For {model, text} completions: their use case (the only one when unset)"),
  prompt: z.string().max(200_000).optional(),
  messages: ChatMessages.optional(),
});
export type LogPreferenceFeedback = z.infer<typeof LogPreferenceFeedback>;

export const ListFeedback = z.object({
  use_case: z.string().trim().max(64).optional(),
  feedback_key: z.string().trim().max(64).optional(),
  completion_id: z.uuid("completion_id must be a completion id").optional(),
});
export type ListFeedback = z.infer<typeof ListFeedback>;
