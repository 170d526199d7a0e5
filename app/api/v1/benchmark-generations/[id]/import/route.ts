import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { importGeneration } from "@/lib/services/generation/import-generation";
import { ImportGeneration } from "@/lib/validation/generation";

/** Imports the accepted tasks as a new benchmark or a new version (or validates them with `dry_run`). */
export const POST = projectRoute(
  { can: "benchmark.write", params: z.object({ id: z.uuid("id must be a generation id") }), body: ImportGeneration },
  ({ ctx, params, body }) => importGeneration(ctx, params.id, body),
);
