import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import type { ServiceContext } from "@/lib/services/context";
import { applyImport, previewImport, type ImportReport, type UploadedFile } from "@/lib/services/documents/import";
import { ensureDefaultWorkspace } from "@/lib/services/workspaces";
import { confluenceCopyOf, confluenceExportOf, wordCopyOf } from "@/lib/testing/document-copies";
import { specKindIds } from "@/lib/domain/spec/kinds";
import { listDecisions } from "@/lib/services/decisions/read";
import { runEvaluation } from "@/lib/services/governance/evaluation";
import { listFindings } from "@/lib/services/governance/findings";
import { listSpec } from "@/lib/services/spec";
import { createWorkspace } from "@/lib/services/workspaces";
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
      const exported: UploadedFile[] = [
        { name: `${name}.html`, bytes: encoder.encode(confluenceExportOf(file!.text)) },
      ];
      const fromExport = meaning(await previewImport(as(), "default", exported, {}));
      // The export carries the page's title as a heading of its own; everything under it is the same.
      expect({
        ...fromExport,
        records: fromExport.records.filter((r) => r.title !== "Platform : Architecture Specification"),
      }).toEqual(expected);
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

  it("stores what the report counts, and a Word copy gives the same findings as the Markdown", async () => {
    const [file] = loadDocument("half-filled");
    const admin: Actor = { kind: "user", id: "okta|ada", name: "Ada Admin", role: "admin" };
    await createWorkspace({ db: db(), actor: admin, origin: "api" }, { name: "From Word" });
    const fromMarkdown = await applyImport(
      as(),
      "default",
      [{ name: "spec.md", bytes: encoder.encode(file!.text) }],
      {},
    );
    const fromWord = await applyImport(
      as(),
      "from-word",
      [{ name: "spec.docx", bytes: await wordCopyOf(file!.text) }],
      {},
    );
    for (const [slug, report] of [
      ["default", fromMarkdown],
      ["from-word", fromWord],
    ] as const) {
      const stored = Object.fromEntries(
        (await Promise.all(specKindIds.map(async (k) => [k, (await listSpec(as(), slug, k)).length] as const))).filter(
          ([, n]) => n > 0,
        ),
      );
      const { decision = 0, ...records } = report.created;
      expect(stored).toEqual(records);
      expect((await listDecisions(as(), slug, {})).length).toBe(decision);
    }
    const findings = async (slug: string) => {
      await runEvaluation(as(), slug);
      return (await listFindings(as(), slug, { limit: 500 })).items
        .map((f) => `${f.ruleId} ${f.message.replace(/spec\.(md|docx)(, line \d+)?/g, "spec")}`)
        .sort();
    };
    const expected = await findings("default");
    expect(expected.length).toBeGreaterThan(10);
    expect(await findings("from-word")).toEqual(expected);
  });

  it("gives a document with every cell filled no gap finding, whatever its tables leave out", async () => {
    const [file] = loadDocument("complete");
    await applyImport(as(), "default", [{ name: "complete.docx", bytes: await wordCopyOf(file!.text) }], {
      includeOffered: true,
    });
    await runEvaluation(as(), "default");
    const gaps = await listFindings(as(), "default", { category: ["gap"], limit: 200 });
    expect(gaps.items.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
  });

  it("gives a document with 3 placeholders and 4 empty cells exactly those gaps, one finding per record", async () => {
    const [file] = loadDocument("complete");
    const edits: [string, string][] = [
      // Placeholders (N = 3): a CIDR, a cell of an environment, a key system's description.
      ["| hl-vpc-nonprod | eu-central-1 | 10.40.0.0/20 |", "| hl-vpc-nonprod | eu-central-1 | TBD |"],
      ["| TEST | System test | Sandbox | No | CI pipeline |", "| TEST |  | Sandbox | No | TBC |"],
      ["| Salesforce | Customer accounts and cases |", "| Salesforce | [CUSTOMER] accounts and cases |"],
      // Empty cells (M = 4, with TEST's description above): two of one record roll up into one finding.
      ["| DEV | Development | Sandbox | No | Developers |", "| DEV |  | Sandbox | No |  |"],
      ["| SAP S/4HANA | Finance and order management |", "| SAP S/4HANA |  |"],
    ];
    let text = file!.text;
    for (const [from, to] of edits) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    await applyImport(as(), "default", [{ name: "spec.md", bytes: encoder.encode(text) }], { includeOffered: true });
    await runEvaluation(as(), "default");
    const gaps = await listFindings(as(), "default", { category: ["gap"], limit: 200 });
    expect(gaps.items.map((f) => `${f.ruleId} ${f.message}`).sort()).toEqual([
      'GAP-FIELD-EMPTY Environments, "DEV": description and deployed by are empty',
      'GAP-FIELD-EMPTY Environments, "TEST": description is empty',
      'GAP-FIELD-EMPTY Systems, "SAP S/4HANA": description is empty',
      'GAP-PLACEHOLDER Environments, "TEST", Deployed by: "TBC" is a placeholder (TBD marker)',
      'GAP-PLACEHOLDER Systems, "Salesforce", Description: "[CUSTOMER] accounts and cases" is a placeholder (customer placeholder)',
      'GAP-PLACEHOLDER VPCs, "hl-vpc-nonprod", CIDR: "TBD" is a placeholder (TBD marker)',
    ]);
  });

  it("keeps a table it does not model through import, export and import, unchanged", async () => {
    const text = [
      "## 4.2 Environments Model",
      "",
      "| Environment | Description | Classification (vCore) | High Availability? | Deployed By |",
      "|---|---|---|---|---|",
      "| PROD | Production | Production | Yes | CI/CD pipeline |",
      "",
      "## 7.4 Batch Jobs",
      "",
      "Jobs per environment",
      "",
      "| Job | Environment | Schedule |",
      "|---|---|---|",
      "| orders-export | PROD | nightly |",
      "",
    ].join("\n");
    const first = await applyImport(as(), "default", [{ name: "spec.md", bytes: encoder.encode(text) }], {});
    expect(first.keptAsText.map((t) => t.caption)).toEqual(["Jobs per environment"]);
    const { exportSpecMarkdown } = await import("@/lib/services/documents/export");
    const { markdown } = await exportSpecMarkdown(as(), "default");
    expect(markdown).toContain("| orders-export | PROD | nightly |");
    const again = await applyImport(as(), "default", [{ name: "export.md", bytes: encoder.encode(markdown) }], {});
    expect([again.created, again.updated]).toEqual([{}, {}]);
    const word = await applyImport(as(), "default", [{ name: "export.docx", bytes: await wordCopyOf(markdown) }], {});
    expect([word.created, word.updated]).toEqual([{}, {}]);
  });
});
