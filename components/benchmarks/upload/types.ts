/** The upload API's answer, as the browser receives it (see lib/services/benchmarks/import.ts). */
export type Issue = { message: string; level: "error" | "warning"; type: string; field?: string };
export type Message = { role: string; content: string };
export type Choice = { letter: string; text: string; correct: boolean };

export type UploadResult = {
  dry_run: boolean;
  created: boolean;
  benchmark: { id: string; key: string } | null;
  version: { id: string; number: number; task_count: number } | null;
  validation: {
    format: string;
    total: number;
    valid: number;
    notRunnable: number;
    errors: { row: number; errors: Issue[] }[];
    errorRows: number;
    errorCount: number;
    warningCount: number;
    preview: { row: number; task: Record<string, unknown>; prompt: { messages: Message[]; choices?: Choice[] } }[];
    columns: { column: string; becomes: string }[];
    recommendedMinTasks: number;
  };
};

export type Problem = { status: number; title?: string; detail: string; errors?: { path: string; message: string }[] };

export type Progress = { phase: "sending" | "validating" | "importing"; sent: number; total: number; rows: number };
