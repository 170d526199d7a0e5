import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/session";
import { listMyProjects } from "@/lib/services/projects/projects";

export const dynamic = "force-dynamic";

export default async function Home() {
  const actor = await sessionActor();
  if (!actor) redirect("/login");
  const [first] = await listMyProjects(actor);
  redirect(first ? `/${first.key}` : "/projects");
}
