import { z } from "zod";

export const UseCaseKey = z
  .string()
  .trim()
  .min(1, "key is required")
  .max(64, "key must be at most 64 characters")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "key may contain lowercase letters, digits, '-' and '_'");

const Name = z.string().trim().min(1, "name is required").max(128, "name must be at most 128 characters");
const Description = z.string().trim().max(1000, "description must be at most 1000 characters");

export const CreateUseCase = z.object({
  key: UseCaseKey,
  name: Name.optional().describe("Shown in the UI; the key when unset"),
  description: Description.default(""),
});
export type CreateUseCase = z.infer<typeof CreateUseCase>;

export const UpdateUseCase = z.object({ name: Name.optional(), description: Description.optional() });
export type UpdateUseCase = z.infer<typeof UpdateUseCase>;

const FallbackOrder = z
  .number()
  .int()
  .min(1)
  .max(100)
  .nullable()
  .describe("Position among the use case's fallback models (1 first); null: not a fallback");

export const AttachModel = z.object({
  model_id: z.uuid("model_id must be a model id"),
  is_default: z.boolean().optional().describe("Make it the use case's default model (the first attached model always is)"),
  online: z.boolean().default(true).describe("Serve requests for this use case"),
  fallback_order: FallbackOrder.optional(),
});
export type AttachModel = z.infer<typeof AttachModel>;

export const UpdateAttachedModel = z.object({
  is_default: z.literal(true, "is_default can only be set to true: make another model the default instead").optional(),
  online: z.boolean().optional(),
  fallback_order: FallbackOrder.optional(),
});
export type UpdateAttachedModel = z.infer<typeof UpdateAttachedModel>;

export const LinkFeedbackKey = z.object({ feedback_key: z.string().trim().min(1, "feedback_key is required").max(64) });
