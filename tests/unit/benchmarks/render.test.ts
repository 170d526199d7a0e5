import { describe, expect, it } from "vitest";
import { choiceLetter, renderPrompt } from "@/lib/benchmarks/render";
import { Task } from "@/lib/benchmarks/task";

const mcq = Task.parse({
  type: "MCQ",
  input: "Which are prime?",
  truth: ["2", "3"],
  choices: { correct: ["2", "3"], incorrect: ["4", "6", "8", "9"] },
});

describe("choiceLetter", () => {
  it("counts A…Z then AA, AB like spreadsheet columns", () => {
    expect([0, 1, 25, 26, 27, 29].map(choiceLetter)).toEqual(["A", "B", "Z", "AA", "AB", "AD"]);
  });
});

describe("renderPrompt", () => {
  it("is deterministic for a seed and lists lettered choices under the question", () => {
    const first = renderPrompt(mcq, 42);
    expect(renderPrompt(mcq, 42)).toEqual(first);
    expect(first.choices?.map((c) => c.letter)).toEqual(["A", "B", "C", "D", "E", "F"]);
    expect(first.choices?.map((c) => c.text).sort()).toEqual(["2", "3", "4", "6", "8", "9"]);
    const body = first.choices?.map((c) => `${c.letter}. ${c.text}`).join("\n");
    expect(first.messages).toEqual([{ role: "user", content: `Which are prime?\n\n${body}` }]);
  });

  it("marks the letters of the correct choices", () => {
    const rendered = renderPrompt(mcq, 7);
    const correct = rendered.choices?.filter((c) => c.text === "2" || c.text === "3").map((c) => c.letter);
    expect(rendered.correctLetters).toEqual(correct);
  });

  it("gives different orders for different seeds", () => {
    const orders = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        renderPrompt(mcq, seed)
          .choices?.map((c) => c.text)
          .join(""),
      ),
    );
    expect(orders.size).toBeGreaterThan(10);
  });

  it("pins one order so a change to the shuffle is noticed (runs must stay reproducible)", () => {
    expect(renderPrompt(mcq, 1).choices?.map((c) => c.text)).toMatchInlineSnapshot(`
      [
        "4",
        "8",
        "2",
        "9",
        "6",
        "3",
      ]
    `);
  });

  it("shows a paraphrase instead of the original when paraphrases exist", () => {
    const task = Task.parse({ type: "qa", input: "Original?", truth: "x", paraphrases: ["P1?", "P2?", "P3?"] });
    const seen = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const rendered = renderPrompt(task, seed);
      const content = rendered.messages[0]?.content ?? "";
      expect(content).toBe(task.paraphrases?.[rendered.paraphraseIndex ?? -1]);
      seen.add(content);
    }
    expect(seen).toEqual(new Set(["P1?", "P2?", "P3?"]));
  });

  it("adds the system prompt, and paraphrases the last user message of chat input", () => {
    const task = Task.parse({
      type: "qa",
      input: [
        { role: "user", content: "First" },
        { role: "assistant", content: "Ok" },
        { role: "user", content: "Original" },
      ],
      system_prompt: "Be brief",
      paraphrases: ["Reworded"],
      truth: "x",
    });
    expect(renderPrompt(task, 3).messages).toEqual([
      { role: "system", content: "Be brief" },
      { role: "user", content: "First" },
      { role: "assistant", content: "Ok" },
      { role: "user", content: "Reworded" },
    ]);
  });
});
