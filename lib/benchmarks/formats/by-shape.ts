import type { RowShape } from "../read/detect";
import { chatMapper } from "./chat";
import { llamaStackMapper } from "./llama-stack";
import { nativeMapper } from "./native";
import { type StratixInputType, stratixMapper } from "./stratix";
import type { RowMapper } from "./types";

/** The mapper for a detected row shape; Stratix takes the benchmark's input_type. */
export function mapperForShape(shape: RowShape, options: { input_type?: StratixInputType } = {}): RowMapper {
  switch (shape) {
    case "yardstick":
      return nativeMapper;
    case "stratix":
      return stratixMapper(options);
    case "llama-stack-qa":
      return llamaStackMapper("eval/question-answer");
    case "llama-stack-messages-answer":
      return llamaStackMapper("eval/messages-answer");
    case "llama-stack-messages":
      return llamaStackMapper("post-training/messages");
    case "chat":
      return chatMapper;
  }
}
