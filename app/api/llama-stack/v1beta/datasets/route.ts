import { listDatasets, registerDataset } from "@/lib/llama-stack/datasets";
import { llamaStackRoute, ROWS_BODY_BYTES } from "@/lib/llama-stack/route";
import { RegisterDataset } from "@/lib/llama-stack/schemas";

export const GET = llamaStackRoute({ role: "viewer" }, ({ ctx }) => listDatasets(ctx));

export const POST = llamaStackRoute({ role: "member", body: RegisterDataset, maxBodyBytes: ROWS_BODY_BYTES }, ({ ctx, body }) =>
  registerDataset(ctx, body),
);
