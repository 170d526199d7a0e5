import { projectRoute } from "@/lib/http/route";
import { listTags } from "@/lib/services/tags/tags";
import { ListTags } from "@/lib/validation/tags";

/** The project's tags with how many models, benchmarks, runs or schedules carry each. */
export const GET = projectRoute({ can: "project.read", query: ListTags }, ({ ctx, query }) => listTags(ctx, query.type));
