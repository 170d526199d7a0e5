import type { ProjectCtx } from "@/lib/auth/context";
import { createModel } from "@/lib/services/models/write";
import { createToken } from "@/lib/services/tokens/tokens";
import { attachModel } from "@/lib/services/use-cases/models";
import { createUseCase } from "@/lib/services/use-cases/write";
import { CreateModel } from "@/lib/validation/models";
import { AttachModel } from "@/lib/validation/use-cases";

/** A custom model behind `url` (a fake endpoint), or a simulated one when url is "simulated". */
export async function makeModel(ctx: ProjectCtx, key: string, url: string | "simulated", extra: Record<string, unknown> = {}) {
  const fields =
    url === "simulated"
      ? { endpoint_type: "simulated", simulation: { seed: 7, accuracy: 0.8, latencyMs: { mean: 20, stddev: 5 } } }
      : { api_url: url };
  return createModel(ctx, CreateModel.parse({ key, name: key, ...fields, ...extra }));
}

/** A use case with these models attached in order (the first is the default). */
export async function makeUseCase(ctx: ProjectCtx, key: string, models: { id: string; fallback_order?: number }[]) {
  await createUseCase(ctx, { key, description: "" });
  for (const m of models) await attachModel(ctx, key, AttachModel.parse({ model_id: m.id, fallback_order: m.fallback_order }));
}

export async function tokenFor(ctx: ProjectCtx, role: "viewer" | "member" | "admin" = "member") {
  return (await createToken(ctx, { name: `${role} token`, role })).token;
}
