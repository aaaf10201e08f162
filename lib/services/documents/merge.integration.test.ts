import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import type { ServiceContext } from "@/lib/services/context";
import { applyImport, previewImport, type UploadedFile } from "@/lib/services/documents/import";
import { runEvaluation } from "@/lib/services/governance/evaluation";
import { listFindings } from "@/lib/services/governance/findings";
import { exportSpecMarkdown } from "@/lib/services/documents/export";
import { listSpec, updateSpecRecord } from "@/lib/services/spec";
import { ensureDefaultWorkspace } from "@/lib/services/workspaces";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const archie: Actor = { kind: "user", id: "okta|archie", name: "Archie Architect", role: "architect" };
const encoder = new TextEncoder();

// The template's Key Systems table and its appendix's Backend Systems Catalog name Epic twice; an
// application names it as the catalog does. The lab system is only in the catalog, its host empty.
const document = [
  "# 1. Business and Solution Context",
  "",
  "## 1.2 Key Systems",
  "",
  "| System | Description | Deployment Model | Key integration concerns |",
  "|---|---|---|---|",
  "| Epic EHR | Electronic health record | On-premise | HL7 v2 feeds; nightly downtime |",
  "",
  "# 6. Application Architecture",
  "",
  "## 6.2 Application Inventory",
  "",
  "| Application | Layer | System |",
  "|---|---|---|",
  "| hl-sys-epic-api-v1 | System | Epic EHR - production |",
  "",
  "# 10. Appendix",
  "",
  "## 10.1 Backend Systems Catalog",
  "",
  "| System name | Location | Access Protocol | Host | Access |",
  "|---|---|---|---|---|",
  "| Epic EHR - production | Hospital data centre | HL7 over MLLP | epic.hospital.example | via VPN |",
  "| Lab System | Hospital data centre | REST/HTTPS | | via VPN |",
  "",
].join("\n");
const upload: UploadedFile[] = [{ name: "hospital.md", bytes: encoder.encode(document) }];

