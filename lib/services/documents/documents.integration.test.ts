import { zipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import { listAuditEvents } from "@/lib/services/audit";
import type { ServiceContext } from "@/lib/services/context";
import { getDecision, listDecisions } from "@/lib/services/decisions/read";
import { reviewDecision } from "@/lib/services/decisions/reviews";
import { transitionDecision } from "@/lib/services/decisions/transition";
import { createDecision } from "@/lib/services/decisions/write";
import { rememberReferenceAliases } from "@/lib/db/reference-alias-repository";
import { upsertUserAtSignIn } from "@/lib/db/user-repository";
import { exportWorkspaceBackup, restoreWorkspace } from "@/lib/services/documents/backup";
import { exportSpecHtml, exportSpecMarkdown, exportSpecPdf } from "@/lib/services/documents/export";
import { applyImport, listDocumentImports, previewImport, type UploadedFile } from "@/lib/services/documents/import";
import { specKindIds } from "@/lib/domain/spec/kinds";
import { ServiceError } from "@/lib/services/errors";
import { runEvaluation } from "@/lib/services/governance/evaluation";
import { listFindings } from "@/lib/services/governance/findings";
import { decideWaiver, requestWaiver } from "@/lib/services/governance/waivers";
import { getSpecOverview, listSpec, updateSpecRecord } from "@/lib/services/spec";
import { createWorkspace, ensureDefaultWorkspace, getWorkspace, listWorkspaces } from "@/lib/services/workspaces";
import { loadDocument, pdfText } from "@/lib/testing/documents";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const archie: Actor = { kind: "user", id: "okta|archie", name: "Archie Architect", role: "architect" };
const ada: Actor = { kind: "user", id: "okta|ada", name: "Ada Admin", role: "admin" };
const della: Actor = { kind: "user", id: "okta|della", name: "Della Delivery", role: "delivery_lead" };
const vic: Actor = { kind: "user", id: "okta|vic", name: "Vic Viewer", role: "viewer" };
const encoder = new TextEncoder();
const upload = (name: "complete" | "half-filled" | "chapters"): UploadedFile[] =>
  loadDocument(name).map((f) => ({ name: f.name, bytes: encoder.encode(f.text) }));

const failure = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("expected a ServiceError");
};

