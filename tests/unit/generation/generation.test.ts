import { describe, expect, it } from "vitest";
import { documentText } from "@/lib/generation/document-text";
import { parseReply, toBenchmarkRow } from "@/lib/generation/generated-task";
import { planSteps, quoteOccurs, splitPassages } from "@/lib/generation/passages";
import { simulatedTasks } from "@/lib/generation/simulated-generator";
import { Task } from "@/lib/benchmarks/task";
import { tinyPdf } from "../../support/tiny-pdf";

describe("document text", () => {
  it("reads a PDF's text layer and Markdown or text as UTF-8", async () => {
    expect(await documentText("notes.pdf", tinyPdf("Tides follow the Moon."))).toBe("Tides follow the Moon.");
    expect(await documentText("notes.md", Buffer.from("\uFEFF# Title\r\n\r\nBody ü\r\n"))).toBe("# Title\n\nBody ü");
    await expect(documentText("bad.txt", Buffer.from([0xff, 0xfe, 0x00, 0xd8]))).rejects.toThrow();
  });
});

describe("passages and plan", () => {
  it("merges paragraphs up to the limit and spreads tasks evenly over the document", () => {
    const text = ["a".repeat(600), "b".repeat(600), "c".repeat(600), "d".repeat(100)].join("\n\n");
    expect(splitPassages(text, 1500).map((p) => p.length)).toEqual([1202, 702]);
    expect(planSteps(10, 4, ["MCQ", "FRQ"])).toEqual([
      { passage: 0, count: 1, types: ["MCQ"] },
      { passage: 2, count: 1, types: ["FRQ"] },
      { passage: 5, count: 1, types: ["MCQ"] },
      { passage: 7, count: 1, types: ["FRQ"] },
    ]);
    expect(planSteps(2, 5, ["bool"]).map((s) => s.count)).toEqual([2, 3]);
    expect(planSteps(0, 5, ["bool"])).toEqual([]);
  });

  it("finds quotes whatever the line wrapping, and only real ones", () => {
    expect(quoteOccurs("The Moon pulls\n  the sea.", "The Moon pulls the sea.")).toBe(true);
    expect(quoteOccurs("The Moon pulls the sea.", "The Sun pulls the sea.")).toBe(false);
    expect(quoteOccurs("anything", "   ")).toBe(false);
  });
});

describe("generator replies", () => {
  const doc = "Water boils at 100 degrees at sea level. Ice melts at zero.";
  it("keeps valid tasks with verbatim quotes and says why others were dropped", () => {
    const reply = `Here you go:\n\`\`\`json\n${JSON.stringify({
      tasks: [
        {
          type: "bool",
          question: "Water boils at 100 degrees at sea level.",
          answer: "TRUE",
          quote: "Water boils at 100 degrees at sea level.",
        },
        { type: "MCQ", question: "Ice melts at?", answer: "zero", quote: "Ice melts at zero." },
        { type: "FRQ", question: "Who?", answer: "x", quote: "Not in the document." },
      ],
    })}\n\`\`\``;
    const parsed = parseReply(reply, doc);
    expect(parsed.tasks).toEqual([
      {
        type: "bool",
        question: "Water boils at 100 degrees at sea level.",
        answer: "true",
        quote: "Water boils at 100 degrees at sea level.",
      },
    ]);
    expect(parsed.rejected).toEqual([
      "task 2: incorrect: MCQ tasks need at least one incorrect choice",
      "task 3: its quote does not occur in the document",
    ]);
    expect(parseReply("no json here", doc).tasks).toEqual([]);
  });

  it("simulated tasks are deterministic, grounded and import as valid benchmark tasks", () => {
    const passage =
      "The Moon's gravity pulls the oceans toward it. This creates a bulge of water called a high tide. Tides repeat twice daily.";
    const tasks = simulatedTasks(passage, ["MCQ", "FRQ", "bool"], 7);
    expect(simulatedTasks(passage, ["MCQ", "FRQ", "bool"], 7)).toEqual(tasks);
    expect(tasks.map((t) => t.type)).toEqual(["MCQ", "FRQ", "bool"]);
    for (const t of tasks) {
      expect(quoteOccurs(passage, t.quote)).toBe(true);
      expect(Task.safeParse(toBenchmarkRow(t, "doc.md")).success).toBe(true);
    }
    const cloze = tasks[1];
    expect(cloze?.quote.replace(cloze.answer, "_____")).toBe(cloze?.question.replace("Fill in the blank with one word: ", ""));
  });
});
