import { userRoute } from "@/lib/http/route";
import { createProject, listMyProjects } from "@/lib/services/projects/projects";
import { CreateProject } from "@/lib/validation/projects";

export const GET = userRoute({}, async ({ actor }) => ({ items: await listMyProjects(actor) }));

export const POST = userRoute({ body: CreateProject, status: 201 }, ({ actor, body }) => createProject(actor, body));