describe(`a system named in two tables, on ${testEngine}`, () => {
  const db = useTestDatabase();
  const as = (actor: Actor = archie): ServiceContext => ({ db: db(), actor, origin: "api" });
  beforeEach(async () => {
    await ensureDefaultWorkspace(db());
  });

  it("previews the merge, and imports one system with every field that no gap rule reports", async () => {
    const preview = await previewImport(as(), "default", upload, {});
    expect(preview.merged).toEqual([
      {
        kind: "system",
        title: "Epic EHR",
        from: [
          { name: "Epic EHR", place: { file: "hospital.md", line: 7, section: "1.2 Key Systems" } },
          {
            name: "Epic EHR - production",
            place: { file: "hospital.md", line: 23, section: "10.1 Backend Systems Catalog" },
          },
        ],
        rule: "name with an environment suffix",
      },
    ]);
    expect(preview.created).toMatchObject({ system: 2, application: 1 });
    expect(preview.problems).toEqual([]);

    await applyImport(as(), "default", upload, { expect: preview.digest });
    const systems = await listSpec(as(), "default", "system");
    expect(systems.map((s) => s.title).sort()).toEqual(["Epic EHR", "Lab System"]);
    const epic = systems.find((s) => s.title === "Epic EHR")!;
    expect(epic.data).toMatchObject({
      description: "Electronic health record",
      deploymentModel: "On-premise",
      integrationConcerns: "HL7 v2 feeds; nightly downtime",
      keySystem: true,
      location: "Hospital data centre",
      protocol: "HL7 over MLLP",
      host: "epic.hospital.example",
      access: "via VPN",
    });
    const [app] = await listSpec(as(), "default", "application");
    expect(app!.data.system).toBe(epic.id);
    expect(app!.data).not.toHaveProperty("unresolved");

    await runEvaluation(as(), "default");
    const empty = await listFindings(as(), "default", { rule: "GAP-FIELD-EMPTY", limit: 50 });
    // The rule ran (the lab system's host is empty); the merged system has nothing empty.
    expect(empty.items.map((f) => f.message)).toContain('Systems, "Lab System": host is empty');
    expect(empty.items.filter((f) => /Epic/.test(f.message))).toEqual([]);
    const references = await listFindings(as(), "default", { rule: "GAP-REFERENCE", limit: 50 });
    expect(references.items).toEqual([]);
  });

  it("asks whether two close names are one system, merges on the answer, and remembers it", async () => {
    const close = document
      .replace("| Epic EHR | Electronic health record |", "| Epic | Electronic health record |")
      .replace("| Epic EHR - production | Hospital", "| Epic EHR | Hospital")
      .replace("| hl-sys-epic-api-v1 | System | Epic EHR - production |", "| hl-sys-epic-api-v1 | System | Epic |");
    const files = [{ name: "hospital.md", bytes: encoder.encode(close) }];
    const asked = await previewImport(as(), "default", files, {});
    expect(asked.questions).toEqual([
      expect.objectContaining({
        kind: "system",
        names: ["Epic", "Epic EHR"],
        why: "“Epic” is the start of “Epic EHR”",
      }),
    ]);
    expect(asked.created).toMatchObject({ system: 3 });
    const sameThings = [{ kind: "system", names: ["Epic", "Epic EHR"], same: true }];
    const answered = await previewImport(as(), "default", files, { sameThings });
    expect(answered.questions).toEqual([]);
    expect(answered.merged).toMatchObject([{ title: "Epic", rule: "said to be the same in the preview" }]);
    await applyImport(as(), "default", files, { sameThings, expect: answered.digest });
    const systems = await listSpec(as(), "default", "system");
    expect(systems.map((s) => [s.title, s.data.host ?? null]).sort()).toEqual([
      ["Epic", "epic.hospital.example"],
      ["Lab System", ""],
    ]);
    // The next import of the document knows the answer: nothing to ask, nothing to change.
    const again = await previewImport(as(), "default", files, {});
    expect(again.questions).toEqual([]);
    expect([again.created, again.updated]).toEqual([{}, {}]);
    const refused = await previewImport(as(), "default", files, { sameThings: [{ kind: "system", names: ["Epic"] }] })
      .then(() => null)
      .catch((e: { details?: unknown }) => e.details);
    expect(JSON.stringify(refused)).toContain("sameThings");
  });

  it("keeps a system's other environments as its values there, through the editor and an export", async () => {
    const withTest = document.replace(
      "| Lab System |",
      "| Epic EHR - test | Hospital data centre | HL7 over MLLP | epic-tst.hospital.example | via VPN |\n| Lab System |",
    );
    const files = [{ name: "hospital.md", bytes: encoder.encode(withTest) }];
    const preview = await previewImport(as(), "default", files, {});
    expect(preview.problems).toEqual([]);
    expect(preview.merged[0]!.from.map((f) => f.name)).toEqual([
      "Epic EHR",
      "Epic EHR - production",
      "Epic EHR - test",
    ]);
    await applyImport(as(), "default", files, { expect: preview.digest });
    const epic = (await listSpec(as(), "default", "system")).find((s) => s.title === "Epic EHR")!;
    expect(epic.data).toMatchObject({
      host: "epic.hospital.example",
      perEnvironment: { TEST: { host: "epic-tst.hospital.example" } },
    });

    // A field that does not differ per environment is refused, naming where.
    const { ServiceError } = await import("@/lib/services/errors");
    const refused = await updateSpecRecord(as(), "default", "system", epic.id, {
      version: epic.version,
      data: { ...epic.data, perEnvironment: { TEST: { keySystem: "no" } } },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(JSON.stringify((refused as InstanceType<typeof ServiceError>).details)).toContain(
      "is not a field that may differ per environment",
    );
    const saved = await updateSpecRecord(as(), "default", "system", epic.id, {
      version: epic.version,
      data: { ...epic.data, perEnvironment: { TEST: { host: "epic-test.hospital.example" } } },
    });
    expect(saved.data.perEnvironment).toEqual({ TEST: { host: "epic-test.hospital.example" } });

    // The export writes the test row; importing it again changes nothing.
    const { markdown } = await exportSpecMarkdown(as(), "default");
    expect(markdown).toContain(
      "| Epic EHR - TEST | Hospital data centre | HL7 over MLLP | epic-test.hospital.example | via VPN |",
    );
    const again = await applyImport(as(), "default", [{ name: "export.md", bytes: encoder.encode(markdown) }], {});
    expect([again.created, again.updated]).toEqual([{}, {}]);
  });
});
