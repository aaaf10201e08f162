// How a kind appears in the specification document: its tables (columns with their header
// aliases, the sections they sit in, how the writer prints them) and any bullet lists. The generic
// reader (read-spec.ts) and writer (write-spec.ts) do the rest; what is particular to a kind is a
// small named hook declared with its table.

import type { DocumentSection } from "@/lib/domain/document/markdown";
import type { DraftRecord, ImportGap, PlaceOf, SpecDraft } from "@/lib/domain/document/draft";
import type { OutlinePlace } from "@/lib/domain/document/outline";
import type { SpecData, SpecKind } from "@/lib/domain/spec/kinds";

/** The name of a field of a kind: a column typed with a name the kind lacks fails the build. */
export type FieldName<K extends SpecKind> = K extends SpecKind ? keyof SpecData<K> & string : never;

/** A record to write: references hold ids, resolved to names here. */
export type WritableRecord = { id: string; kind: SpecKind; title: string; data: Record<string, unknown> };

/** What the writer offers a kind's hooks. */
export type WriteContext = {
  /** The record an id refers to. */
  byId(id: unknown): WritableRecord | undefined;
  /** The title of the record an id refers to ("" when none). */
  name(id: unknown): string;
  /** Every record of a kind, as stored. */
  of(kind: SpecKind): WritableRecord[];
};

/** A cell format other than the field type's: read and printed the same way, so they round-trip. */
export type CellFormat = {
  /** The value of a non-empty cell; `gap` records a placeholder. Undefined leaves the field unset. */
  read?: (text: string, gap: (reason: string) => void) => unknown;
  /** The cell of a value (never null or undefined). */
  write?: (value: unknown) => string;
};

type ColumnBase = {
  /** The header texts that mean the column; the first is the one the writer prints. */
  headers: readonly [string, ...string[]];
  /** A table without this column is not this table. */
  required?: boolean;
  /** False for columns only read (an alias of what another column writes). */
  written?: false;
  /** Matched by its headers only, not by a longer header starting with one ("Target" is not "Target name"). */
  exact?: true;
  /** Numbers the rows ("1", "1.2"): a row with a number and only placeholders is still the template's example row. */
  ordinal?: true;
};

/** A column holding one field of the kind, read and printed by the field's type. */
export type FieldColumn<K extends SpecKind> = ColumnBase & {
  field: FieldName<K>;
  /** Words people write for an option ("prod" for production), beyond its value and label. */
  synonyms?: Readonly<Record<string, string>>;
  format?: CellFormat;
};

/** A column of the table's own (port ranges, ASN pairs, team numbers): read and printed by hooks. */
export type CellColumn = ColumnBase & {
  cell: string;
  write?: (record: WritableRecord, context: WriteContext) => string;
};

export type TableColumn<K extends SpecKind> = FieldColumn<K> | CellColumn;

/** One row being read, with what a kind's `readRow` hook may do with it. */
export type RowContext<K extends SpecKind> = {
  kind: K;
  /** The trimmed text of a column's cell ("" when the table has none). */
  cell(column: string): string;
  /** Whether the table has the column. */
  has(column: string): boolean;
  /** The row's fields read by their types (gaps noted for placeholders and empty required cells). */
  read(options?: { record?: string; skip?: readonly FieldName<K>[] }): Record<string, unknown>;
  /** Adds a record of the kind read from this row. */
  push(data: Record<string, unknown>): void;
  problem(message: string): void;
  /** Notes a gap of this row (the record defaults to its Name cell). */
  gap(gap: Pick<ImportGap, "field" | "value" | "reason" | "kept"> & { record?: string }): void;
  /** The records read so far. */
  draft: SpecDraft;
  /** The line above the table ("External DLB Mapping Rules"). */
  caption: string;
  /** The short lines above the table back to the previous one, nearest first (`DocumentTable.captions`). */
  captions: readonly string[];
  /** The titles of the table's section and of the sections around it, nearest first. */
  headings: readonly string[];
  /**
   * Leaves the row out for a reason that concerns its table (which load balancer it belongs to):
   * one problem per table and reason, naming the table and counting the rows left out.
   */
  leaveOut(reason: string): void;
  /** 1-based position of the row among the table's non-empty rows. */
  ordinal: number;
};

/** Where and how the writer prints a table; records of the kind, as stored, unless a hook says. */
export type TableWrite = {
  place: OutlinePlace;
  caption?: string;
  /** The records the table lists, in order. */
  rows?: (records: readonly WritableRecord[], context: WriteContext) => WritableRecord[];
  /** Several captioned tables of the kind (one per load-balancer role). */
  groups?: (
    records: readonly WritableRecord[],
    context: WriteContext,
  ) => { caption: string; records: WritableRecord[] }[];
  /** Something other than the table (bullets); `table` prints the declared one. */
  block?: (
    records: readonly WritableRecord[],
    table: (records: readonly WritableRecord[]) => string,
    context: WriteContext,
  ) => string | null;
};

/** A table of the template holding records of a kind. */
export type KindTable<K extends SpecKind> = {
  id: string;
  /** What the report calls it. */
  label: string;
  /** Normalised names of the sections it usually sits in. */
  sections: readonly string[];
  columns: readonly TableColumn<K>[];
  /** Read after every other table: its rows name their load balancer by role. */
  deferred?: boolean;
  /** Turns a row into records; by default one record of the row's fields. */
  readRow?(row: RowContext<K>): void;
  /** Absent for tables only read. */
  write?: TableWrite;
};

/** Bullets of a section read as records (`- **Production vCores**: 4`). */
export type KindList = {
  /** Normalised names of the sections (or enclosing sections) that hold them. */
  sections: readonly string[];
  /** Only in a section without tables (the records may be a table instead). */
  withoutTables?: boolean;
  /** Reads the section's items; true when any was read (the lists are then not narrative). */
  read: (draft: SpecDraft, section: DocumentSection, place: PlaceOf) => boolean;
};

/** How a kind appears in the document. */
export type KindDocument<K extends SpecKind> = { tables: readonly KindTable<K>[]; list?: KindList };

/** The document declarations of some kinds, each typed against its own fields. */
export type KindDocuments<Ks extends SpecKind> = { readonly [K in Ks]: KindDocument<K> };

export type { DraftRecord };
