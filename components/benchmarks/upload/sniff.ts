/** What the browser can tell about a file from its first 64 KB, to offer its columns in the mapping step. */
export const SNIFF_BYTES = 64 * 1024;

export type Sniffed = { kind: "csv" | "json" | "unknown"; columns: string[] };

/** One CSV record's cells, honouring quotes (enough for a header line). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((s) => s.trim());
}

function keysOf(values: unknown[]): string[] {
  const keys = new Set<string>();
  for (const v of values) if (v && typeof v === "object" && !Array.isArray(v)) for (const k of Object.keys(v)) keys.add(k);
  return [...keys];
}

function firstJsonLines(text: string): unknown[] {
  const out: unknown[] = [];
  for (const line of text.split(/\r?\n/).slice(0, 50)) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // The last line of the slice is usually cut off.
    }
  }
  return out;
}

// A JSON array cut off at 64 KB: keep the complete objects before the cut.
function firstArrayItems(text: string): unknown[] {
  try {
    const whole: unknown = JSON.parse(text);
    return Array.isArray(whole) ? whole.slice(0, 50) : [whole];
  } catch {
    const cut = text.lastIndexOf("},");
    if (cut < 0) return [];
    try {
      return (JSON.parse(`${text.slice(0, cut + 1)}]`) as unknown[]).slice(0, 50);
    } catch {
      return [];
    }
  }
}

export function sniffText(text: string, filename: string): Sniffed {
  const body = text.replace(/^\uFEFF/, "");
  const start = body.trimStart();
  const csvName = /\.csv$/i.test(filename);
  if (!csvName && start.startsWith("[")) return { kind: "json", columns: keysOf(firstArrayItems(start)) };
  if (!csvName && start.startsWith("{")) return { kind: "json", columns: keysOf(firstJsonLines(start)) };
  const header = body.split(/\r?\n/, 1)[0] ?? "";
  const columns = splitCsvLine(header).filter(Boolean);
  return columns.length ? { kind: "csv", columns: [...new Set(columns)] } : { kind: "unknown", columns: [] };
}

export async function sniffFile(file: File): Promise<Sniffed> {
  if (/\.gz$/i.test(file.name)) return { kind: "unknown", columns: [] };
  return sniffText(await file.slice(0, SNIFF_BYTES).text(), file.name);
}
