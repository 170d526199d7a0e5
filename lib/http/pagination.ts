import { z } from "zod";
import { MAX_INT } from "@/lib/validation/int";

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1, "page starts at 1").max(MAX_INT).default(1),
  per_page: z.coerce.number().int().min(1).max(200, "per_page is at most 200").default(20),
});
export type Page = z.infer<typeof PageQuery>;

export type Paginated<T> = { items: T[]; count: number; page: number; per_page: number };
