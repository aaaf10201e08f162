import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import { specKindIds } from "@/lib/domain/spec/kinds";
import type { ServiceContext } from "@/lib/services/context";
import { listDecisions } from "@/lib/services/decisions/read";
import { exportSpecDocx } from "@/lib/services/documents/export";
import { applyImport, previewImport, type UploadedFile } from "@/lib/services/documents/import";
import { ServiceError } from "@/lib/services/errors";
import { runEvaluation } from "@/lib/services/governance/evaluation";
import { listFindings } from "@/lib/services/governance/findings";
import { listSpec, updateSpecRecord } from "@/lib/services/spec";
import { createWorkspace, ensureDefaultWorkspace } from "@/lib/services/workspaces";
import { driftingNamesDocument, loadDocument } from "@/lib/testing/documents";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const archie: Actor = { kind: "user", id: "okta|archie", name: "Archie Architect", role: "architect" };
const ada: Actor = { kind: "user", id: "okta|ada", name: "Ada Admin", role: "admin" };
const encoder = new TextEncoder();

const upload: UploadedFile[] = [{ name: "network.md", bytes: encoder.encode(driftingNamesDocument) }];
const meant = { kind: "vpc", written: "vpc01-nonprod-eu-frankfurt", target: "vpc01-nonprod-de-c1" };

describe(`references a document spells differently, on ${testEngine}`, () => {
  const db = useTestDatabase();
  const as = (actor: Actor = archie): ServiceContext => ({ db: db(), actor, origin: "api" });
  const vpn = async (slug = "default") => (await listSpec(as(), slug, "vpn"))[0]!;
  const referenceFindings = async () =>
    (await listFindings(as(), "default", { rule: "GAP-REFERENCE", limit: 10 })).items.map((f) => f.message);
  beforeEach(async () => {
    await ensureDefaultWorkspace(db());
  });

  it("keeps the VPN with the name as written, reports it, and remembers the name the architect chooses in the editor", async () => {
    const preview = await previewImport(as(), "default", upload, {});
    expect(preview.created).toEqual({ vpc: 2, vpn: 1 });
    expect(preview.gaps.find((g) => g.reason === "unresolved reference")).toMatchObject({
      record: "vpn-nonprod-dc",
      value: "vpc01-nonprod-eu-frankfurt",
      suggestion: { name: "vpc01-nonprod-de-c1" },
    });
    expect(preview.referenceCandidates.vpc).toEqual(["vpc01-nonprod-de-c1", "vpc01-prod-de-c1"]);

    const applied = await applyImport(as(), "default", upload, { expect: preview.digest });
    expect(applied.created).toEqual({ vpc: 2, vpn: 1 });
    const kept = await vpn();
    expect(kept.data).toMatchObject({ remoteIp: "198.51.100.7", unresolved: { vpc: ["vpc01-nonprod-eu-frankfurt"] } });
    await runEvaluation(as(), "default");
    expect(await referenceFindings()).toEqual([
      expect.stringMatching(
        /^VPN "vpn-nonprod-dc": VPC "vpc01-nonprod-eu-frankfurt" names no VPC; closest: vpc01-nonprod-de-c1/,
      ),
    ]);

    const target = (await listSpec(as(), "default", "vpc")).find((v) => v.title === "vpc01-nonprod-de-c1")!;
    const { unresolved: _u, ...rest } = kept.data as Record<string, unknown>;
    await updateSpecRecord(as(), "default", "vpn", kept.id, {
      version: kept.version,
      data: { ...rest, vpc: target.id },
    });
    expect((await vpn()).data).not.toHaveProperty("unresolved");
    await runEvaluation(as(), "default");
    expect(await referenceFindings()).toEqual([]);

    // The same document again: the name is known now, nothing changes.
    const again = await applyImport(as(), "default", upload, {});
    expect([again.created, again.updated, again.unchanged]).toEqual([{}, {}, 3]);
    expect((await vpn()).data.vpc).toBe(target.id);
  });

  it("takes what the preview says a name means, and remembers it for the next import", async () => {
    const preview = await previewImport(as(), "default", upload, { resolutions: [meant] });
    expect(preview.gaps.filter((g) => g.reason === "unresolved reference")).toEqual([]);
    await applyImport(as(), "default", upload, { resolutions: [meant], expect: preview.digest });
    const target = (await listSpec(as(), "default", "vpc")).find((v) => v.title === "vpc01-nonprod-de-c1")!;
    expect((await vpn()).data.vpc).toBe(target.id);
    const again = await applyImport(as(), "default", upload, {});
    expect([again.created, again.updated]).toEqual([{}, {}]);
    expect(again.gaps.filter((g) => g.reason === "unresolved reference")).toEqual([]);
  });

  it("refuses a resolution naming no record, naming the field", async () => {
    const error = await previewImport(as(), "default", upload, {
      resolutions: [{ ...meant, target: "vpc-nowhere" }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).status).toBe(400);
    expect(JSON.stringify((error as ServiceError).details)).toContain("resolutions[0].target");
    expect((await listSpec(as(), "default", "vpc")).length).toBe(0);
  });

  it("round trip through Word: export as .docx, import into a new workspace, export and import again: nothing changes", async () => {
    const [file] = loadDocument("complete");
    await applyImport(as(), "default", [{ name: "complete.md", bytes: encoder.encode(file!.text) }], {
      includeOffered: true,
    });
    const first = await exportSpecDocx(as(), "default");
    await createWorkspace(as(ada), { name: "Word copy" });
    const copy = await applyImport(as(), "word-copy", [{ name: first.filename, bytes: first.docx }], {});
    expect(copy.problems).toEqual([]);
    const count = async (slug: string) =>
      Object.fromEntries(
        (
          await Promise.all(specKindIds.map(async (kind) => [kind, (await listSpec(as(), slug, kind)).length] as const))
        ).filter(([, n]) => n > 0),
      );
    expect(await count("word-copy")).toEqual(await count("default"));
    const decisions = (slug: string) =>
      listDecisions(as(), slug, {}).then((list) => list.map((d) => [d.number, d.title, d.decision]));
    expect(await decisions("word-copy")).toEqual(await decisions("default"));
    const second = await exportSpecDocx(as(), "word-copy");
    const again = await applyImport(as(), "word-copy", [{ name: second.filename, bytes: second.docx }], {});
    expect([again.created, again.updated, again.problems]).toEqual([{}, {}, []]);
  });
});
