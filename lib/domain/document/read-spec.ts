// Reads a filled-in (or half-filled) architecture specification document into draft records:
// every table of the template to its kind (as the kind's declaration in lib/domain/document/tables/
// says), bullets to the kinds that list them, the rest to narrative sections; every placeholder
// and empty required cell becomes a gap with its place.

import type { DocumentFile, Place, PlaceOf, SpecDraft } from "@/lib/domain/document/draft";
import {
  normaliseHeader,
  parseDocument,
  type DocumentSection,
  type DocumentTable,
} from "@/lib/domain/document/markdown";
import { askSameThings, type SameThingAnswer } from "@/lib/domain/document/merge-questions";
import { mergeRecords } from "@/lib/domain/document/merge-records";
import { readDecisions } from "@/lib/domain/document/read-decisions";
import { readKindTable } from "@/lib/domain/document/read-table";
import { kindDocuments, recogniseTable } from "@/lib/domain/document/tables";
import { isTemplateRow, rowText, templateRowReason } from "@/lib/domain/document/template-rows";
import { generatedSectionNames } from "@/lib/domain/document/write-spec";
import { specKindIds } from "@/lib/domain/spec/kinds";
import { findPlaceholders, isPlaceholder } from "@/lib/domain/spec/placeholders";

export type {
  DocumentFile,
  DraftDecision,
  DraftRecord,
  ImportGap,
  ImportProblem,
  Place,
  SpecDraft,
} from "@/lib/domain/document/draft";

const sectionIs = (section: DocumentSection, names: readonly string[]) =>
  names.includes(normaliseHeader(section.name)) || section.path.some((p) => names.includes(normaliseHeader(p)));

/** Reads one or more files of a specification document (chapter files in the order given). */
export function readSpecDocument(
  files: readonly DocumentFile[],
  options: { answers?: readonly SameThingAnswer[] } = {},
): SpecDraft {
  const draft: SpecDraft = { records: [], decisions: [], offered: [], gaps: [], problems: [], keptAsText: [] };
  const deferred: (() => void)[] = [];
  const narrativeNames = new Set<string>();

  for (const file of files) {
    const sections = parseDocument(file.text);
    for (const section of sections) {
      const place = (line: number): Place => ({ file: file.name, line, section: section.title || "(start)" });
      const consumed = new Set<number>(); // indices into section.blocks
      section.tables.forEach((table, index) => {
        const blockIndex = section.blocks.findIndex((b) => b.type === "table" && b.table === index);
        const match = recogniseTable(table, section.name);
        // Not a table of the template: it stays in its section's narrative, cells and all, and the
        // report says so (rather than reading it as something it is not).
        if (!match) {
          draft.keptAsText.push({
            place: place(table.line),
            caption: table.captions?.[0] ?? table.caption ?? "",
            headers: table.headers,
            rows: table.rows.length,
          });
          return;
        }
        if (!("columns" in match)) {
          draft.problems.push({
            place: place(table.line),
            message: `the ${match.spec.label.toLowerCase()} table has no ${match.missing.map((m) => `"${m}"`).join(", ")} column (found: ${table.headers.join(", ")}); its rows were not imported`,
          });
          return;
        }
        consumed.add(blockIndex);
        // The short lines right above a table name it ("External DLB Mapping Rules", perhaps above an
        // instruction line): not narrative. A sentence among them stays narrative.
        for (let i = blockIndex - 1; i >= 0; i -= 1) {
          const above = section.blocks[i]!;
          if (above.type !== "other" || !isShortLine(above.markdown)) break;
          if (isCaption(above.markdown)) consumed.add(i);
        }
        if (!match.spec.table) return readDecisions(draft, match, table, place);
        const headings = [section.title, ...[...section.path].reverse()].filter(Boolean);
        const rows = readKindTable(draft, match, table, place, headings);
        if (match.spec.table.deferred) deferred.push(rows);
        else rows();
      });

      for (const kind of specKindIds) {
        const list = kindDocuments[kind].list;
        if (!list || !sectionIs(section, list.sections) || (list.withoutTables && section.tables.length > 0)) continue;
        if (list.read(draft, section, place)) section.blocks.forEach((b, i) => b.type === "list" && consumed.add(i));
      }
      readNarrative(draft, section, consumed, narrativeNames, place);
    }
  }
  // Tables whose rows name their load balancer by role: read once all DLBs are known.
  for (const rows of deferred) rows();
  offerConventions(draft);
  // Keys starting with "__" are the reader's notes between rows (a team's number), not data.
  for (const record of draft.records)
    for (const key of Object.keys(record.data)) if (key.startsWith("__")) delete record.data[key];
  // A system in Key Systems and again in the Backend Systems Catalog is one record (decision 0021).
  // Names a person said are one thing are merged; close names nobody answered for are asked about.
  const answers = options.answers ?? [];
  const merged = mergeRecords(draft, { same: answers.filter((a) => a.same) });
  return { ...merged, questions: askSameThings(merged, answers) };
}

