// What reading a document produces: draft records with their places, the gaps and the problems.

import type { SpecKind } from "@/lib/domain/spec/kinds";

/** Where something was found: file, 1-based line, and the section's title. */
export type Place = { file: string; line: number; section: string };

/** A place's line when it means something to the reader (Markdown), else 0. */
const lineOf = (place: Place) =>
  /\.(md|markdown|mdown|txt)$/i.test(place.file) || !/\./.test(place.file) ? place.line : 0;

/**
 * Where something is, as a person finds it: a Markdown file by its line; a Word or Confluence
 * document (converted before reading, so its lines are not the reader's) by its section.
 */
export function describePlace(place: Place): string {
  const line = lineOf(place);
  return `${place.file}${line ? `, line ${line}` : ""}${place.section ? ` (${place.section})` : ""}`;
}

/**
 * A table row as a person names it, by its section without the numbering: "Key Systems (line 12)",
 * with the file ("Key Systems (context.md, line 12)") when the rows compared are in different files.
 */
export function describeRow(place: Place, withFile = false): string {
  // Copies number their headings differently ("1.2", "4.1."): the words are what people recognise.
  const section = place.section.replace(/^\s*\d+(\.\d+)*[.)]?\s+/, "").trim() || place.section;
  const line = lineOf(place);
  const where = [withFile ? place.file : "", line ? `line ${line}` : ""].filter(Boolean).join(", ");
  return where ? `${section} (${where})` : section;
}

/** A record as read: reference fields hold the names of the records they point at. */
export type DraftRecord = {
  kind: SpecKind;
  data: Record<string, unknown>;
  place: Place;
  /** The fields the document has a place for (a column, even with an empty cell); absent: every field it holds. */
  stated?: readonly string[];
};

/** A decision row of the decisions table. */
export type DraftDecision = {
  sequence: number;
  title: string;
  decision: string;
  rationale: string;
  implications: string;
  place: Place;
};

/** An unfinished part: a placeholder or an empty value the template asks for. */
export type ImportGap = {
  place: Place;
  kind: SpecKind | "decision";
  /** The record's name as read ("" when the row has none). */
  record: string;
  /** The field's name, or null for a whole row or section. */
  field: string | null;
  value: string;
  reason: string;
  /** True when the value is stored in the record (the gap rules see it); false when it could not be. */
  kept: boolean;
  /** The index of the draft record it belongs to, when there is one. */
  draft?: number;
  /** An unresolved reference: the kind it should name, and the existing name it most likely means. */
  refKind?: SpecKind;
  suggestion?: { name: string; why: string };
};

/** Something that could not be read, with its place. */
export type ImportProblem = { place: Place; message: string };

/** Rows that name one thing (in two tables, or one system's rows per environment), made one record (decision 0021). */
export type MergedRecord = {
  kind: SpecKind;
  /** The record's name after the merge (the plain name). */
  title: string;
  /** Each row as the document named it, in document order; the first row's place is the record's. */
  from: { name: string; place: Place }[];
  /** Why they are one: "same name", "name with an environment suffix", "same host" (several joined by "and"). */
  rule: string;
};

/** Everything a document says, before it is compared with a workspace. */
export type SpecDraft = {
  records: DraftRecord[];
  decisions: DraftDecision[];
  /** Records the document suggests without stating (naming conventions from mapping-rule targets). */
  offered: DraftRecord[];
  gaps: ImportGap[];
  problems: ImportProblem[];
  /** Tables that are not the template's, kept as text in their section's narrative. */
  keptAsText: { place: Place; caption: string; headers: string[]; rows: number }[];
  /** What the reader made one record of several rows; readSpecDocument always says, a draft built by hand may not. */
  merged?: MergedRecord[];
  /** Records of different tables whose names are close, not merged: the preview asks whether they are one. */
  questions?: MergeQuestionOf<SpecKind>[];
};

/** Two records of different tables whose names are close: one thing or two? (merge-questions.ts) */
export type MergeQuestionOf<K extends string> = {
  kind: K;
  names: [string, string];
  places: [Place, Place];
  /** Why they may be one: "“Epic” is the start of “Epic EHR”". */
  why: string;
};

/** One file of a document. */
export type DocumentFile = { name: string; text: string };

/** The place of a line of the section being read. */
export type PlaceOf = (line: number) => Place;
