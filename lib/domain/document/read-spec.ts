// Reads a filled-in (or half-filled) architecture specification document into draft records:
// every table of the template to its kind (as the kind's declaration in lib/domain/document/tables/
// says), bullets to the kinds that list them, the rest to narrative sections; every placeholder
// and empty required cell becomes a gap with its place.

import type { DocumentFile, Place, PlaceOf, SpecDraft } from "@/lib/domain/document/draft";
import { normaliseHeader, parseDocument, type DocumentSection } from "@/lib/domain/document/markdown";
import { readDecisions } from "@/lib/domain/document/read-decisions";
import { readKindTable } from "@/lib/domain/document/read-table";
import { kindDocuments, recogniseTable } from "@/lib/domain/document/tables";
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
export function readSpecDocument(files: readonly DocumentFile[]): SpecDraft {
  const draft: SpecDraft = { records: [], decisions: [], offered: [], gaps: [], problems: [] };
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
        if (!match) return;
        if (!("columns" in match)) {
          draft.problems.push({
            place: place(table.line),
            message: `the ${match.spec.label.toLowerCase()} table has no ${match.missing.map((m) => `"${m}"`).join(", ")} column (found: ${table.headers.join(", ")}); its rows were not imported`,
          });
          return;
        }
        consumed.add(blockIndex);
        // The short line right above a table names it ("External DLB Mapping Rules"): not narrative.
        const above = section.blocks[blockIndex - 1];
        if (above?.type === "other" && isCaption(above.markdown)) consumed.add(blockIndex - 1);
        if (!match.spec.table) return readDecisions(draft, match, table, place);
        const rows = readKindTable(draft, match, table, place);
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
  return draft;
}

/** A line naming the table below it: short, one line, not a sentence. */
const isCaption = (markdown: string) => {
  const text = markdown.trim();
  return text.length > 0 && text.length <= 100 && !text.includes("\n") && !/[.!?:]$/.test(text);
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
  const body = section.blocks
    .filter((b, i) => !consumed.has(i) && !/^<!--[\s\S]*-->$/.test(b.markdown.trim()))
    .map((b) => b.markdown.trim())
    .filter(Boolean)
    .join("\n\n");
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
