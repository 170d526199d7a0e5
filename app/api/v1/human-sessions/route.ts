import { projectRoute } from "@/lib/http/route";
import { listOpenHumanSessions, startHumanSession } from "@/lib/services/human/session";
import { StartHumanSession } from "@/lib/validation/human";

export const GET = projectRoute({ can: "project.read" }, ({ ctx }) => listOpenHumanSessions(ctx));

/** Starts taking a benchmark as a person (201), or resumes the caller's unfinished session on that version (200). */
export const POST = projectRoute({ can: "run.create", body: StartHumanSession }, async ({ ctx, body }) => {
  const session = await startHumanSession(ctx, body);
  return Response.json(session, { status: session.resumed ? 200 : 201 });
});
