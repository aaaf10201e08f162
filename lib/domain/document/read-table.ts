// Reads the rows of a recognised table into draft records of its kind: each cell by its field's
// type (or its column's format), the rest by the kind's `readRow` hook.

import { matchOption, parseNumber, parseYesNo, splitList } from "@/lib/domain/document/cells";
import type { DocumentTable } from "@/lib/domain/document/markdown";
import type { Place, PlaceOf, SpecDraft } from "@/lib/domain/document/draft";
import type { FieldColumn, KindTable, RowContext } from "@/lib/domain/document/kind-tables";
import type { TableMatch } from "@/lib/domain/document/tables";
import type { FieldDef } from "@/lib/domain/spec/fields";
import { kindFields, labelInSentence, specKinds, type SpecKind } from "@/lib/domain/spec/kinds";
import { findPlaceholders, isPlaceholder } from "@/lib/domain/spec/placeholders";
import { isTemplateRow, rowText, templateRowReason } from "@/lib/domain/document/template-rows";

type At = { place: Place; record: string; draft: number };

const textTypes = new Set(["text", "longtext", "cidr", "ipv4", "hostname", "cloudhub-app-name"]);

const oneLine = (field: FieldDef, text: string) =>
  field.type === "longtext"
    ? text
    : text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)
        .join("; ");

/** Turns one cell into a field's value; records gaps for placeholders and empty required cells. */
/** What a cell says when it says there is nothing: the field is decided empty. */
const NOTHING = Symbol("nothing");
const notApplicable = /^(n\/?a|none|nil|nothing|-|–|—|not applicable( at this stage)?\.?)$/i;
/** The reference-list token for "every record of the kind" (resolved by the plan). */
export const EVERY = "*";
const everyOne = /^(all|all environments|every environment|any|all of them)\.?$/i;

function cellValue(
  draft: SpecDraft,
  kind: SpecKind,
  field: FieldDef,
  column: FieldColumn<SpecKind> | undefined,
  raw: string,
  at: At,
): unknown {
  const text = raw.trim();
  const gap = (reason: string, kept: boolean, value = text) =>
    draft.gaps.push({
      place: at.place,
      kind,
      record: at.record,
      field: field.name,
      value,
      reason,
      kept,
      draft: at.draft,
    });
  const format = column?.format?.read;
  if (format) return text === "" ? undefined : format(text, (reason) => gap(reason, false));
  if (text === "") {
    if (field.required || field.tracked) gap("empty", field.type !== "boolean");
    return undefined;
  }
  // "N/A", "None", "-": the document says there is nothing, deliberately (a choice that has a
  // "none" option, and a yes/no, keep their meaning).
  const noneOption = field.options?.some((o) => o.value === "none" || o.label.toLowerCase() === "none");
  if (notApplicable.test(text) && field.type !== "boolean" && !noneOption) return NOTHING;
  const keepsText = textTypes.has(field.type);
  const placeholders = findPlaceholders(text);
  // A reference may name a record whose own name is a placeholder ("[CUSTOMER]"): resolved later.
  if (placeholders.length && !["cidr-list", "text-list", "ref-list", "ref"].includes(field.type)) {
    gap(placeholders.join(", "), keepsText);
    return keepsText ? oneLine(field, text) : undefined;
  }
  switch (field.type) {
    case "text":
    case "longtext":
    case "cidr":
    case "ipv4":
    case "hostname":
    case "cloudhub-app-name":
      return oneLine(field, text);
    case "enum":
      return matchOption(text, field.options ?? [], column?.synonyms) ?? text;
    case "boolean":
      return parseYesNo(text) ?? text;
    case "integer":
    case "number":
      return parseNumber(text) ?? text;
    case "ref":
      return text;
    case "cidr-list":
    case "text-list":
    case "ref-list": {
      // "All", "All environments": every record of the kind, whichever the document and workspace hold.
      if (field.type === "ref-list" && everyOne.test(text)) return [EVERY];
      const entries = splitList(text);
      for (const entry of field.type === "ref-list" ? [] : entries.filter(isPlaceholder))
        gap(findPlaceholders(entry).join(", "), true, entry);
      return entries;
    }
  }
}

/** Fills a record of the kind from the table's columns (fields of the kind only). */
function readFields(
  draft: SpecDraft,
  kind: SpecKind,
  table: KindTable<SpecKind>,
  index: Record<string, number>,
  cells: readonly string[],
  at: At,
  skip: readonly string[],
): Record<string, unknown> {
  const columns = new Map(
    table.columns.filter((c) => "field" in c).map((c) => [c.field as string, c as FieldColumn<SpecKind>]),
  );
  const fields = kindFields(kind).filter((f) => index[f.name] !== undefined && !skip.includes(f.name));
  const formatted = (f: FieldDef) => !!columns.get(f.name)?.format?.read;
  const data: Record<string, unknown> = {};
  const none: Record<string, "none"> = {};
  // Cells of a format of their own (durations) are read after the rest.
  for (const field of [...fields.filter((f) => !formatted(f)), ...fields.filter(formatted)]) {
    const value = cellValue(draft, kind, field, columns.get(field.name), cells[index[field.name]!] ?? "", at);
    if (value === NOTHING) none[field.name] = "none";
    else if (value !== undefined) data[field.name] = value;
  }
  if (Object.keys(none).length) data.sources = none;
  return data;
}

