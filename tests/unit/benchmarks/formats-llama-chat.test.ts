import { describe, expect, it } from "vitest";
import { chatMapper } from "@/lib/benchmarks/formats/chat";
import { isRunnablePurpose, llamaStackMapper } from "@/lib/benchmarks/formats/llama-stack";
import { nativeMapper } from "@/lib/benchmarks/formats/native";
import { isRunnable } from "@/lib/benchmarks/task";
import { types } from "./helpers";

const user = (content: string) => ({ role: "user", content });

describe("llamaStackMapper", () => {
  it("maps eval/question-answer rows", () => {
    const { task } = llamaStackMapper("eval/question-answer")({ question: "2+2?", answer: "4" }, 1);
    expect(task).toMatchObject({ type: "qa", input: "2+2?", truth: "4", metadata: {} });
  });

  it("maps eval/messages-answer rows, joining text content parts", () => {
    const row = {
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "2+" },
            { type: "text", text: "2?" },
          ],
        },
      ],
      answer: "4",
    };
    expect(llamaStackMapper("eval/messages-answer")(row, 1).task?.input).toEqual([user("2+2?")]);
  });

  it("rejects image content parts and missing answers", () => {
    const row = { messages: [{ role: "user", content: [{ type: "image", url: "x" }] }], answer: "4" };
    expect(types(llamaStackMapper("eval/messages-answer")(row, 1).errors)).toEqual(["wrong_type"]);
    expect(types(llamaStackMapper("eval/question-answer")({ question: "q" }, 1).errors)).toEqual(["missing_field"]);
  });

  it("stores post-training/messages rows as not runnable, the last assistant turn as truth", () => {
    const messages = [user("Hi"), { role: "assistant", content: "Hello!" }];
    const { task, errors } = llamaStackMapper("post-training/messages")({ messages }, 1);
    expect(errors).toEqual([]);
    expect(task).toMatchObject({ input: [user("Hi")], truth: "Hello!", metadata: { runnable: false } });
    expect(task && isRunnable(task)).toBe(false);
    expect(isRunnablePurpose("post-training/messages")).toBe(false);
    expect(isRunnablePurpose("eval/question-answer")).toBe(true);
    expect(llamaStackMapper("post-training/messages")({ messages: [user("Hi")] }, 1).task?.truth).toBeNull();
  });
});

describe("chatMapper", () => {
  it("maps {messages, completion}", () => {
    const { task } = chatMapper({ messages: [{ role: "system", content: "Be brief" }, user("Hi")], completion: "Hello" }, 1);
    expect(task).toMatchObject({ type: "qa", truth: "Hello" });
    expect(task?.input).toHaveLength(2);
  });

  it("reports an empty message list and a missing completion", () => {
    expect(types(chatMapper({ messages: [] }, 1).errors)).toEqual(["missing_field", "missing_field"]);
  });
});

describe("nativeMapper", () => {
  it("reads Yardstick's own task JSON and reports schema problems", () => {
    expect(nativeMapper({ type: "bool", input: "Sky blue?", truth: true, tags: [] }, 1).task?.truth).toBe(true);
    expect(nativeMapper({ type: "bool", input: "Sky blue?", truth: "yes", tags: [] }, 1).errors[0]).toMatchObject({
      type: "wrong_type",
      field: "truth",
    });
  });
});

describe("llamaStackMapper with Llama Stack's own field names", () => {
  it("reads input_query / expected_answer and keeps the fields as written", () => {
    const { task } = llamaStackMapper("eval/question-answer")({ input_query: "2+2?", expected_answer: 4, id: "a" }, 1);
    expect(task).toMatchObject({
      input: "2+2?",
      truth: "4",
      metadata: { id: "a", llama_stack_fields: { input_query: "2+2?", expected_answer: 4 } },
    });
  });

  it("parses chat_completion_input given as a JSON string, and reports one that is not JSON", () => {
    const chat = JSON.stringify([{ role: "user", content: "Hi" }]);
    const { task } = llamaStackMapper("eval/messages-answer")({ chat_completion_input: chat, expected_answer: "Hello" }, 1);
    expect(task?.input).toEqual([user("Hi")]);
    expect(task?.metadata.llama_stack_fields).toEqual({ chat_completion_input: chat, expected_answer: "Hello" });
    const bad = llamaStackMapper("eval/messages-answer")({ chat_completion_input: "[not json", expected_answer: "x" }, 1);
    expect(types(bad.errors)).toEqual(["wrong_type"]);
  });
});
