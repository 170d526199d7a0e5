import type { Problem, Progress, UploadResult } from "./types";

type Outcome = { ok: true; result: UploadResult } | { ok: false; problem: Problem };

const networkProblem: Problem = { status: 0, detail: "Could not reach the server; check your connection and try again" };

function parseLines(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // A line still arriving.
    }
  }
  return out;
}

/**
 * Sends the file with XMLHttpRequest (fetch cannot report upload progress), then reads the NDJSON
 * answer as it streams: progress lines, then one result or error line.
 */
export function sendUpload(url: string, projectKey: string, file: File, onProgress: (p: Progress) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Accept", "application/x-ndjson");
    xhr.setRequestHeader("X-Yardstick-Project", projectKey);
    // Always raw bytes: a .json file's own type would make the API read the body as a JSON source.
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) =>
      onProgress({ phase: "sending", sent: e.loaded, total: e.lengthComputable ? e.total : file.size, rows: 0 });
    xhr.onprogress = () => {
      const last = parseLines(xhr.responseText).findLast((l) => "progress" in l)?.progress as
        | { phase: Progress["phase"]; rows: number }
        | undefined;
      if (last) onProgress({ phase: last.phase, sent: file.size, total: file.size, rows: last.rows });
    };
    xhr.onerror = () => resolve({ ok: false, problem: networkProblem });
    xhr.onload = () => {
      const lines = parseLines(xhr.responseText);
      const end = lines.findLast((l) => "result" in l || "error" in l);
      if (end && "result" in end) return resolve({ ok: true, result: end.result as UploadResult });
      if (end && "error" in end) return resolve({ ok: false, problem: end.error as Problem });
      // Failures before the stream starts (auth, size limit) come back as one problem document.
      const problem = lines[0] as Problem | undefined;
      resolve({ ok: false, problem: problem?.detail ? problem : { status: xhr.status, detail: `Upload failed (HTTP ${xhr.status})` } });
    };
    xhr.send(file);
  });
}
