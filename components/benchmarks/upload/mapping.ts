/** The mapping step's state and how it becomes upload query parameters. */
export const PURPOSES = ["eval/question-answer", "eval/messages-answer", "post-training/messages"] as const;
export const TYPES = ["MCQ", "FRQ", "bool", "json", "qa"] as const;

export type MappingMode = "auto" | "field" | "csv" | "purpose";

export type MappingState = {
  mode: MappingMode;
  field: { input_field: string; truth_field: string; truth_regex: string; subset_field: string; type: string };
  csv: {
    question: string;
    default_type: string;
    subset: string;
    correct: string[];
    incorrect: string[];
    bool_correct: string;
    redacted: string;
  };
  purpose: string;
};

export const initialMapping: MappingState = {
  mode: "auto",
  field: { input_field: "", truth_field: "", truth_regex: "", subset_field: "", type: "qa" },
  csv: { question: "", default_type: "MCQ", subset: "", correct: [], incorrect: [], bool_correct: "", redacted: "" },
  purpose: PURPOSES[0],
};

const compact = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== "" && !(Array.isArray(v) && v.length === 0)));

export function csvMappingJson(csv: MappingState["csv"]): Record<string, unknown> {
  const mcq = csv.default_type === "MCQ";
  return compact({
    question: csv.question,
    default_type: csv.default_type,
    subset: csv.subset,
    redacted: csv.redacted,
    bool_correct: csv.bool_correct,
    [mcq ? "mcq_correct" : "frq_correct"]: csv.correct,
    [mcq ? "mcq_incorrect" : "frq_incorrect"]: csv.incorrect,
  });
}

export function mappingParams(m: MappingState): Record<string, string> {
  if (m.mode === "field") return { field_mapping: JSON.stringify(compact(m.field)) };
  if (m.mode === "csv") return { csv_mapping: JSON.stringify(csvMappingJson(m.csv)), format: "csv" };
  if (m.mode === "purpose") return { purpose: m.purpose };
  return {};
}

/** Guesses for the common column names, so a typical file needs few clicks. */
export function guessMapping(m: MappingState, columns: string[]): MappingState {
  const find = (...names: string[]) => columns.find((c) => names.includes(c.toLowerCase())) ?? "";
  return {
    ...m,
    field: {
      ...m.field,
      input_field: find("question", "input", "prompt", "problem"),
      truth_field: find("answer", "truth", "target", "solution"),
      subset_field: find("subset", "category"),
    },
    csv: { ...m.csv, question: find("question", "input", "prompt"), subset: find("subset", "category"), redacted: find("redacted") },
  };
}
