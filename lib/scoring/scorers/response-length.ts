import { z } from "zod";
import type { Scorer } from "../types";

export const ResponseLengthParams = z.strictObject({
  unit: z.enum(["chars", "words"]).default("chars").describe("Count characters (code points) or words"),
});
export type ResponseLengthParams = z.infer<typeof ResponseLengthParams>;

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Length of the raw response in characters (code points) or words. */
export const responseLength: Scorer<ResponseLengthParams> = (ctx, params) => {
  const chars = [...ctx.response].length;
  const words = countWords(ctx.response);
  return { value: params.unit === "chars" ? chars : words, explanation: `${chars} characters, ${words} words` };
};
