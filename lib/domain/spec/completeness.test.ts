import { describe, expect, it } from "vitest";
import { listNotRecorded, measureCompleteness } from "@/lib/domain/spec/completeness";

describe("measureCompleteness", () => {
  it("is 0 for a section with no records", () => {
    expect(measureCompleteness("vpc", [])).toMatchObject({ records: 0, cells: 0, ratio: 0 });
  });

  it("counts required and tracked fields, naming what is empty or a placeholder", () => {
    const result = measureCompleteness("vpc", [
      { name: "vpc-prod", region: "eu-central-1", cidr: "10.0.0.0/16", environments: ["e1"], businessGroup: "bg" },
      { name: "vpc-dr", region: "eu-west-1", cidr: "TBD", environments: [], businessGroup: null },
    ]);
    // 5 counted fields per VPC (name, region, cidr, environments, businessGroup).
    expect(result).toMatchObject({ records: 2, cells: 10, filled: 7 });
    expect(result.ratio).toBeCloseTo(0.7);
    expect(result.missing).toEqual([
      { record: "vpc-dr", field: "CIDR", reason: "placeholder" },
      { record: "vpc-dr", field: "Environments", reason: "empty" },
      { record: "vpc-dr", field: "Business group", reason: "empty" },
    ]);
  });

  it("counts an untracked field when it holds a placeholder", () => {
    const full = { name: "Tier 1", rtoMinutes: 15, rpoMinutes: 0, strategy: "Active-Active", costMultiplier: null };
    expect(measureCompleteness("recovery-tier", [{ ...full, examples: "" }])).toMatchObject({ cells: 4, filled: 4 });
    expect(measureCompleteness("recovery-tier", [{ ...full, examples: "<list the systems>" }])).toMatchObject({
      cells: 5,
      filled: 4,
    });
  });

  it("treats a narrative marked not applicable as decided, and a TODO body as unfinished", () => {
    expect(
      measureCompleteness("narrative-section", [{ name: "Runtime Fabric", body: "", notApplicable: true }]).ratio,
    ).toBe(1);
    expect(
      measureCompleteness("narrative-section", [{ name: "Disaster Recovery", body: "TODO", notApplicable: false }])
        .ratio,
    ).toBe(0.5);
  });

  it("does not count an application's empty target: documents before it have no such column", () => {
    const app = { name: "orders-api", layer: "system", apiVersion: "v1", environments: ["e1"], workers: 2 };
    const planned = { workerSize: "1", drTier: "t1", securityCategory: "level-b" };
    const without = measureCompleteness("application", [{ ...app, ...planned, target: "", targetName: "" }]);
    expect(without).toMatchObject({ cells: 8, filled: 8, missing: [] });
    expect(
      measureCompleteness("application", [{ ...app, ...planned, target: "cluster", targetName: "TBD" }]),
    ).toMatchObject({
      cells: 9,
      filled: 8,
      missing: [{ record: "orders-api", field: "Target name", reason: "placeholder" }],
    });
  });

  it("counts what a Runtime Fabric, a cluster and an MQ destination are planned with, not their optional links", () => {
    expect(
      measureCompleteness("runtime-fabric", [
        { name: "rtf", environments: [], businessGroup: null, version: "2.6.10" },
      ]),
    ).toMatchObject({ cells: 9, filled: 2 });
    expect(measureCompleteness("mule-cluster", [{ name: "c", environment: "e", members: [] }])).toMatchObject({
      cells: 4,
      filled: 2,
    });
    // An exchange has no TTL nor dead-letter queue: those are not asked of every destination.
    expect(
      measureCompleteness("mq-destination", [
        { name: "x", environment: "e", region: "eu-central-1", type: "exchange", ttlSeconds: null, usedBy: [] },
      ]),
    ).toMatchObject({ cells: 4, filled: 4 });
  });
});

describe("completeness of imported records", () => {
  it("counts a field the document had no column for as not yet recorded, apart from a cell left empty", () => {
    const result = measureCompleteness("environment", [
      {
        name: "UAT",
        classification: "sandbox",
        description: "",
        deployedBy: "",
        sources: { name: "document", classification: "document", description: "document", deployedBy: "default" },
      },
    ]);
    expect(result.missing.map((m) => [m.field, m.reason])).toEqual(
      expect.arrayContaining([
        ["Description", "empty"],
        ["Deployed by", "not yet recorded"],
      ]),
    );
    expect(result.notRecorded).toBe(result.missing.filter((m) => m.reason === "not yet recorded").length);
    expect(result.notRecorded).toBeGreaterThanOrEqual(1);
  });
});

describe("listNotRecorded", () => {
  it("lists per record the counted fields an import had no column for and nobody filled since", () => {
    const sources = { name: "document", region: "document", cidr: "document", environments: "default" };
    const records = [
      { id: "a", data: { name: "vpc-a", region: "eu-west-1", cidr: "10.0.0.0/16", environments: [], sources } },
      // Filled since (by another import): recorded.
      { id: "b", data: { name: "vpc-b", region: "eu-west-1", cidr: "10.1.0.0/16", environments: ["e"], sources } },
      // A placeholder is unfinished, not unrecorded; a record without sources predates them.
      { id: "c", data: { name: "vpc-c", region: "TBD", cidr: "10.2.0.0/16", environments: [] } },
    ];
    expect(listNotRecorded("vpc", records)).toEqual([
      { kind: "vpc", recordId: "a", record: "vpc-a", fields: [{ name: "environments", label: "Environments" }] },
    ]);
    expect(
      measureCompleteness(
        "vpc",
        records.slice(0, 1).map((r) => r.data),
      ).notRecorded,
    ).toBe(1);
  });
});
