import { z } from "zod";

export const VersionParams = z.object({
  id: z.uuid("id must be a benchmark id"),
  number: z.coerce.number().int().min(1, "number is a version number, from 1"),
});

export const TaskParams = VersionParams.extend({ position: z.coerce.number().int().min(1, "position starts at 1") });
