import type { z } from "zod";
import { type Actor, type ProjectCtx, projectContext } from "@/lib/auth/context";
import type { Capability } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { sessionActor } from "@/lib/auth/session";
import { AppError, statusOf } from "@/lib/errors";
import { jsonProblem } from "@/lib/validation/json-input";

/** What every server action returns: data, or a message plus per-field messages for the form. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; fieldErrors: Record<string, string> };

function failure(error: unknown): ActionResult<never> {
  if (error instanceof AppError) {
    const fieldErrors = Object.fromEntries(error.errors.map((e) => [e.path, e.message]));
    return { ok: false, status: statusOf[error.code], message: error.message, fieldErrors };
  }
  console.error("server action failed", error);
  return { ok: false, status: 500, message: "Something went wrong on our side; please try again", fieldErrors: {} };
}

function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const problem = jsonProblem(input);
  if (problem) throw new AppError("bad_request", problem.message, [problem]);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  throw new AppError("bad_request", errors[0]?.message ?? "Invalid input", errors);
}

async function requireActor(): Promise<Actor> {
  const actor = await sessionActor();
  if (!actor) throw new AppError("unauthorized", "Your session has ended; sign in again");
  return actor;
}

/**
 * A project-scoped server action: session → membership and capability (or minimum role) in the named
 * project → zod input → service. The same checks as the REST wrapper, so UI and API cannot drift apart.
 */
export function projectAction<S extends z.ZodType, T>(
  role: Capability | Role,
  schema: S,
  run: (ctx: ProjectCtx, input: z.infer<S>) => Promise<T>,
) {
  return async (projectKey: string, input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const actor = await requireActor();
      const bad = jsonProblem({ project: String(projectKey) });
      if (bad) throw new AppError("bad_request", bad.message, [bad]);
      const ctx = await projectContext(actor, { key: String(projectKey) }, role);
      return { ok: true, data: await run(ctx, parseInput(schema, input)) };
    } catch (error) {
      return failure(error);
    }
  };
}

/** A server action for any signed-in user, outside a project. */
export function userAction<S extends z.ZodType, T>(schema: S, run: (actor: Actor, input: z.infer<S>) => Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      return { ok: true, data: await run(await requireActor(), parseInput(schema, input)) };
    } catch (error) {
      return failure(error);
    }
  };
}

/** A server action that needs no session (sign-up, first-time setup). */
export function publicAction<S extends z.ZodType, T>(schema: S, run: (input: z.infer<S>) => Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      return { ok: true, data: await run(parseInput(schema, input)) };
    } catch (error) {
      return failure(error);
    }
  };
}
