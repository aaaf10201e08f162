// The tables of the architecture specification template (shared/reference/spec-template.md),
// assembled from each kind's declaration (lib/domain/document/tables/) and recognised by their
// column headers. Header alternatives are compared normalised (case and punctuation ignored),
// exact first, then by prefix ("Role (e.g. Internal)" is "Role").

import type { KindDocuments, KindTable } from "@/lib/domain/document/kind-tables";
import { matchColumns, normaliseHeader, type ColumnSpec, type DocumentTable } from "@/lib/domain/document/markdown";
import { applicationTables } from "@/lib/domain/document/tables/applications";
import { capabilityTables } from "@/lib/domain/document/tables/capabilities";
import { contextTables } from "@/lib/domain/document/tables/context";
import { narrativeTables } from "@/lib/domain/document/tables/narrative";
import { operationsTables } from "@/lib/domain/document/tables/operations";
import { platformTables } from "@/lib/domain/document/tables/platform";
import { resilienceTables } from "@/lib/domain/document/tables/resilience";
import { sdlcTables } from "@/lib/domain/document/tables/sdlc";
import { securityTables } from "@/lib/domain/document/tables/security";
import { specKindIds, specKinds, type SpecKind } from "@/lib/domain/spec/kinds";

/** How every kind appears in the document; a kind without an entry fails the build. */
export const kindDocuments: KindDocuments<SpecKind> = {
  ...platformTables,
  ...applicationTables,
  ...contextTables,
  ...securityTables,
  ...capabilityTables,
  ...resilienceTables,
  ...operationsTables,
  ...sdlcTables,
  ...narrativeTables,
};

/** A table of the template: what it holds, the sections it sits in, and its columns. */
export type TableSpec = {
  id: string;
  kind: SpecKind | "decision";
  /** What the report calls it. */
  label: string;
  /** Normalised names of the sections it usually sits in. */
  sections: readonly string[];
  columns: readonly ColumnSpec[];
  /** The kind's declaration (absent for the decisions table, which holds no records). */
  table?: KindTable<SpecKind>;
};

/** The decisions table: `Id | Decision | Rationale | Implication`. */
const decisionsTable: TableSpec = {
  id: "decisions",
  kind: "decision",
  label: "Architecture decisions",
  sections: ["architecture decisions", "decisions", "architecture decision log"],
  columns: [
    { field: "id", headers: ["Id", "Decision id", "#", "No"], required: true },
    { field: "decision", headers: ["Decision"], required: true },
    { field: "rationale", headers: ["Rationale"], required: false },
    { field: "implications", headers: ["Implication", "Implications", "Consequences"], required: false },
  ],
};

/** Every kind's tables in the registry's order, with the key each column is matched under. */
export const tableSpecs: readonly TableSpec[] = [
  decisionsTable,
  ...specKindIds.flatMap((kind) =>
    kindDocuments[kind].tables.map((table: KindTable<SpecKind>): TableSpec => ({
      id: table.id,
      kind,
      label: table.label,
      sections: table.sections,
      columns: table.columns.map((c) => ({
        field: "field" in c ? c.field : c.cell,
        headers: c.headers,
        required: c.required ?? false,
        exact: c.exact ?? false,
      })),
      table,
    })),
  ),
];

// Headers that say little on their own: a table matched only through them needs its section to agree.
const generic = new Set(["name", "description", "id", "detail", "details", "notes", "environment", "environments"]);

/**
 * Whether a table is about the spec's records: its key column (the record's name) is there, and
 * when that column says little ("Environment", "Name"), no column of its own comes before it. A
 * messaging table `Queue | Environment | TTL` names queues, not environments.
 */
function coversKey(spec: TableSpec, columns: Record<string, number>, table: DocumentTable): boolean {
  if (spec.kind === "decision") return true;
  const key = (specKinds[spec.kind] as { key?: string }).key;
  if (!key) return true;
  const index = columns[key];
  // A kind whose tables may leave the name out derives it (an alert from its source and condition).
  if (index === undefined) return !spec.columns.some((c) => c.field === key && c.required);
  if (!generic.has(normaliseHeader(table.headers[index] ?? ""))) return true;
  const claimed = new Set(Object.values(columns));
  for (let i = 0; i < index; i += 1) {
    const header = (table.headers[i] ?? "").trim();
    // A row number ("#", "#.#", "No") is not a subject of its own.
    if (!claimed.has(i) && header && !/^(#|#\.#|no\.?|nr\.?|\d+)$/i.test(header)) return false;
  }
  return true;
}

/** A table matched to a spec: the spec and which column holds each field. */
export type TableMatch = { spec: TableSpec; columns: Record<string, number> };

/** A table that looks like a spec's but misses a required column. */
export type TableMiss = { spec: TableSpec; missing: string[] };

/**
 * Finds the spec a table is: every required column present, and either its section is one the
 * spec sits in or it has at least two recognised columns of which one is distinctive. Among
 * several, the one with the most recognised columns (the section breaks ties).
 */
export function recogniseTable(table: DocumentTable, section: string): TableMatch | TableMiss | null {
  const inSection = (spec: TableSpec) => spec.sections.includes(normaliseHeader(section));
  let best: (TableMatch & { score: number }) | null = null;
  for (const spec of tableSpecs) {
    const columns = matchColumns(table, spec.columns);
    if (!columns) continue;
    const matched = Object.values(columns);
    if (!coversKey(spec, columns, table)) continue;
    const distinctive = matched.filter((i) => !generic.has(normaliseHeader(table.headers[i] ?? ""))).length;
    if (!inSection(spec) && !(matched.length >= 2 && distinctive >= 1)) continue;
    const score = matched.length + (inSection(spec) ? 0.5 : 0);
    if (!best || score > best.score) best = { spec, columns, score };
  }
  if (best) return { spec: best.spec, columns: best.columns };
  // In a section that should hold one of these tables, say which columns are missing.
  for (const spec of tableSpecs.filter(inSection)) {
    const found =
      matchColumns(
        table,
        spec.columns.map((c) => ({ ...c, required: false })),
      ) ?? {};
    const missing = spec.columns.filter((c) => c.required && found[c.field] === undefined).map((c) => c.headers[0]!);
    if (Object.keys(found).length > 0 && missing.length > 0) return { spec, missing };
  }
  return null;
}
