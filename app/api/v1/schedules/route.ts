import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { listSchedules } from "@/lib/services/schedules/read";
import { createSchedule } from "@/lib/services/schedules/write";
import { CreateSchedule } from "@/lib/validation/automation";
import { TagFilter } from "@/lib/validation/tags";

const ListSchedules = z.object({ model_id: z.uuid().optional(), benchmark_id: z.uuid().optional(), tag: TagFilter });

export const GET = projectRoute({ can: "project.read", query: ListSchedules }, ({ ctx, query }) => listSchedules(ctx, query));

export const POST = projectRoute({ can: "automation.manage", body: CreateSchedule, status: 201 }, ({ ctx, body }) =>
  createSchedule(ctx, body),
);
