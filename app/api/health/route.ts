import { sql } from "drizzle-orm";
import { db } from "@/db";

export const dynamic = "force-dynamic";

/** Liveness plus database reachability, for probes and the e2e web server. */
export async function GET() {
  const started = performance.now();
  try {
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: "ok", latency_ms: Math.round(performance.now() - started) });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
