// Random template-shaped documents, as Markdown and as Word: the importer never throws, and no row
// of a table it recognises disappears: each named row is a record, or a gap or problem names it.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planImport, type ImportPlan } from "@/lib/domain/document/plan";
import { readSpecDocument, type SpecDraft } from "@/lib/domain/document/read-spec";
import { tableSpecs } from "@/lib/domain/document/tables";
import { specKinds, type SpecKind } from "@/lib/domain/spec/kinds";
import { docxToMarkdown } from "@/lib/services/documents/word";
import { wordCopyOf } from "@/lib/testing/document-copies";

// Tables whose rows are records named by a column: the ones whose rows can be looked for by name.
const named = tableSpecs.filter((t) => {
  if (t.kind === "decision" || !t.sections.length) return false;
  const key = (specKinds[t.kind as SpecKind] as { key?: string }).key;
  return !!key && t.columns.some((c) => c.field === key);
});

const titleCase = (words: string) => words.replace(/\b[a-z]/g, (c) => c.toUpperCase());
const cellValue = fc.oneof(
  fc.constantFrom("", "TBD", "TODO", "<Describe it>", "[CUSTOMER]", "Yes", "No", "10.0.0.0/16", "8091-8092", "x.x.x.x"),
  fc.constantFrom("DEV", "PROD", "eu-central-1", "Production", "Sandbox", "Static", "Internal", "https"),
  fc.string({ maxLength: 24 }).map((s) => s.replace(/[|\n\r\\`<>*_[\]#]/g, " ")),
);
const nameValue = fc.stringMatching(/^[a-z][a-z0-9]{2,10}-[a-z0-9]{2,8}$/);

type GeneratedTable = { spec: (typeof named)[number]; headers: string[]; keyIndex: number; rows: string[][] };

const tableArbitrary: fc.Arbitrary<GeneratedTable> = fc.constantFrom(...named).chain((spec) => {
  const key = (specKinds[spec.kind as SpecKind] as { key: string }).key;
  const optional = spec.columns.filter((c) => !c.required && c.field !== key);
  return fc.subarray(optional).chain((extra) => {
    const columns = spec.columns.filter((c) => c.required || c.field === key || extra.includes(c));
    const keyIndex = columns.findIndex((c) => c.field === key);
    return fc
      .array(fc.tuple(nameValue, fc.array(cellValue, { minLength: columns.length, maxLength: columns.length })), {
        minLength: 1,
        maxLength: 6,
      })
      .map((rows) => ({
        spec,
        headers: columns.map((c) => c.headers[0]!),
        keyIndex,
        rows: rows.map(([name, cells]) => cells.map((cell, i) => (i === keyIndex ? name : cell))),
      }));
  });
});

const documentArbitrary = fc.array(tableArbitrary, { minLength: 1, maxLength: 5 }).map((tables) => ({
  tables,
  markdown: tables
    .map(
      (t, i) =>
        `## ${i + 1}. ${titleCase(t.spec.sections[0]!)}\n\n| ${t.headers.join(" | ")} |\n|${t.headers.map(() => "---").join("|")}|\n${t.rows
          .map((r) => `| ${r.join(" | ")} |`)
          .join("\n")}\n`,
    )
    .join("\n"),
}));

/**
 * Every named row of the document is a record of its kind, or a gap, problem or skipped record of
 * the plan names it, or the preview's merges do ("abc-dev" made one record with "abc"); a table kept
 * only as narrative text would not count.
 */
function expectEveryRowAccountedFor(tables: GeneratedTable[], draft: SpecDraft, plan: ImportPlan, text: string) {
  const reported = JSON.stringify([plan.gaps, plan.problems, plan.skipped, draft.merged]).toLowerCase();
  for (const table of tables)
    for (const row of table.rows) {
      const name = row[table.keyIndex]!;
      const stored = plan.records.some((r) => r.kind === table.spec.kind && r.title.toLowerCase() === name);
      expect(stored || reported.includes(name), `${table.spec.id}: ${row.join(" | ")} in\n${text}`).toBe(true);
    }
}

describe("importing random template-shaped documents", () => {
  it("never throws on Markdown, and accounts for every named row", () => {
    fc.assert(
      fc.property(documentArbitrary, ({ tables, markdown }) => {
        const draft = readSpecDocument([{ name: "random.md", text: markdown }]);
        const plan = planImport(draft, [], [], { includeOffered: true, newId: randomUUID });
        expectEveryRowAccountedFor(tables, draft, plan, markdown);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on the same documents as Word files, and accounts for every named row", async () => {
    await fc.assert(
      fc.asyncProperty(documentArbitrary, async ({ tables, markdown }) => {
        const text = await docxToMarkdown(await wordCopyOf(markdown));
        const draft = readSpecDocument([{ name: "random.docx", text }]);
        const plan = planImport(draft, [], [], { includeOffered: true, newId: randomUUID });
        expectEveryRowAccountedFor(tables, draft, plan, text);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
