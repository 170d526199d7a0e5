/** PDF files start with this, whatever their name says. */
const isPdf = (name: string, bytes: Uint8Array) =>
  name.toLowerCase().endsWith(".pdf") || Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";

/** The text of a PDF, page by page (pdf.js, the legacy build that runs on Node without a DOM). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await pdf.destroy();
  return pages.join("\n\n");
}

/** A document's plain text: PDF parsed, anything else (plain text, Markdown) read as UTF-8. */
export async function documentText(name: string, bytes: Uint8Array): Promise<string> {
  const text = isPdf(name, bytes) ? await pdfText(bytes) : new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .trim();
}
