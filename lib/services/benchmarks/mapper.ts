import { mapperForShape } from "@/lib/benchmarks/formats/by-shape";
import { checkMapping, csvMapper } from "@/lib/benchmarks/formats/csv-mapping";
import { fieldMapper } from "@/lib/benchmarks/formats/field-mapping";
import { llamaStackMapper } from "@/lib/benchmarks/formats/llama-stack";
import type { RowMapper } from "@/lib/benchmarks/formats/types";
import { BenchmarkFileError } from "@/lib/benchmarks/file-error";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import { detectRowShape } from "@/lib/benchmarks/read/detect";
import { openRows, peekRows } from "@/lib/benchmarks/read/open";
import type { ReadRow } from "@/lib/benchmarks/read/types";
import { AppError } from "@/lib/errors";
import type { ImportSettings } from "@/lib/validation/benchmarks";

export type OpenedImport = {
  format: string;
  shape: string;
  rows: AsyncIterable<ReadRow>;
  mapper: RowMapper;
  mapping: Record<string, unknown> | null;
};

/** Opens the file and picks the row mapper: an explicit mapping or purpose, else the detected row shape. */
export async function openImport(source: ByteSource, settings: ImportSettings, maxBytes?: number): Promise<OpenedImport> {
  const opened = await openRows(source, { filename: settings.filename, format: settings.format, maxBytes });
  if (settings.csv_mapping) {
    if (opened.format !== "csv" || !opened.header) throw AppError.field("csv_mapping", "A CSV column mapping needs a CSV file");
    const issues = checkMapping(settings.csv_mapping, opened.header);
    if (issues.length) {
      throw new AppError(
        "unprocessable",
        issues.map((i) => i.message).join("; "),
        issues.map((i) => ({ path: `csv_mapping${i.field ? `.${i.field}` : ""}`, message: i.message })),
      );
    }
    return {
      format: "csv",
      shape: "csv-mapping",
      rows: opened.rows,
      mapper: csvMapper(settings.csv_mapping, opened.header),
      mapping: settings.csv_mapping,
    };
  }
  if (settings.field_mapping) {
    return {
      format: opened.format,
      shape: "field-mapping",
      rows: opened.rows,
      mapper: fieldMapper(settings.field_mapping),
      mapping: settings.field_mapping,
    };
  }
  if (settings.purpose) {
    return {
      format: opened.format,
      shape: settings.purpose,
      rows: opened.rows,
      mapper: llamaStackMapper(settings.purpose),
      mapping: { purpose: settings.purpose },
    };
  }
  const { first, rows } = await peekRows(opened.rows, 20);
  const shape = detectRowShape(first.filter((r) => r.issues.length === 0).map((r) => r.value));
  if (!shape) {
    if (first.length === 0) return { format: opened.format, shape: "unknown", rows, mapper: () => ({ errors: [] }), mapping: null };
    throw new BenchmarkFileError(
      "unknown_shape",
      "Could not recognise the rows (expected input/truth, question/answer, messages/answer or messages/completion); map the fields explicitly",
    );
  }
  const mapping = settings.input_type ? { input_type: settings.input_type } : null;
  return { format: opened.format, shape, rows, mapper: mapperForShape(shape, { input_type: settings.input_type }), mapping };
}
