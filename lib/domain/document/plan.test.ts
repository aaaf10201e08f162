import { describe, expect, it } from "vitest";
import {
  countPlan,
  planImport,
  type ExistingDecision,
  type ExistingRecord,
  type ImportPlan,
} from "@/lib/domain/document/plan";
import { readSpecDocument } from "@/lib/domain/document/read-spec";
import { driftingNamesDocument, loadDocument } from "@/lib/testing/documents";

const ids = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, "0")}`;
};
const complete = readSpecDocument(loadDocument("complete"));

/** What the workspace holds after applying a plan. */
const applied = (plan: ImportPlan): { records: ExistingRecord[]; decisions: ExistingDecision[] } => ({
  records: plan.records.map((r) => ({ id: r.id, kind: r.kind, title: r.title, data: r.data, version: 1 })),
  decisions: plan.decisions.map((d, i) => ({ ...d, id: `d${i}`, version: 1 })),
});

describe("planImport", () => {
  it("changes nothing when the same document is imported twice", () => {
    const first = planImport(complete, [], [], { includeOffered: true, newId: ids() });
    const { records, decisions } = applied(first);
    const second = planImport(complete, records, decisions, { includeOffered: true, newId: ids() });
    expect(countPlan(second)).toEqual({ created: {}, updated: {}, unchanged: records.length + decisions.length });
    expect(second.records.map((r) => r.id)).toEqual(first.records.map((r) => r.id));
  });

  it("updates existing records by name, field by field, keeping fields the document does not state", () => {
    const first = planImport(complete, [], [], { includeOffered: false, newId: ids() });
    const { records, decisions } = applied(first);
    const prod = records.find((r) => r.title === "PROD")!;
    prod.data = { ...prod.data, deployedBy: "Ops", minimumRuntime: "4.6.0" };
    const second = planImport(complete, records, decisions, { includeOffered: false, newId: ids() });
    const update = second.records.find((r) => r.id === prod.id)!;
    expect(update.action).toBe("update");
    expect(update.changes).toEqual([{ field: "deployedBy", label: "Deployed by", from: "Ops", to: "Release team" }]);
    expect(update.data.minimumRuntime).toBe("4.6.0");
    expect(countPlan(second).updated).toEqual({ environment: 1 });
  });

  it("resolves references against records already in the workspace", () => {
    const draft = readSpecDocument([
      {
        name: "vpc.md",
        text: "## Virtual Private Cloud\n\n| VPC name | Region | CIDR | Environments |\n|---|---|---|---|\n| v1 | eu-west-1 | 10.0.0.0/16 | dev |\n",
      },
    ]);
    const dev: ExistingRecord = {
      id: "11111111-1111-4111-8111-111111111111",
      kind: "environment",
      title: "DEV",
      data: { name: "DEV", classification: "sandbox" },
      version: 3,
    };
    const plan = planImport(draft, [dev], [], { includeOffered: false, newId: ids() });
    expect(plan.problems).toEqual([]);
    expect(plan.records[0]!.data.environments).toEqual([dev.id]);
  });

  it("updates draft and proposed decisions, and refuses to rewrite accepted ones", () => {
    const base = { rationale: "", implications: "", version: 2 };
    const existing: ExistingDecision[] = [
      { ...base, id: "a", sequence: 1, status: "accepted", title: "Something else", decision: "Other text" },
      {
        ...base,
        id: "b",
        sequence: 2,
        status: "proposed",
        title: "Front every API with a dedicated load balancer",
        decision: "Old",
      },
    ];
    const plan = planImport(complete, [], existing, { includeOffered: false, newId: ids() });
    expect(plan.decisions.map((d) => [d.number, d.action, d.changes])).toEqual([
      ["D01", "refused", ["title", "decision", "rationale", "implications"]],
      ["D02", "update", ["decision", "rationale", "implications"]],
    ]);
    expect(plan.problems.map((p) => p.message)).toEqual([
      "D01 is accepted and its text here differs from the document's (title, decision, rationale, implications); it was not changed: record a new decision that amends it",
    ]);
  });

  it("is deterministic for the same inputs", () => {
    const a = planImport(complete, [], [], { includeOffered: true, newId: ids() });
    const b = planImport(complete, [], [], { includeOffered: true, newId: ids() });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe("planImport references", () => {
  it("keeps the workspace's value when the document names something that does not exist", () => {
    const draft = readSpecDocument([
      {
        name: "vpc.md",
        text: "## Virtual Private Cloud\n\n| VPC name | Region | CIDR | Business Group |\n|---|---|---|---|\n| v1 | eu-west-1 | 10.0.0.0/16 | Nowhere |\n",
      },
    ]);
    const bg: ExistingRecord = {
      id: "22222222-2222-4222-8222-222222222222",
      kind: "business-group",
      title: "Ops",
      data: { name: "Ops" },
      version: 1,
    };
    const vpc: ExistingRecord = {
      id: "33333333-3333-4333-8333-333333333333",
      kind: "vpc",
      title: "v1",
      data: { name: "v1", region: "eu-west-1", cidr: "10.0.0.0/16", environments: [], businessGroup: bg.id },
      version: 1,
    };
    const plan = planImport(draft, [bg, vpc], [], { includeOffered: false, newId: ids() });
    expect(plan.records[0]).toMatchObject({ action: "unchanged", data: { businessGroup: bg.id } });
    expect(plan.records[0]!.data.unresolved).toBeUndefined();
    expect(plan.problems).toEqual([]);
    expect(plan.gaps.map((g) => [g.record, g.field, g.value, g.reason])).toEqual([
      ["v1", "businessGroup", "Nowhere", "unresolved reference"],
    ]);
  });
});

describe("planImport keeps what a document says when a name does not match", () => {
  const document = [
    {
      name: "net.md",
      text: driftingNamesDocument,
    },
  ];
  const draft = readSpecDocument(document);

  it("stores the VPN with the VPC name as written, and suggests the VPC it most likely means", () => {
    const plan = planImport(draft, [], [], { includeOffered: false, newId: ids() });
    const vpn = plan.records.find((r) => r.kind === "vpn")!;
    expect(vpn).toMatchObject({ action: "create", title: "vpn-nonprod-dc" });
    expect(vpn.data.vpc).toBeUndefined();
    expect(vpn.data.unresolved).toEqual({ vpc: ["vpc01-nonprod-eu-frankfurt"] });
    expect(plan.skipped).toEqual([]);
    expect(plan.problems).toEqual([]);
    expect(plan.gaps.filter((g) => g.reason === "unresolved reference")).toEqual([
      expect.objectContaining({
        kind: "vpn",
        record: "vpn-nonprod-dc",
        field: "vpc",
        value: "vpc01-nonprod-eu-frankfurt",
        kept: true,
        refKind: "vpc",
        suggestion: { name: "vpc01-nonprod-de-c1", why: expect.stringContaining('same prefix "vpc01-nonprod-"') },
      }),
    ]);
    expect(countPlan(plan).created).toMatchObject({ vpc: 2, vpn: 1 });
  });

  it("resolves the name with an alias, to a record of the document or of the workspace", () => {
    const alias = { kind: "vpc" as const, alias: "VPC01-nonprod-eu-frankfurt", target: "vpc01-nonprod-de-c1" };
    const plan = planImport(draft, [], [], { includeOffered: false, newId: ids(), aliases: [alias] });
    const vpn = plan.records.find((r) => r.kind === "vpn")!;
    const vpc = plan.records.find((r) => r.title === "vpc01-nonprod-de-c1")!;
    expect(vpn.data.vpc).toBe(vpc.id);
    expect(vpn.data.unresolved).toBeUndefined();
    expect(plan.gaps.filter((g) => g.reason === "unresolved reference")).toEqual([]);
  });

  it("changes nothing when the same document is imported again, resolved or not", () => {
    const first = planImport(draft, [], [], { includeOffered: false, newId: ids() });
    const { records } = applied(first);
    const again = planImport(draft, records, [], { includeOffered: false, newId: ids() });
    expect(countPlan(again)).toEqual({ created: {}, updated: {}, unchanged: records.length });
    // Resolved later in the editor: the name is remembered, and the document agrees.
    const vpc = records.find((r) => r.title === "vpc01-nonprod-de-c1")!;
    const vpn = records.find((r) => r.kind === "vpn")!;
    vpn.data = { ...vpn.data, vpc: vpc.id };
    delete vpn.data.unresolved;
    const alias = { kind: "vpc" as const, alias: "vpc01-nonprod-eu-frankfurt", target: vpc.id };
    const resolved = planImport(draft, records, [], { includeOffered: false, newId: ids(), aliases: [alias] });
    expect(countPlan(resolved)).toEqual({ created: {}, updated: {}, unchanged: records.length });
  });
});

describe("planImport compares narrative text by what it says", () => {
  it("leaves a narrative whose Markdown table comes back padded (a Word copy) unchanged, and sees a changed cell", () => {
    const read = (table: string) =>
      readSpecDocument([
        { name: "n.md", text: `## Operations Architecture\n\nAlerts go to the on-call rota.\n\n${table}\n` },
      ]);
    const first = planImport(read("| Alert | Severity |\n|---|---|\n| CPU | High |"), [], [], {
      includeOffered: false,
      newId: ids(),
    });
    const { records } = applied(first);
    expect(records.map((r) => r.kind)).toEqual(["narrative-section"]);
    const padded = read("| Alert | Severity |\n| ----- | -------- |\n| CPU   | High     |");
    expect(countPlan(planImport(padded, records, [], { includeOffered: false, newId: ids() }))).toEqual({
      created: {},
      updated: {},
      unchanged: 1,
    });
    const changed = read("| Alert | Severity |\n| ----- | -------- |\n| CPU   | Low      |");
    expect(countPlan(planImport(changed, records, [], { includeOffered: false, newId: ids() })).updated).toEqual({
      "narrative-section": 1,
    });
  });
});

describe("planImport and settled decisions", () => {
  it("keeps no gap of a decision the import may not change (it is accepted): its text is not stored", () => {
    const draft = readSpecDocument([
      {
        name: "d.md",
        text: "## Architecture Decisions\n\n| Id | Decision | Rationale | Implication |\n|---|---|---|---|\n| D01 | **Use DLBs** One per VPC. | TBD | |\n",
      },
    ]);
    const fresh = planImport(draft, [], [], { includeOffered: false, newId: ids() });
    expect(fresh.gaps.filter((g) => g.kind === "decision").map((g) => g.kept)).toContain(true);
    const accepted: ExistingDecision = {
      id: "d1",
      sequence: 1,
      status: "accepted",
      title: "Use DLBs",
      decision: "Two per VPC.",
      rationale: "Audited.",
      implications: "",
      version: 3,
    };
    const plan = planImport(draft, [], [accepted], { includeOffered: false, newId: ids() });
    expect(plan.decisions.map((d) => d.action)).toEqual(["refused"]);
    expect(plan.gaps.filter((g) => g.kind === "decision").every((g) => !g.kept)).toBe(true);
  });
});
