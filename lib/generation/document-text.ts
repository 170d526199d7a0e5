import { Worker } from "node:worker_threads";

/** PDF files start with this, whatever their name says. */
const isPdf = (name: string, bytes: Uint8Array) =>
  name.toLowerCase().endsWith(".pdf") || Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";

/** A PDF that keeps pdf.js busy longer than this (or past the heap below) is refused, not waited for. */
const PDF_TIMEOUT_MS = 60_000;
const PDF_HEAP_MB = 512;

/**
 * Reads a PDF's text page by page in a worker thread (pdf.js, the legacy build that runs on Node 20 without
 * a DOM). Its bundled core-js replaces JSON.parse and JSON.stringify with far slower JavaScript versions
 * in whatever realm loads it: in a thread of its own they never reach the server's. Plain CommonJS outside
 * the bundle, so pdf.js is resolved from the app's root; Next.js would otherwise load it at start-up.
 */
const PDF_TEXT_SCRIPT = `
const { parentPort, workerData } = require("node:worker_threads");
const path = require("node:path");
const { createRequire } = require("node:module");
const { pathToFileURL } = require("node:url");
(async () => {
  const entry = createRequire(path.join(process.cwd(), "package.json")).resolve("pdfjs-dist/legacy/build/pdf.mjs");
  const pdfjs = await import(pathToFileURL(entry).href);
  const options = { data: workerData, useSystemFonts: false, isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS };
  const pdf = await pdfjs.getDocument(options).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\\n" : "") : "")).join(""));
  }
  await pdf.destroy();
  parentPort.postMessage({ text: pages.join("\\n\\n") });
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;

function pdfText(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(PDF_TEXT_SCRIPT, {
      eval: true,
      workerData: new Uint8Array(bytes),
      resourceLimits: { maxOldGenerationSizeMb: PDF_HEAP_MB },
    });
    const end = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    // Whichever comes first settles the promise; the later ones are no-ops.
    const timer = setTimeout(() => {
      reject(new Error(`The PDF took longer than ${PDF_TIMEOUT_MS / 1000} s to read`));
      end();
    }, PDF_TIMEOUT_MS);
    worker.once("message", (reply: { text?: string; error?: string }) => {
      if (reply.error === undefined) resolve(reply.text ?? "");
      else reject(new Error(reply.error));
      end();
    });
    worker.once("error", (error) => {
      reject(error);
      end();
    });
    worker.once("exit", (code) => {
      reject(new Error(`The PDF reader stopped (exit code ${code})`));
      end();
    });
  });
}

/** A document's plain text: PDF parsed, anything else (plain text, Markdown) read as UTF-8. */
export async function documentText(name: string, bytes: Uint8Array): Promise<string> {
  const text = isPdf(name, bytes) ? await pdfText(bytes) : new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .trim();
}
