import { listBenchmarks, registerBenchmark } from "@/lib/llama-stack/benchmarks";
import { llamaStackRoute } from "@/lib/llama-stack/route";
import { RegisterBenchmark } from "@/lib/llama-stack/schemas";

export const GET = llamaStackRoute({ role: "viewer" }, ({ ctx }) => listBenchmarks(ctx));

export const POST = llamaStackRoute({ role: "member", body: RegisterBenchmark }, ({ ctx, body }) => registerBenchmark(ctx, body));