/** How a problem names a table: its kind, its section, and the line naming it when there is one. */
function tableName(label: string, section: string, table: DocumentTable): string {
  const caption = table.captions[0] ?? table.caption;
  const under = caption && caption !== section ? ` under "${caption}"` : "";
  return `the ${labelInSentence(label)} table in "${section || "(start)"}"${under}`;
}

/**
 * The reading of a matched table's rows, to run now or once every other table is read. `headings`
 * are the titles of the table's section and those around it, nearest first.
 */
export function readKindTable(
  draft: SpecDraft,
  match: TableMatch,
  table: DocumentTable,
  place: PlaceOf,
  headings: readonly string[] = [],
): () => void {
  const kind = match.spec.kind as SpecKind;
  const declared = match.spec.table!;
  const cellOf = (row: readonly string[], column: string) => {
    const index = match.columns[column];
    return index === undefined ? "" : (row[index] ?? "").trim();
  };
  const ordinalColumns = new Set(
    declared.columns
      .filter((c) => c.ordinal)
      .map((c) => match.columns["field" in c ? c.field : c.cell])
      .filter((i): i is number => i !== undefined),
  );
  // GFM tables have no line per row in mdast: rows are on consecutive lines after the delimiter.
  const lineOf = (rowIndex: number) => table.line + 2 + rowIndex;
  const columnFields = kindFields(kind)
    .filter((f) => match.columns[f.name] !== undefined)
    .map((f) => f.name);
  return () => {
    let ordinal = 0;
    // Per reason, the rows left out, by what names them (their key cell, else their first cell).
    const leftOut = new Map<string, string[]>();
    const keyField = (specKinds[kind] as { key?: string }).key ?? "name";
    table.rows.forEach((row, rowIndex) => {
      if (row.every((c) => c.trim() === "")) return;
      const line = lineOf(rowIndex);
      // The template's example row says what to write: a gap, never a record (nor a number in the order).
      if (isTemplateRow(row, ordinalColumns)) {
        draft.gaps.push({
          place: place(line),
          kind,
          record: cellOf(row, "name") || (rowText(row, ordinalColumns).split(" | ")[0] ?? ""),
          field: null,
          value: rowText(row, ordinalColumns),
          reason: templateRowReason,
          kept: false,
        });
        return;
      }
      ordinal += 1;
      const at: At = { place: place(line), record: cellOf(row, "name"), draft: draft.records.length };
      const context: RowContext<SpecKind> = {
        kind,
        draft,
        caption: table.caption,
        captions: table.captions,
        headings,
        ordinal,
        cell: (column) => cellOf(row, column),
        has: (column) => match.columns[column] !== undefined,
        read: (options = {}) =>
          readFields(
            draft,
            kind,
            declared,
            match.columns,
            row,
            { ...at, record: options.record ?? at.record },
            options.skip ?? [],
          ),
        // What the table has a column for is stated, even empty; what a hook derived is stated too.
        push: (data) =>
          draft.records.push({
            kind,
            data,
            place: place(line),
            stated: [...new Set([...columnFields, ...Object.keys(data)])],
          }),
        problem: (message) => draft.problems.push({ place: place(line), message }),
        leaveOut: (reason) =>
          leftOut.set(reason, [
            ...(leftOut.get(reason) ?? []),
            cellOf(row, keyField) || at.record || (rowText(row, ordinalColumns).split(" | ")[0] ?? ""),
          ]),
        gap: ({ record, ...gap }) =>
          draft.gaps.push({ place: at.place, kind, record: record ?? at.record, ...gap, draft: at.draft }),
      };
      if (declared.readRow) declared.readRow(context);
      else context.push(context.read());
    });
    // Rows left out for their table's sake: one problem for the table, not one per row.
    for (const [reason, labels] of leftOut) {
      const count = labels.length;
      const named = labels.filter(Boolean);
      const which = named.length
        ? ` (${named.slice(0, 20).join(", ")}${named.length > 20 ? ` and ${named.length - 20} more` : ""})`
        : "";
      const rows =
        count === ordinal
          ? count === 1
            ? `its row${which} was`
            : `its ${count} rows${which} were`
          : `${count} of its ${ordinal} rows${which} were`;
      const at = place(table.line);
      draft.problems.push({
        place: at,
        message: `${tableName(declared.label, at.section, table)}: ${reason}; ${rows} not imported`,
      });
    }
  };
}
