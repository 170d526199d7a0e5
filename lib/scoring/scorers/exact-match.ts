import { z } from "zod";
import { answerText, Normalization, normalizeText, truthTexts } from "../normalize";
import { passFail, type Scorer } from "../types";

export const ExactMatchParams = z.strictObject({ normalization: Normalization.prefault({}) });
export type ExactMatchParams = z.infer<typeof ExactMatchParams>;

/** Passes when the normalised answer equals any acceptable answer (truth text, list or paraphrase). */
export const exactMatch: Scorer<ExactMatchParams> = (ctx, params) => {
  const answer = normalizeText(answerText(ctx), params.normalization);
  const truths = truthTexts(ctx.task).map((t) => normalizeText(t, params.normalization));
  const hit = truths.find((t) => t === answer);
  return passFail(hit !== undefined, hit !== undefined ? `matches "${hit}"` : `no acceptable answer equals "${answer}"`, answer);
};
