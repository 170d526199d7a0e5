"use server";

import { z } from "zod";
import { projectAction } from "@/lib/http/action";
import { answerHumanTask, startHumanSession } from "@/lib/services/human/session";
import { HumanAnswer, StartHumanSession } from "@/lib/validation/human";

export const startHumanSessionAction = projectAction("run.create", StartHumanSession, async (ctx, input) => startHumanSession(ctx, input));

export const answerHumanTaskAction = projectAction(
  "run.create",
  z.object({ id: z.uuid("Unknown session"), answer: HumanAnswer }),
  async (ctx, { id, answer }) => answerHumanTask(ctx, id, answer),
);
