import { describe, expect, it } from "vitest";
import { documentText } from "@/lib/generation/document-text";
import { tinyPdf } from "../support/tiny-pdf";

// Taken before any PDF is read. (core-js also patches Function.prototype.toString, so "[native code]" proves nothing.)
const { parse, stringify } = JSON;

describe("documentText", () => {
  it("reads a PDF's text without pdf.js's polyfills reaching this realm's JSON", async () => {
    const text = await documentText("ice.pdf", tinyPdf("Glaciers carve deep valleys."));
    expect(text).toBe("Glaciers carve deep valleys.");
    // pdf.js's legacy build replaces both with slower JavaScript versions wherever it is loaded.
    expect(JSON.stringify).toBe(stringify);
    expect(JSON.parse).toBe(parse);
  });

  it("recognises a PDF by its header whatever its name, and refuses one that does not parse", async () => {
    expect(await documentText("notes.bin", tinyPdf("Rivers meander."))).toBe("Rivers meander.");
    await expect(documentText("broken.pdf", Buffer.from("%PDF-1.4 this is not a PDF"))).rejects.toThrow();
  });

  it("reads other documents as UTF-8 text, without a byte-order mark or carriage returns", async () => {
    expect(await documentText("a.md", Buffer.from("\uFEFF# Title\r\nBody\r\n"))).toBe("# Title\nBody");
    await expect(documentText("a.txt", Buffer.from([0xff, 0xfe, 0x00]))).rejects.toThrow();
  });
});
