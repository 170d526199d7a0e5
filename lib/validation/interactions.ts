import { z } from "zod";

/** OpenAI content: a string, or parts of which the text ones are kept. */
const Content = z.union([
  z.string().max(1_000_000),
  z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).max(1000),
  z.null(),
]);

export const ChatMessage = z.looseObject({
  role: z.string().trim().min(1, "role is required").max(40),
  content: Content.optional(),
});

export const ChatMessages = z.array(ChatMessage).min(1, "messages must not be empty").max(10_000, "at most 10,000 messages");

export const Labels = z
  .record(
    z.string().trim().min(1).max(64, "label keys are at most 64 characters"),
    z.string().max(256, "label values are at most 256 characters"),
  )
  .refine((labels) => Object.keys(labels).length <= 32, "at most 32 labels");

const InlineFeedback = z.object({
  feedback_key: z.string().trim().min(1, "feedback_key is required").max(64),
  value: z.union([z.number().finite(), z.boolean()], "value must be a number or a boolean"),
  details: z.string().max(4000).optional(),
});

/** One interaction that happened elsewhere; `prompt` becomes a single user message. */
export const IngestItem = z
  .object({
    model: z.string().trim().min(1, "model is required").max(256),
    messages: ChatMessages.optional(),
    prompt: z.string().max(1_000_000).optional(),
    completion: z.string().max(1_000_000),
    labels: Labels.optional(),
    user: z.string().trim().min(1).max(256).optional(),
    created_at: z.iso.datetime({ offset: true, message: "created_at must be an ISO 8601 timestamp" }).optional(),
    feedbacks: z.array(InlineFeedback).max(50).optional(),
  })
  .refine((item) => item.messages || item.prompt !== undefined, { message: "give messages or prompt", path: ["messages"] });
export type IngestItem = z.infer<typeof IngestItem>;

export const IngestBatch = z.object({
  use_case: z.string().trim().max(64).optional().describe("The use case (the only one when unset)"),
  interactions: z.array(z.unknown()).min(1, "interactions must not be empty").max(1000, "at most 1,000 interactions per request"),
});

export const GROUP_BY = /^(model|day|label:[^\s]{1,64})$/;
export const SORTS = ["created_at", "-created_at", "latency_ms", "-latency_ms", "cost", "-cost", "tokens_out", "-tokens_out"] as const;

const bool = z.enum(["true", "false"]).transform((v) => v === "true");

export const ListInteractions = z.object({
  use_case: z.string().trim().max(64).optional(),
  model: z.string().trim().max(256).optional().describe("Model key"),
  from: z.iso.datetime({ offset: true, message: "from must be an ISO 8601 timestamp" }).optional(),
  to: z.iso.datetime({ offset: true, message: "to must be an ISO 8601 timestamp" }).optional(),
  label: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().regex(/^[^=]{1,64}(=.{0,256})?$/, "label filters look like key=value (or key alone)")).max(10))
    .optional()
    .describe("key=value, or key alone for any value; repeat for several"),
  user: z.string().trim().max(256).optional(),
  feedback_key: z.string().trim().max(64).optional(),
  feedback_min: z.coerce.number().finite().optional(),
  feedback_max: z.coerce.number().finite().optional(),
  has_feedback: bool.optional(),
  ab_test: z.uuid("ab_test must be an A/B test id").optional(),
  status: z.enum(["ok", "error"]).optional(),
  q: z.string().trim().max(200).optional().describe("Text in the completion or the messages"),
  sort: z.enum(SORTS).default("-created_at"),
  group_by: z.string().regex(GROUP_BY, "group_by is model, day or label:<key>").optional(),
});
export type ListInteractions = z.infer<typeof ListInteractions>;