/** One short line of text (a caption or an instruction above a table). */
const isShortLine = (markdown: string) => {
  const text = markdown.trim();
  return text.length > 0 && text.length <= 160 && !text.includes("\n");
};

/** A line naming the table below it: short, one line, not a sentence. */
const isCaption = (markdown: string) => {
  const text = markdown.trim();
  return isShortLine(text) && text.length <= 100 && !/[.!?:]$/.test(text);
};

const notApplicable = /^\s*_?not applicable( at this stage)?\.?_?\s*$/i;
const skippedSections = new Set([
  "table of contents",
  "contents",
  "document history",
  "revision history",
  ...generatedSectionNames,
]);

/** What no table or list took stays a narrative section, its Markdown kept as written. */
function readNarrative(
  draft: SpecDraft,
  section: DocumentSection,
  consumed: Set<number>,
  names: Set<string>,
  place: PlaceOf,
): void {
  if (skippedSections.has(normaliseHeader(section.name))) return;
  const templateRows: { line: number; value: string }[] = [];
  const body = section.blocks
    .filter((b, i) => !consumed.has(i) && !/^<!--[\s\S]*-->$/.test(b.markdown.trim()))
    .map((b) =>
      b.type === "table" ? withoutTemplateRows(b.markdown, section.tables[b.table!], templateRows) : b.markdown,
    )
    .map((markdown) => markdown.trim())
    .filter(Boolean)
    .join("\n\n");
  // The template's example rows of a table no kind holds are gaps too, not narrative.
  for (const row of templateRows)
    draft.gaps.push({
      place: place(row.line),
      kind: "narrative-section",
      record: section.name || "Introduction",
      field: null,
      value: row.value,
      reason: templateRowReason,
      kept: false,
    });
  if (!body) return;
  let name = section.name || "Introduction";
  if (names.has(name.toLowerCase())) {
    const parent = section.path.at(-1);
    name = parent ? `${name} (${parent.replace(/^\s*[\d.]+\s*/, "")})` : name;
    for (let n = 2; names.has(name.toLowerCase()); n += 1) name = `${section.name} ${n}`;
  }
  names.add(name.toLowerCase());
  const index = draft.records.length;
  const decided = notApplicable.test(body);
  draft.records.push({
    kind: "narrative-section",
    data: { name: name.slice(0, 500), body, notApplicable: decided },
    place: place(section.line),
  });
  if (decided) return;
  const lines = body.split("\n");
  lines.forEach((line, i) => {
    const found = findPlaceholders(line.replace(/`[^`\n]*`/g, ""));
    if (found.length)
      draft.gaps.push({
        place: place(section.line + 1 + i),
        kind: "narrative-section",
        record: name,
        field: "body",
        value: line.trim().slice(0, 200),
        reason: found.join(", "),
        kept: true,
        draft: index,
      });
  });
}

// Columns that number the rows ("#", "No", "Id") of a table no kind declares.
const numberingHeaders = new Set(["", "no", "nr", "id", "number"]);

/**
 * A narrative table's Markdown without the template's example rows (noted in `dropped`); nothing
 * at all when every row is one. Left as written when its rows are not one per line.
 */
function withoutTemplateRows(
  markdown: string,
  table: DocumentTable | undefined,
  dropped: { line: number; value: string }[],
): string {
  const lines = markdown.trim().split("\n");
  if (!table || lines.length !== table.rows.length + 2) return markdown;
  const ordinal = new Set(table.headers.flatMap((h, i) => (numberingHeaders.has(normaliseHeader(h)) ? [i] : [])));
  const template = new Set(table.rows.flatMap((row, i) => (isTemplateRow(row, ordinal) ? [i] : [])));
  if (!template.size) return markdown;
  for (const i of template) dropped.push({ line: table.line + 2 + i, value: rowText(table.rows[i]!, ordinal) });
  if (template.size === table.rows.length) return "";
  return lines.filter((_, i) => i < 2 || !template.has(i - 2)).join("\n");
}

/**
 * The target-app patterns of the mapping rules are the estate's application naming convention
 * (spec-template.md): each distinct one is offered as a convention the user may take.
 */
function offerConventions(draft: SpecDraft): void {
  const seen = new Set<string>();
  for (const rule of draft.records.filter((r) => r.kind === "mapping-rule")) {
    const target = String(rule.data.targetApp ?? "").trim();
    if (!target.includes("{") || isPlaceholder(target) || seen.has(target)) continue;
    seen.add(target);
    if (draft.records.some((r) => r.kind === "naming-convention" && r.data.pattern === target)) continue;
    draft.offered.push({
      kind: "naming-convention",
      data: {
        name: `Application names (${rule.data.loadBalancer ?? "DLB"} target ${seen.size})`.slice(0, 120),
        resourceKind: "application",
        pattern: target,
        description: `Offered from the target app of the mapping rule for ${String(rule.data.inputPath)}`,
      },
      place: rule.place,
    });
  }
}
