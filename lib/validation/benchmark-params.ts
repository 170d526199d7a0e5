import { z } from "zod";
import { MAX_INT } from "@/lib/validation/int";

export const VersionParams = z.object({
  id: z.uuid("id must be a benchmark id"),
  number: z.coerce.number().int().min(1, "number is a version number, from 1").max(MAX_INT),
});

export const TaskParams = VersionParams.extend({ position: z.coerce.number().int().min(1, "position starts at 1").max(MAX_INT) });
