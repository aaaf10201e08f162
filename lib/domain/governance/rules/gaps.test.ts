import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/domain/governance/engine";
import { gapRules, requiredSections } from "@/lib/domain/governance/rules/gaps";
import { decisionEntry, evaluationInput, specEntry } from "@/lib/testing/governance";

const rule = (id: string) => gapRules.filter((r) => r.id === id);
const messages = (id: string, input = evaluationInput()) => evaluate(rule(id), input, []).map((f) => f.message);

describe("GAP-PLACEHOLDER", () => {
  it("passes a finished record", () => {
    const vpc = specEntry("vpc", { name: "vpc-prod", region: "eu-central-1", cidr: "10.0.0.0/20", environments: [] });
    expect(messages("GAP-PLACEHOLDER", evaluationInput({ spec: [vpc] }))).toEqual([]);
  });

  it("names section, record, field and the kind of placeholder", () => {
    const spec = [
      specEntry("vpc", { name: "vpc-dr", region: "eu-west-1", cidr: "TBD", environments: [] }),
      specEntry("vpn", {
        name: "vpn-dc",
        vpc: "x",
        routing: "bgp",
        remoteIp: "x.x.x.x",
        staticRoutes: ["<corporate ranges>"],
      }),
      specEntry("principle", { name: "Loose coupling", statement: "<Describe the principle>" }),
      specEntry("entitlement", { name: "Subscription tier", value: "[CUSTOMER]" }),
      specEntry("system", { name: "SAP", description: "See (link)" }),
      specEntry("narrative-section", { name: "Assumptions", body: "TODO: confirm lead times" }),
    ];
    expect(messages("GAP-PLACEHOLDER", evaluationInput({ spec }))).toEqual([
      'Narrative sections, "Assumptions", Text (Markdown): "TODO: confirm lead times" is a placeholder (TODO marker)',
      'Integration principles, "Loose coupling", Statement: "<Describe the principle>" is a placeholder (instruction in angle brackets)',
      'Systems, "SAP", Description: "See (link)" is a placeholder (dummy link)',
      'Licensed capabilities, "Subscription tier", Value: "[CUSTOMER]" is a placeholder (customer placeholder)',
      'VPCs, "vpc-dr", CIDR: "TBD" is a placeholder (TBD marker)',
      'VPNs, "vpn-dc", Remote IP: "x.x.x.x" is a placeholder (dummy address)',
      'VPNs, "vpn-dc", Static routes: "<corporate ranges>" is a placeholder (instruction in angle brackets)',
    ]);
  });

  it("scans decisions, including the template's Dxx example", () => {
    const decisions = [decisionEntry({ number: "D01", title: "Dxx", texts: { decision: "<Describe the decision>" } })];
    expect(messages("GAP-PLACEHOLDER", evaluationInput({ decisions }))).toEqual([
      "Architecture decisions, D01, decision: contains a placeholder (instruction in angle brackets)",
    ]);
  });
});

