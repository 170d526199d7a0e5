import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, type ErrorCode } from "@/lib/errors";
import { problem, problemFromError } from "@/lib/http/problem";

type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors: { path: string; message: string }[];
  request_id?: string;
};

async function read(response: Response): Promise<ProblemBody> {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as ProblemBody;
}

describe("problem", () => {
  it("builds an RFC 7807 document", async () => {
    const response = problem(404, "Run not found", {
      instance: "/api/v1/runs/1",
      errors: [{ path: "id", message: "unknown" }],
      requestId: "req-1",
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBe("req-1");
    expect(await read(response)).toEqual({
      type: "https://yardstick.dev/problems/404",
      title: "Not Found",
      status: 404,
      detail: "Run not found",
      instance: "/api/v1/runs/1",
      errors: [{ path: "id", message: "unknown" }],
      request_id: "req-1",
    });
  });

  it("defaults errors to an empty list and titles unknown statuses generically", async () => {
    const body = await read(problem(418, "teapot"));
    expect(body.errors).toEqual([]);
    expect(body.title).toBe("Error");
  });

  it("passes extra headers through", () => {
    expect(problem(429, "slow down", { headers: { "Retry-After": "30" } }).headers.get("retry-after")).toBe("30");
  });
});

describe("problemFromError", () => {
  it.each([
    ["bad_request", 400],
    ["unauthorized", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["payload_too_large", 413],
    ["unprocessable", 422],
    ["too_many_requests", 429],
  ] as [ErrorCode, number][])("maps AppError %s to %i with its message", async (code, status) => {
    const response = problemFromError(new AppError(code, `message for ${code}`), "/x", "req-2");
    expect(response.status).toBe(status);
    const body = await read(response);
    expect(body).toMatchObject({ status, detail: `message for ${code}`, instance: "/x", request_id: "req-2" });
  });

  it("keeps an AppError's field errors and headers", async () => {
    const error = new AppError("too_many_requests", "Too many attempts", [{ path: "login", message: "locked" }], { "Retry-After": "60" });
    const response = problemFromError(error, "/login", "req-3");
    expect(response.headers.get("retry-after")).toBe("60");
    expect((await read(response)).errors).toEqual([{ path: "login", message: "locked" }]);
  });

  it("maps a ZodError to 400 with dotted field paths", async () => {
    const schema = z.object({ name: z.string(), simulation: z.object({ accuracy: z.number().max(1) }), tags: z.array(z.string()) });
    const result = schema.safeParse({ name: 1, simulation: { accuracy: 2 }, tags: ["ok", 3] });
    const response = problemFromError(result.error, "/models", "req-4");
    expect(response.status).toBe(400);
    const paths = (await read(response)).errors.map((e) => e.path).sort();
    expect(paths).toEqual(["name", "simulation.accuracy", "tags.1"]);
  });

  it("maps unknown errors to 500 without leaking their message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = problemFromError(new Error("password=hunter2 at db.ts:42"), "/x", "req-5");
      expect(response.status).toBe(500);
      const text = JSON.stringify(await read(response));
      expect(text).not.toContain("hunter2");
      expect(text).toContain("req-5");
      expect(log).toHaveBeenCalledOnce();
    } finally {
      log.mockRestore();
    }
  });

  it("treats thrown non-errors as unknown", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(problemFromError("boom", "/x", "req-6").status).toBe(500);
    } finally {
      log.mockRestore();
    }
  });
});
