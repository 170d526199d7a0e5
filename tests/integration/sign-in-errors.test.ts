import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { authOptions } from "@/lib/auth/options";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;

describe("browser sign-in errors", () => {
  it("never carry internal details (SQL text) into the redirect, only a request id; the details go to the log", async () => {
    const provider = authOptions().providers[0] as unknown as { options: { authorize: Authorize } };
    // This file has its own database: losing a table makes the sign-in query fail the way the report saw.
    await db.execute(sql`drop table login_throttle`);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = await provider.options.authorize({ login: "someone", password: "pw" }, { headers: {} }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/^Something went wrong on our side \(request [0-9a-f-]{36}\)$/);
    expect(error?.message).not.toMatch(/login_throttle|select|Failed query/i);
    const requestId = error?.message.match(/request ([0-9a-f-]{36})/)?.[1];
    expect(String(log.mock.calls[0]?.[0])).toContain(requestId);
    expect(String(log.mock.calls[0]?.[1])).toMatch(/login_throttle/);
    log.mockRestore();
  });
});
