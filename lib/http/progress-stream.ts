import { problemFromError } from "./problem";

type Emit = (event: Record<string, unknown>) => void;

/**
 * Runs long work while streaming NDJSON progress lines, then one `{"result": …}` or `{"error": …}`
 * line. Chosen by `Accept: application/x-ndjson`, so the upload UI can show rows as they import.
 */
export function progressResponse(instance: string, requestId: string, work: (emit: Emit) => Promise<unknown>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const emit: Emit = (event) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        emit({ result: await work(emit) });
      } catch (error) {
        emit({ error: await problemFromError(error, instance, requestId).json() });
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson", "cache-control": "no-store", "x-accel-buffering": "no" },
  });
}
