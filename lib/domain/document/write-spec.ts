// Writes a specification back out as the template's Markdown document: its chapters and section
// titles (outline.ts), every kind's table where its declaration puts it, decisions as `Id |
// Decision | Rationale | Implication`, and the open gaps at the end. What readSpecDocument reads
// back is the same specification (round trip), so the export is also a portable copy of the plan.

import { formatDecisionTable, type ExportableDecision } from "@/lib/domain/decisions/export";
import type { KindTable, TableColumn, WritableRecord, WriteContext } from "@/lib/domain/document/kind-tables";
import { chapterName, outline } from "@/lib/domain/document/outline";
import { kindDocuments } from "@/lib/domain/document/tables";
import type { FieldDef } from "@/lib/domain/spec/fields";
import { kindFields, specKindIds, type SpecKind } from "@/lib/domain/spec/kinds";

export type { WritableRecord } from "@/lib/domain/document/kind-tables";

export type SpecDocumentInput = {
  workspaceName: string;
  records: readonly WritableRecord[];
  decisions: readonly ExportableDecision[];
  /** Open findings of the gap rules, listed at the end. */
  openGaps: readonly { ruleId: string; message: string }[];
  generatedAt: Date;
};

/** Section names the reader skips: they are the export's own, not the specification's. */
export const generatedSectionNames = ["open gaps"] as const;

/** A cell of a GFM table: pipes escaped, line breaks as `<br>` (as the template writes them). */
export function markdownCell(value: string): string {
  return value.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>").trim();
}

/** A field's value as a cell: names for references, labels for choices, Yes/No, lists joined. */
function fieldCell(field: FieldDef, value: unknown, context: WriteContext): string {
  if (value === null || value === undefined) return "";
  if (field.type === "ref") return context.name(value);
  if (field.type === "ref-list") return (value as string[]).map(context.name).join(", ");
  if (field.type === "cidr-list" || field.type === "text-list") return (value as string[]).join(", ");
  if (field.type === "boolean") return value ? "Yes" : "No";
  if (field.type === "enum") return field.options?.find((o) => o.value === value)?.label ?? String(value);
  return String(value);
}

/** One cell of a declared column, by its format, its hook or its field's type. */
function columnCell(column: TableColumn<SpecKind>, record: WritableRecord, context: WriteContext): string {
  if ("cell" in column) return column.write?.(record, context) ?? "";
  const value = record.data[column.field];
  if (column.format?.write) return value === null || value === undefined ? "" : column.format.write(value);
  return fieldCell(
    kindFields(record.kind).find((f) => f.name === column.field)!,
    value,
    context,
  );
}

function markdownTable(table: KindTable<SpecKind>, records: readonly WritableRecord[], context: WriteContext): string {
  const columns = table.columns.filter((c) => c.written !== false);
  const header = `| ${columns.map((c) => c.headers[0]).join(" | ")} |`;
  const rule = `|${columns.map(() => "---").join("|")}|`;
  const rows = records.map((r) => `| ${columns.map((c) => markdownCell(columnCell(c, r, context))).join(" | ")} |`);
  return [header, rule, ...rows].join("\n");
}

/** The blocks the kinds' tables write at one place of the outline, in the registry's order. */
function blocksAt(place: string, context: WriteContext): (string | null)[] {
  return specKindIds.flatMap((kind) =>
    kindDocuments[kind].tables.flatMap((table: KindTable<SpecKind>) => {
      const write = table.write;
      if (write?.place !== place) return [];
      const records = context.of(kind);
      const print = (rows: readonly WritableRecord[]) => markdownTable(table, rows, context);
      const captioned = (caption: string | undefined, rows: readonly WritableRecord[]) =>
        rows.length ? (caption ? `${caption}\n\n${print(rows)}` : print(rows)) : null;
      if (write.block) return [write.block(records, print, context)];
      if (write.groups) return write.groups(records, context).map((g) => captioned(g.caption, g.records));
      return [captioned(write.caption, write.rows?.(records, context) ?? records)];
    }),
  );
}

/** Writes a whole specification as the template's Markdown. */
export function formatSpecDocument(input: SpecDocumentInput): string {
  const byId = new Map(input.records.map((r) => [r.id, r]));
  const of = (kind: SpecKind) => input.records.filter((r) => r.kind === kind);
  const context: WriteContext = {
    byId: (id) => (typeof id === "string" ? byId.get(id) : undefined),
    name: (id) => (typeof id === "string" ? (byId.get(id)?.title ?? "") : ""),
    of,
  };

  const narratives = new Map(of("narrative-section").map((r) => [String(r.data.name).toLowerCase(), r]));
  const placed = new Set<string>();
  const narrative = (sectionName: string): string[] => {
    const record = narratives.get(sectionName.toLowerCase());
    if (!record) return [];
    placed.add(record.id);
    const body =
      String(record.data.body ?? "").trim() || (record.data.notApplicable ? "Not applicable at this stage." : "");
    return body ? [body, ""] : [];
  };

  const out: string[] = [];
  // Sections are numbered as written: one the specification has nothing for leaves no hole.
  let chapter = "";
  let subsection = 0;
  const heading = (level: number, text: string) => {
    if (level === 1) {
      chapter = /^(\d+)\./.exec(text)?.[1] ?? "";
      subsection = 0;
    }
    out.push(`${"#".repeat(level)} ${text}`, "");
  };
  const block = (text: string) => out.push(text, "");
  const section = (name: string, content: readonly (string | null)[]) => {
    const own = narrative(name);
    const parts = content.filter((c): c is string => !!c);
    if (!own.length && !parts.length) return;
    subsection += 1;
    heading(2, chapter ? `${chapter}.${subsection} ${name}` : name);
    out.push(...own);
    for (const part of parts) block(part);
  };

  heading(1, `${input.workspaceName}: Integration Architecture Specification`);
  out.push(
    `<!-- Generated by the Anypoint Governance Portal on ${input.generatedAt.toISOString().slice(0, 10)} -->`,
    "",
  );
  for (const part of outline) {
    heading(1, part.title);
    const name = chapterName(part.title);
    out.push(...narrative(name));
    if ("decisions" in part) block(formatDecisionTable(input.decisions).trimEnd());
    for (const text of blocksAt(name, context)) if (text) block(text);
    for (const sectionName of part.sections) section(sectionName, blocksAt(sectionName, context));
  }
  // Narrative sections the template has no place for, in the order they were written.
  const others = of("narrative-section").filter((r) => !placed.has(r.id));
  others.forEach((record) => section(String(record.data.name), []));

  if (input.openGaps.length) {
    heading(1, "Open gaps");
    block(input.openGaps.map((g) => `- ${g.message.replace(/\n/g, " ")} (${g.ruleId})`).join("\n"));
  }
  return `${out.join("\n").trimEnd()}\n`;
}
