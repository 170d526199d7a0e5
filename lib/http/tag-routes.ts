import { z } from "zod";
import { getTags, setTags } from "@/lib/services/tags/tags";
import { SetTags, type TaggedType } from "@/lib/validation/tags";
import { projectRoute } from "./route";

/** GET (viewer) and PUT (member) of one resource's project tags, the same for models, benchmarks, runs and schedules. */
export function tagRoutes(type: TaggedType) {
  const params = z.object({ id: z.uuid(`id must be a ${type} id`) });
  return {
    GET: projectRoute({ can: "project.read", params }, ({ ctx, params }) => getTags(ctx, type, params.id)),
    PUT: projectRoute({ can: "tag.write", params, body: SetTags }, ({ ctx, params, body }) => setTags(ctx, type, params.id, body.tags)),
  };
}
