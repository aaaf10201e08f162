import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import type { ServiceContext } from "@/lib/services/context";
import { applyImport, previewImport, type ImportReport, type UploadedFile } from "@/lib/services/documents/import";
import { ensureDefaultWorkspace } from "@/lib/services/workspaces";
import { confluenceCopyOf, wordCopyOf } from "@/lib/testing/document-copies";
import { loadDocument } from "@/lib/testing/documents";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const archie: Actor = { kind: "user", id: "okta|archie", name: "Archie Architect", role: "architect" };
const encoder = new TextEncoder();

/** What a report says, without where in which file (line numbers differ between forms). */
const meaning = (report: ImportReport) => ({
  created: report.created,
  updated: report.updated,
  unchanged: report.unchanged,
  records: report.records.map(({ place, ...r }) => ({ ...r, section: place.section })),
  decisions: report.decisions,
  gaps: report.gaps.map(({ place, ...g }) => ({ ...g, section: place.section })),
  problems: report.problems.map((p) => ({
    section: p.place.section,
    message: p.message.replace(/^\S+\.(md|docx|xml) /, ""),
  })),
  skipped: report.skipped.length,
});

describe(`Word and Confluence documents on ${testEngine}`, () => {
  const db = useTestDatabase();
  const as = (): ServiceContext => ({ db: db(), actor: archie, origin: "api" });
  beforeEach(async () => {
    await ensureDefaultWorkspace(db());
  });

  for (const name of ["complete", "half-filled"] as const) {
    it(`reads the Word and the Confluence copy of the ${name} document as it reads the Markdown`, async () => {
      const [file] = loadDocument(name);
      const markdown: UploadedFile[] = [{ name: `${name}.md`, bytes: encoder.encode(file!.text) }];
      const word: UploadedFile[] = [{ name: `${name}.docx`, bytes: await wordCopyOf(file!.text) }];
      const confluence: UploadedFile[] = [{ name: `${name}.xml`, bytes: encoder.encode(confluenceCopyOf(file!.text)) }];
      const expected = meaning(await previewImport(as(), "default", markdown, {}));
      expect(Object.values(expected.created).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
      expect(meaning(await previewImport(as(), "default", word, {}))).toEqual(expected);
      expect(meaning(await previewImport(as(), "default", confluence, {}))).toEqual(expected);
    });
  }

  it("applies a Word document, and the same document again changes nothing", async () => {
    const [file] = loadDocument("complete");
    const word: UploadedFile[] = [{ name: "spec.docx", bytes: await wordCopyOf(file!.text) }];
    const first = await applyImport(as(), "default", word, {});
    expect(first.created).toMatchObject({ vpc: 2, environment: 3, decision: 2, "mapping-rule": 3 });
    const again = await applyImport(as(), "default", word, {});
    expect(again.created).toEqual({});
    expect(again.updated).toEqual({});
  });
});
