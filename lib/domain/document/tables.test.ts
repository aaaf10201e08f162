import { describe, expect, it } from "vitest";
import type { DocumentTable } from "@/lib/domain/document/markdown";
import { kindDocuments, recogniseTable, tableSpecs } from "@/lib/domain/document/tables";
import { kindFields, specKindIds } from "@/lib/domain/spec/kinds";

const headed = (headers: string[]): DocumentTable => ({
  headers,
  rows: [],
  markdown: [],
  caption: "",
  captions: [],
  line: 1,
});

describe("the kinds' table declarations", () => {
  it("declare every kind, and table ids once", () => {
    expect(Object.keys(kindDocuments).sort()).toEqual([...specKindIds].sort());
    const ids = tableSpecs.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("read back every table the writer prints, from its printed headers in the section it is printed in", () => {
    for (const spec of tableSpecs) {
      const write = spec.table?.write;
      if (!write) continue;
      const printed = spec.table!.columns.filter((c) => c.written !== false).map((c) => c.headers[0]);
      const match = recogniseTable(headed(printed), write.place);
      expect(match && "columns" in match ? match.spec.id : null, spec.id).toBe(spec.id);
    }
  });

  // A field the completeness figure and GAP-FIELD-EMPTY count, but no table reads, would be reported
  // empty after every import of a filled document (issue 29): counted fields need a column.
  it("read every required or tracked field from a column, or from a cell its hook reads", () => {
    const throughCells: Record<string, string[]> = { "firewall-rule": ["fromPort", "toPort"] };
    for (const kind of specKindIds) {
      if (kind === "narrative-section") continue; // the text of its section, not a table
      const read = new Set(
        kindDocuments[kind].tables.flatMap((t) => t.columns.flatMap((c) => ("field" in c ? [c.field as string] : []))),
      );
      const unread = kindFields(kind)
        .filter((f) => (f.required || f.tracked) && !read.has(f.name) && !throughCells[kind]?.includes(f.name))
        .map((f) => f.name);
      expect(unread, kind).toEqual([]);
    }
  });
});