describe(`document import on ${testEngine}`, () => {
  const db = useTestDatabase();
  const as = (actor: Actor = archie): ServiceContext => ({ db: db(), actor, origin: "api" });
  beforeEach(async () => {
    await ensureDefaultWorkspace(db());
  });

  it("previews without writing, then applies in one step with an audit event per record", async () => {
    const preview = await previewImport(as(), "default", upload("complete"), {});
    expect(preview.applied).toBe(false);
    expect(preview.created).toMatchObject({ vpc: 2, environment: 3, decision: 2, "mapping-rule": 3 });
    expect((await getSpecOverview(as(), "default")).totals.records).toBe(0);

    const applied = await applyImport(as(), "default", upload("complete"), { expect: preview.digest });
    expect(applied.applied).toBe(true);
    expect(applied.created).toEqual(preview.created);
    const vpcs = await listSpec(as(), "default", "vpc");
    expect(vpcs.map((v) => v.title).sort()).toEqual(["hl-vpc-nonprod", "hl-vpc-prod"]);
    const decisions = await listDecisions(as(), "default", {});
    expect(decisions.map((d) => [d.number, d.status])).toEqual([
      ["D01", "proposed"],
      ["D02", "proposed"],
    ]);
    const records = Object.values(applied.created).reduce((a, b) => a + b, 0);
    const audit = await listAuditEvents(as(), "default", { limit: 200 });
    const creates = audit.items.filter((e) => e.action === "spec.create" || e.action === "decision.create");
    expect(creates).toHaveLength(records);
    expect(audit.items.filter((e) => e.action === "document.import")).toHaveLength(1);
  });

  it("changes nothing when the same document is applied twice", async () => {
    await applyImport(as(), "default", upload("complete"), { includeOffered: true });
    const before = (await getSpecOverview(as(), "default")).totals.records;
    const again = await applyImport(as(), "default", upload("complete"), { includeOffered: true });
    expect(again.created).toEqual({});
    expect(again.updated).toEqual({});
    expect(again.unchanged).toBe(before + 2);
    expect((await getSpecOverview(as(), "default")).totals.records).toBe(before);
  });

  it("updates records by name field by field, and the chapter files read like the single file", async () => {
    await applyImport(as(), "default", upload("complete"), {});
    const prod = (await listSpec(as(), "default", "environment")).find((e) => e.title === "PROD")!;
    await updateSpecRecord(as(), "default", "environment", prod.id, {
      version: prod.version,
      data: { ...prod.data, deployedBy: "Ops", minimumRuntime: "4.6.0" },
    });
    const zip = zipSync(
      Object.fromEntries(loadDocument("chapters").map((f) => [`spec/${f.name}`, encoder.encode(f.text)])),
    );
    const preview = await previewImport(as(), "default", [{ name: "spec.zip", bytes: zip }], {});
    // The chapter files have no title page: one narrative section fewer, nothing else new.
    expect(preview.created).toEqual({});
    expect(preview.updated).toEqual({ environment: 1 });
    expect(preview.records.find((r) => r.action === "update")!.changes).toEqual([
      { field: "deployedBy", label: "Deployed by", from: "Ops", to: "Release team" },
    ]);
    await applyImport(as(), "default", [{ name: "spec.zip", bytes: zip }], {});
    const after = (await listSpec(as(), "default", "environment")).find((e) => e.title === "PROD")!;
    expect(after.data).toMatchObject({ deployedBy: "Release team", minimumRuntime: "4.6.0" });
  });

  it("imports the rest of a half-filled document, or nothing when asked to abort on problems", async () => {
    const refused = await failure(applyImport(as(), "default", upload("half-filled"), { onProblems: "abort" }));
    expect(refused.status).toBe(422);
    expect(refused.message).toMatch(/^Nothing was imported: \d+ part\(s\)/);
    expect((await getSpecOverview(as(), "default")).totals.records).toBe(0);

    const applied = await applyImport(as(), "default", upload("half-filled"), { onProblems: "skip" });
    expect(applied.created.vpc).toBe(1);
    const [run] = await listDocumentImports(as(), "default");
    expect(run!.openGaps.map((g) => `${g.kind} ${g.field ?? "-"}`)).toContain("decision -");
    expect(run!.problems.length).toBe(applied.problems.length);

    // The gaps show among the findings: kept placeholders through the records, the rest through the import.
    await runEvaluation(as(), "default");
    const findings = await listFindings(as(), "default", { category: ["gap"], limit: 200 });
    const byRule = (id: string) => findings.items.filter((f) => f.ruleId === id).map((f) => f.message);
    expect(byRule("GAP-IMPORTED")).toEqual(
      expect.arrayContaining([
        expect.stringContaining("the decisions table holds only the template's example row"),
        expect.stringContaining('Environment "PROD" was not imported'),
      ]),
    );
    expect(byRule("GAP-PLACEHOLDER")).toEqual(expect.arrayContaining([expect.stringContaining('"x.x.x.x"')]));
  });

  it("refuses applying a plan other than the one previewed", async () => {
    const preview = await previewImport(as(), "default", upload("complete"), {});
    await applyImport(as(), "default", upload("half-filled"), {});
    const outdated = await failure(applyImport(as(), "default", upload("complete"), { expect: preview.digest }));
    expect([outdated.status, outdated.code]).toEqual([409, "preview_outdated"]);
  });

  it("reports bad uploads clearly and writes nothing", async () => {
    const big = await failure(
      previewImport(as(), "default", [{ name: "huge.md", bytes: new Uint8Array(50 * 1024 * 1024) }], {}),
    );
    expect([big.status, big.message]).toEqual([
      413,
      expect.stringMatching(/is 50\.0 MB; a specification document is at most 10\.0 MB/),
    ]);
    const binary = await failure(
      previewImport(as(), "default", [{ name: "logo.png", bytes: new Uint8Array([137, 80, 78, 71, 0, 1]) }], {}),
    );
    expect(binary.status).toBe(400);
    expect(JSON.stringify(binary.details)).toContain("logo.png is a binary file");
    const mixed = await previewImport(
      as(),
      "default",
      [...upload("complete"), { name: "spec.pdf", bytes: encoder.encode("%PDF-1.7") }],
      {},
    );
    expect(mixed.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^spec\.pdf is a PDF/)]);
    const options = await failure(previewImport(as(), "default", upload("complete"), { onProblems: "maybe" }));
    expect(JSON.stringify(options.details)).toContain("onProblems must be skip or abort");
  });

  it("round trip through the database: export, import into a new workspace, same specification and decisions", async () => {
    await applyImport(as(), "default", upload("complete"), { includeOffered: true });
    const { filename, markdown } = await exportSpecMarkdown(as(), "default");
    expect(filename).toMatch(/^default-specification-\d{4}-\d{2}-\d{2}\.md$/);
    await createWorkspace(as(ada), { name: "Copy" });
    const copy = await applyImport(as(), "copy", [{ name: filename, bytes: encoder.encode(markdown) }], {});
    expect(copy.problems).toEqual([]);
    const snapshot = async (slug: string) => {
      const records = await Promise.all(specKindIds.map((kind) => listSpec(as(), slug, kind)));
      const titles = new Map(records.flat().map((r) => [r.id, r.title]));
      const named = (value: unknown) =>
        Array.isArray(value) ? value.map((v) => titles.get(v) ?? v) : (titles.get(value as string) ?? value);
      return (
        records
          .flat()
          // Where values came from differs by design: the export writes every column the first document lacked.
          .map(
            (r) =>
              `${r.kind} ${r.title} ${JSON.stringify(
                Object.entries(r.data)
                  .filter(([k]) => k !== "sources")
                  .map(([k, v]) => [k, named(v)]),
              )}`,
          )
          .sort()
      );
    };
    expect(await snapshot("copy")).toEqual(await snapshot("default"));
    const text = (slug: string) =>
      listDecisions(as(), slug, {}).then((list) => list.map((d) => [d.number, d.title, d.status]));
    expect(await text("copy")).toEqual(await text("default"));
  });

  it("backs up a whole workspace and restores it into a new one, losslessly", async () => {
    await upsertUserAtSignIn(
      db().prisma,
      { subject: della.id, name: della.name, email: null, groups: ["agp-delivery-leads"] },
      della,
      new Date(),
    );
    await applyImport(as(), "default", upload("complete"), { includeOffered: true });
    // Give the decisions a history: D01 accepted with an approval, D03 superseding it, governing a VPC.
    const d01 = await getDecision(as(), "default", "D01");
    await reviewDecision(as(della), "default", "D01", { verdict: "approved", revision: d01.latestRevision });
    await transitionDecision(as(), "default", "D01", { to: "accepted", version: d01.version });
    const vpc = (await listSpec(as(), "default", "vpc"))[0]!;
    await createDecision(as(), "default", {
      title: "Move to CloudHub 2.0 private spaces",
      decision: "Use private spaces.",
      supersedes: ["D01"],
      governs: [vpc.id],
    });
    await rememberReferenceAliases(
      db().prisma,
      (await getWorkspace(as(), "default")).id,
      [{ kind: "vpc", alias: "The production VPC", recordId: vpc.id }],
      "Ada Admin",
    );
    await runEvaluation(as(), "default");
    const finding = (await listFindings(as(), "default", { limit: 1 })).items[0]!;
    const waiver = await requestWaiver(as(della), "default", {
      fingerprint: finding.fingerprint,
      reason: "Accepted until the next release",
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    await decideWaiver(as(ada), "default", waiver.id, { decision: "approve", version: waiver.version });

    const { backup } = await exportWorkspaceBackup(as(), "default");
    expect(backup.decisions.map((d) => [d.sequence, d.status, d.links])).toEqual([
      [1, "accepted", []],
      [2, "proposed", []],
      [3, "draft", [{ kind: "supersedes", to: 1 }]],
    ]);
    const restored = await restoreWorkspace(as(ada), {
      name: "Harbourline restored",
      backup: JSON.parse(JSON.stringify(backup)),
    });
    const { backup: again } = await exportWorkspaceBackup(as(), restored.slug);

    // The same, up to the new ids of the records (compared by kind and title, the order of records
    // created in one statement being the order of their ids) and the workspace's name.
    const normalise = (b: typeof backup) => {
      const keyOf = new Map(b.records.map((r) => [r.id, `${r.kind}:${r.title}`]));
      const swap = (value: unknown): unknown =>
        typeof value === "string" && keyOf.has(value)
          ? keyOf.get(value)
          : Array.isArray(value)
            ? value.map(swap)
            : value;
      return JSON.parse(
        JSON.stringify({
          ...b,
          exportedAt: null,
          workspace: { ...b.workspace, name: null, slug: null },
          records: b.records
            .map((r) => ({
              ...r,
              id: keyOf.get(r.id),
              data: Object.fromEntries(Object.entries(r.data).map(([k, v]) => [k, swap(v)])),
            }))
            .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
          decisions: b.decisions.map((d) => ({ ...d, governs: d.governs.map(swap) })),
          referenceAliases: b.referenceAliases.map((a) => ({ ...a, recordId: swap(a.recordId) })),
        }),
      );
    };
    expect(normalise(again)).toEqual(normalise(backup));
    expect(again.records.length).toBeGreaterThan(40);
    expect(again.waivers).toHaveLength(1);
    // The name a document wrote for a record, as a person chose it, is restored with its record.
    expect(again.referenceAliases).toEqual([
      expect.objectContaining({ kind: "vpc", alias: "the production vpc", actorName: "Ada Admin" }),
    ]);
    expect(again.decisions[0]!.revisions.length).toBeGreaterThan(0);
  });

  it("refuses a malformed backup, naming the path, and writes nothing", async () => {
    const refused = await failure(
      restoreWorkspace(as(ada), {
        name: "Broken",
        backup: {
          format: "agp-workspace-backup",
          version: 1,
          exportedAt: new Date().toISOString(),
          workspace: { name: "x", slug: "x", requiredApprovals: 1 },
          records: [
            {
              id: "a",
              kind: "vpc",
              title: "v",
              data: { name: "v", region: "eu-west-1", cidr: "10.0.0/16" },
              createdAt: new Date(),
              updatedAt: new Date(),
            },
          ],
          decisions: [],
          waivers: [],
        },
      }),
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.details)).toContain("backup.records[0].data.cidr");
    const notBackup = await failure(restoreWorkspace(as(ada), { name: "Broken", backup: { hello: "world" } }));
    expect(JSON.stringify(notBackup.details)).toContain("is not a workspace backup");
    expect((await listWorkspaces(as(ada))).map((w) => w.slug)).toEqual(["default"]);
    expect((await failure(restoreWorkspace(as(), { backup: {} }))).status).toBe(403);
  });

  it("prints the specification as HTML and as a PDF with its headings and the platform diagram", async () => {
    await applyImport(as(), "default", upload("complete"), {});
    await runEvaluation(as(), "default");
    const { html } = await exportSpecHtml(as(vic), "default");
    expect(html).toMatch(/<title>.+: Integration Architecture Specification<\/title>/);
    expect(html).toMatch(
      /<h1 class="chapter" id="h-\d+">4\. Platform Architecture and Setup<\/h1>\s*<figure id="platform-diagram"><svg/,
    );
    expect(html).toContain("Annex: Specification vs live estate");
    expect(html).toContain("Readiness per environment");
    expect(html).not.toContain("<script");

    const { pdf, filename } = await exportSpecPdf(as(vic), "default");
    expect(filename).toMatch(/\.pdf$/);
    const text = await pdfText(pdf);
    for (const heading of [
      "Contents",
      "Readiness summary",
      "Business and Solution Context",
      "Virtual Private Cloud",
      "Architecture Decisions",
      "Annex: Specification vs live estate",
    ])
      expect(text).toContain(heading);
    // The diagram's labels are text in the PDF.
    expect(text).toContain("Anypoint control plane");
    expect(text).toContain("hl-vpc-prod");
  });

  it("lets only editors import", async () => {
    const refused = await failure(previewImport(as(vic), "default", upload("complete"), {}));
    expect(refused.status).toBe(403);
  });
});