describe("GAP-FIELD-EMPTY", () => {
  it("passes filled fields and a narrative section marked not applicable", () => {
    const spec = [specEntry("narrative-section", { name: "Runtime Fabric", body: "", notApplicable: true })];
    expect(messages("GAP-FIELD-EMPTY", evaluationInput({ spec }))).toEqual([]);
  });

  it("names a record's empty required or tracked fields in one finding", () => {
    const spec = [
      specEntry("environment", {
        name: "DR",
        classification: "production",
        description: "",
        deployedBy: null,
        businessGroup: null,
      }),
    ];
    const findings = evaluate(
      gapRules.filter((r) => r.id === "GAP-FIELD-EMPTY"),
      evaluationInput({ spec }),
      [],
    );
    expect(findings.map((f) => f.message)).toEqual([
      'Environments, "DR": description, deployed by and business group are empty',
    ]);
  });

  it("does not count a field the document had no column for: it is not yet recorded, not left empty", () => {
    const imported = (sources: Record<string, string>) =>
      specEntry("environment", {
        name: "UAT",
        classification: "sandbox",
        description: "",
        deployedBy: "",
        businessGroup: null,
        sources,
      });
    // The table had Environment, Description and Classification columns; the description cell was empty.
    const fromDocument = imported({
      name: "document",
      description: "document",
      classification: "document",
      deployedBy: "default",
      businessGroup: "default",
    });
    expect(messages("GAP-FIELD-EMPTY", evaluationInput({ spec: [fromDocument] }))).toEqual([
      'Environments, "UAT": description is empty',
    ]);
    const everyColumn = imported({
      name: "document",
      description: "default",
      deployedBy: "default",
      businessGroup: "default",
    });
    expect(messages("GAP-FIELD-EMPTY", evaluationInput({ spec: [everyColumn] }))).toEqual([]);
    // Saved in the editor, an empty field is a question left open.
    const edited = imported({ name: "editor", description: "editor", deployedBy: "editor", businessGroup: "editor" });
    expect(messages("GAP-FIELD-EMPTY", evaluationInput({ spec: [edited] }))).toHaveLength(1);
  });

  it("reports a field no column asked for when a rule cannot check the record without it, naming the rule", () => {
    const sources = {
      name: "document",
      layer: "document",
      apiVersion: "document",
      environments: "document",
      workers: "default",
      workerSize: "default",
      drTier: "default",
      securityCategory: "document",
    };
    const app = specEntry("application", {
      name: "hl-sys-customers-api-v1",
      layer: "system",
      apiVersion: "",
      environments: ["env-prod"],
      workers: null,
      workerSize: "",
      drTier: null,
      securityCategory: "level-b",
      sources,
    });
    const [finding] = evaluate(rule("GAP-FIELD-EMPTY"), evaluationInput({ spec: [app] }), []);
    // The worker size is only incomplete: no rule needs it to check the plan.
    expect(finding?.message).toBe(
      'Planned applications, "hl-sys-customers-api-v1": API version is empty; workers and DR tier are not recorded, and AVAIL-HA-WORKERS, AVAIL-DR-TIER1-REGIONS, AVAIL-PERSISTENT-QUEUES and AVAIL-OS-V1 cannot check it without them',
    );
    const recorded = specEntry("application", { ...app.data, apiVersion: "v1", workers: 2, drTier: "tier-2" });
    expect(messages("GAP-FIELD-EMPTY", evaluationInput({ spec: [recorded] }))).toEqual([]);
  });

  it("names only rules that exist in the ruleset", async () => {
    const { ruleset } = await import("@/lib/domain/governance/ruleset");
    const { kindFields, specKindIds } = await import("@/lib/domain/spec/kinds");
    const ids = new Set(ruleset.map((r) => r.id));
    const named = specKindIds.flatMap((kind) => kindFields(kind).flatMap((f) => f.neededBy ?? []));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe("GAP-SECTION-EMPTY", () => {
  it("names every required section without records", () => {
    expect(messages("GAP-SECTION-EMPTY")).toHaveLength(requiredSections.length);
    expect(messages("GAP-SECTION-EMPTY")[0]).toBe('Section "Business groups" has no records');
  });

  it("passes a section with a record", () => {
    const spec = [specEntry("business-group", { name: "Root" })];
    expect(messages("GAP-SECTION-EMPTY", evaluationInput({ spec }))).not.toContain(
      'Section "Business groups" has no records',
    );
  });
});

describe("GAP-PLACEHOLDER in Markdown", () => {
  it("does not take code for a placeholder", () => {
    const spec = [
      specEntry("narrative-section", {
        name: "Naming",
        body: "Apps are named `<layer>-<system>`:\n\n```\n<scope>-api\n```",
      }),
    ];
    const decisions = [decisionEntry({ texts: { decision: "Name them `<layer>-<system>-<env>`." } })];
    expect(messages("GAP-PLACEHOLDER", evaluationInput({ spec, decisions }))).toEqual([]);
  });
});

describe("GAP-IMPORTED", () => {
  const place = { file: "spec.md", line: 48, section: "4.2. Environments Model" };
  const gaps = [
    {
      kind: "environment" as const,
      record: "PROD",
      field: "classification",
      value: "<Sandbox / Production>",
      reason: "instruction in angle brackets",
      place,
    },
    {
      kind: "decision" as const,
      record: "Dxx",
      field: null,
      value: "<Describe the decision>",
      reason: "the template's example row",
      place: { ...place, line: 28, section: "Architecture Decisions" },
    },
    {
      kind: "application" as const,
      record: "crm-api",
      field: "apiVersion",
      value: "TBD",
      reason: "TBD marker",
      place: { ...place, line: 108 },
    },
    {
      kind: "application" as const,
      record: "crm-api",
      field: "workers",
      value: "<2>",
      reason: "instruction in angle brackets",
      place: { ...place, line: 108 },
    },
  ];
  const app = (data: Record<string, unknown>) =>
    specEntry("application", { name: "crm-api", layer: "system", apiVersion: "", workers: null, ...data });

  it("keeps open what no record holds (a skipped row, the Dxx row); an existing record's tracked fields are GAP-FIELD-EMPTY's", () => {
    const spec = [app({})];
    expect(messages("GAP-IMPORTED", evaluationInput({ spec, importGaps: gaps }))).toEqual([
      "spec.md, line 28 (Architecture Decisions): the decisions table holds only the template's example row; no decision is recorded",
      'spec.md, line 48 (4.2. Environments Model): Environment "PROD" was not imported; the document\'s Classification is "<Sandbox / Production>" (instruction in angle brackets)',
    ]);
  });

  it("closes each gap once the specification says otherwise", () => {
    const spec = [
      specEntry("environment", { name: "PROD", classification: "production" }),
      app({ apiVersion: "v1", workers: 2 }),
    ];
    expect(messages("GAP-IMPORTED", evaluationInput({ spec, importGaps: gaps, decisions: [decisionEntry()] }))).toEqual(
      [],
    );
  });
});
