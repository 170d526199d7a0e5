import { z } from "zod";

export const TAGGED_TYPES = ["model", "benchmark", "run", "schedule"] as const;
export type TaggedType = (typeof TAGGED_TYPES)[number];

/** Free-form, but without commas (lists in query strings are comma-separated); compared case-sensitively. */
export const Tag = z
  .string()
  .trim()
  .min(1, "A tag cannot be empty")
  .max(64, "A tag is at most 64 characters")
  .regex(/^[^,]+$/, "A tag cannot contain a comma");

export const SetTags = z.object({
  tags: z
    .array(Tag)
    .max(50, "At most 50 tags")
    .transform((tags) => [...new Set(tags)])
    .describe("The full tag list; replaces the previous one"),
});

/** `tag=a,b` (or repeated): only items carrying every listed tag. */
export const TagFilter = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(Tag).max(10, "Filter by at most 10 tags"))
  .optional()
  .describe("Comma-separated tags; items must carry all of them");

export const ListTags = z.object({ type: z.enum(TAGGED_TYPES).optional() });
