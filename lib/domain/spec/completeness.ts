import type { FieldDef } from "@/lib/domain/spec/fields";
import { kindFields, recordTitle, type SpecKind } from "@/lib/domain/spec/kinds";
import { isFilled, isPlaceholder } from "@/lib/domain/spec/placeholders";

/** How finished one kind's records are: tracked cells filled with real values, and what is missing. */
export type Completeness = {
  kind: SpecKind;
  records: number;
  cells: number;
  filled: number;
  /** 0 to 1; an empty section is 0 (nothing written yet is not finished). */
  ratio: number;
  missing: { record: string; field: string; reason: "empty" | "placeholder" | "not yet recorded" }[];
  /** Of the missing cells, those an imported document had no column for (not left empty by anyone). */
  notRecorded: number;
};

const counts = (field: FieldDef) => field.required === true || field.tracked === true;
const holdsPlaceholder = (value: unknown) =>
  isPlaceholder(value) || (Array.isArray(value) && value.some(isPlaceholder));
/** Empty because the document never asked (its table had no column), not left open by anyone. */
const unasked = (value: unknown, source: string | undefined) =>
  source === "default" && !isFilled(value) && !holdsPlaceholder(value);

/** Fields of a record an imported document had no column for, still empty: not asked yet, not left open. */
export function notRecordedFields(kind: SpecKind, data: Record<string, unknown>): FieldDef[] {
  if (kind === "narrative-section" && data.notApplicable === true) return [];
  const sources = data.sources as Record<string, string> | undefined;
  if (!sources) return [];
  return kindFields(kind).filter(
    (field) => field.type !== "boolean" && counts(field) && unasked(data[field.name], sources[field.name]),
  );
}

/** One record's fields not yet recorded, as `agp check --include completeness` lists them. */
export type NotRecorded = {
  kind: SpecKind;
  recordId: string;
  record: string;
  fields: { name: string; label: string }[];
};

/** The records of a kind with fields no document asked for yet, each with those fields, in record order. */
export function listNotRecorded(
  kind: SpecKind,
  records: readonly { id: string; data: Record<string, unknown> }[],
): NotRecorded[] {
  const out: NotRecorded[] = [];
  for (const record of records) {
    const fields = notRecordedFields(kind, record.data);
    if (fields.length)
      out.push({
        kind,
        recordId: record.id,
        record: recordTitle(kind, record.data),
        fields: fields.map((f) => ({ name: f.name, label: f.label })),
      });
  }
  return out;
}

/**
 * Measures a kind's records honestly: every required or tracked field is a cell; any other text
 * field counts too when it holds a placeholder (it is really there, unfinished). A narrative
 * section marked "not applicable" is decided, not a gap.
 */
export function measureCompleteness(kind: SpecKind, records: readonly Record<string, unknown>[]): Completeness {
  const fields = kindFields(kind);
  let cells = 0;
  let filled = 0;
  const missing: Completeness["missing"] = [];
  let notRecorded = 0;
  for (const data of records) {
    const decided = kind === "narrative-section" && data.notApplicable === true;
    const sources = data.sources as Record<string, string> | undefined;
    for (const field of fields) {
      const value = data[field.name];
      if (field.type === "boolean") continue; // a boolean always has a value
      if (!counts(field) && !holdsPlaceholder(value)) continue;
      cells += 1;
      // "N/A" in the document is an answer: nothing there, deliberately.
      if (decided || isFilled(value) || sources?.[field.name] === "none") {
        filled += 1;
      } else {
        const notAsked = unasked(value, sources?.[field.name]);
        if (notAsked) notRecorded += 1;
        missing.push({
          record: recordTitle(kind, data),
          field: field.label,
          reason: holdsPlaceholder(value) ? "placeholder" : notAsked ? "not yet recorded" : "empty",
        });
      }
    }
  }
  return {
    kind,
    records: records.length,
    cells,
    filled,
    ratio: cells === 0 ? 0 : filled / cells,
    missing,
    notRecorded,
  };
}
