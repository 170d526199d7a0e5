import { db, type Executor } from "@/db";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { recordAudit } from "./audit";

type ListSpec = {
  kind: "model" | "benchmark";
  /** Which of the ids the project may see. */
  visible: (ctx: ProjectCtx, ids: string[]) => Promise<string[]>;
  link: (tx: Executor, projectId: string, ids: string[]) => Promise<unknown>;
  unlink: (tx: Executor, projectId: string, ids: string[]) => Promise<unknown>;
};

/** Add/remove for a project's working list (models, benchmarks): the records themselves stay. */
export function projectList(spec: ListSpec) {
  const field = `${spec.kind}_ids`;
  const change = (verb: "add" | "remove", write: ListSpec["link"]) => async (ctx: ProjectCtx, ids: string[]) => {
    const visible = new Set(await spec.visible(ctx, ids));
    const missing = ids.filter((id) => !visible.has(id));
    if (missing.length) throw AppError.field(field, `Unknown ${spec.kind} id: ${missing.join(", ")}`, "not_found");
    await db.transaction(async (tx) => {
      await write(tx, ctx.project.id, ids);
      await recordAudit(tx, ctx.actor, ctx.project.id, {
        action: `project.${spec.kind}s.${verb}`,
        resourceType: spec.kind,
        details: { [field]: ids },
      });
    });
  };
  return { add: change("add", spec.link), remove: change("remove", spec.unlink) };
}
