import { projectRoute } from "@/lib/http/route";
import { createGeneration, listGenerations } from "@/lib/services/generation/generations";
import { CreateGeneration, MAX_DOCUMENT_BYTES } from "@/lib/validation/generation";

export const GET = projectRoute({ can: "project.read" }, ({ ctx }) => listGenerations(ctx));

/** Uploads a document (base64 in JSON) and queues the generation of tasks from it (201). */
export const POST = projectRoute(
  { can: "benchmark.write", body: CreateGeneration, status: 201, maxBodyBytes: Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 64 * 1024 },
  ({ ctx, body }) => createGeneration(ctx, body),
);
