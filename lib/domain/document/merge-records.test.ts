import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { SpecDraft } from "@/lib/domain/document/draft";
import { mergeRecords, splitEnvironment } from "@/lib/domain/document/merge-records";
import { planImport } from "@/lib/domain/document/plan";
import { readSpecDocument } from "@/lib/domain/document/read-spec";
import { formatSpecDocument } from "@/lib/domain/document/write-spec";

// The template's shape: the Key Systems table in chapter 1, the Backend Systems Catalog in the appendix.
const keySystems = (...rows: string[]) => [
  "# 1. Business and Solution Context",
  "",
  "## 1.2 Key Systems",
  "",
  "| System | Description | Deployment Model | Key integration concerns |",
  "|---|---|---|---|",
  ...rows,
  "",
];
const catalog = (rows: string[], headers = "| System name | Location | Access Protocol | Host | Access |") => [
  "# 10. Appendix",
  "",
  "## 10.1 Backend Systems Catalog",
  "",
  headers,
  `|${headers
    .split("|")
    .slice(1, -1)
    .map(() => "---|")
    .join("")}`,
  ...rows,
  "",
];
const read = (...parts: string[][]) => readSpecDocument([{ name: "spec.md", text: parts.flat().join("\n") }]);
const systems = (draft: SpecDraft) => draft.records.filter((r) => r.kind === "system");
const epicKey = "| Epic EHR | Electronic health record | On-premise | HL7 v2 feeds; nightly downtime |";
const epicProd = "| Epic EHR - production | Hospital data centre | HL7 over MLLP | epic.hospital.example | via VPN |";

describe("splitEnvironment", () => {
  it("finds the environment after a name, however it is written", () => {
    expect(splitEnvironment("Epic EHR - production")).toEqual({ base: "Epic EHR", environments: ["PROD"] });
    expect(splitEnvironment("Epic EHR (PROD)")).toEqual({ base: "Epic EHR", environments: ["PROD"] });
    expect(splitEnvironment("Epic EHR prod")).toEqual({ base: "Epic EHR", environments: ["PROD"] });
    expect(splitEnvironment("Epic EHR-dev")).toEqual({ base: "Epic EHR", environments: ["DEV"] });
    expect(splitEnvironment("Epic EHR – UAT")).toEqual({ base: "Epic EHR", environments: ["UAT"] });
    expect(splitEnvironment("Epic EHR non-prod environment")).toEqual({ base: "Epic EHR", environments: ["NONPROD"] });
    expect(splitEnvironment("Acme Portal - DEV/TEST")).toEqual({ base: "Acme Portal", environments: ["DEV", "TEST"] });
  });

  it("leaves names that only end in a word alone", () => {
    for (const name of ["Epic EHR", "Epic EHR Portal", "SAP S/4HANA", "Azure DevOps", "Production", "Testing Hub"])
      expect(splitEnvironment(name), name).toBeNull();
  });
});

describe("mergeRecords on the Key Systems table and the Backend Systems Catalog", () => {
  it("makes a key system and its catalog row with an environment suffix one system with every field", () => {
    const draft = read(keySystems(epicKey), catalog([epicProd]));
    expect(systems(draft)).toHaveLength(1);
    const [epic] = systems(draft);
    expect(epic!.data).toEqual({
      name: "Epic EHR",
      description: "Electronic health record",
      deploymentModel: "On-premise",
      integrationConcerns: "HL7 v2 feeds; nightly downtime",
      keySystem: true,
      location: "Hospital data centre",
      protocol: "HL7 over MLLP",
      host: "epic.hospital.example",
      access: "via VPN",
    });
    expect([...epic!.stated!].sort()).toEqual(
      [
        "access",
        "deploymentModel",
        "description",
        "host",
        "integrationConcerns",
        "keySystem",
        "location",
        "name",
        "protocol",
      ].sort(),
    );
    expect(epic!.place).toMatchObject({ line: 7, section: "1.2 Key Systems" });
    expect(draft.merged).toEqual([
      {
        kind: "system",
        title: "Epic EHR",
        from: [
          { name: "Epic EHR", place: expect.objectContaining({ line: 7 }) },
          { name: "Epic EHR - production", place: expect.objectContaining({ line: 15 }) },
        ],
        rule: "name with an environment suffix",
      },
    ]);
    expect(draft.problems).toEqual([]);
    expect(draft.gaps).toEqual([]);
  });

  it("plans one system whose fields all come from the document", () => {
    const plan = planImport(read(keySystems(epicKey), catalog([epicProd])), [], [], {
      includeOffered: false,
      newId: randomUUID,
    });
    const planned = plan.records.filter((r) => r.kind === "system");
    expect(planned.map((r) => r.title)).toEqual(["Epic EHR"]);
    expect(Object.values(planned[0]!.data.sources as Record<string, string>)).not.toContain("default");
  });

  it("merges the same name in both tables, whatever its case", () => {
    const draft = read(keySystems(epicKey), catalog([epicProd.replace("Epic EHR - production", "EPIC EHR")]));
    expect(systems(draft).map((s) => [s.data.name, s.data.host])).toEqual([["Epic EHR", "epic.hospital.example"]]);
    expect(draft.merged?.map((m) => m.rule)).toEqual(["same name"]);
  });

  it("merges rows of two tables with different names on the same host", () => {
    const applicationChapter = [
      "# 6. Application Architecture",
      "",
      "## 6.3 Backend Systems",
      "",
      "| System name | Location | Access Protocol | Host | Access |",
      "|---|---|---|---|---|",
      "| Epic Hyperspace | Hospital data centre | HTTPS | https://EPIC.hospital.example:443/ | via VPN |",
      "",
    ];
    const draft = read(applicationChapter, catalog([epicProd.replace("Epic EHR - production", "Clinical records")]));
    expect(systems(draft).map((s) => s.data.name)).toEqual(["Epic Hyperspace"]);
    expect(draft.merged).toMatchObject([
      {
        title: "Epic Hyperspace",
        from: [{ name: "Epic Hyperspace" }, { name: "Clinical records" }],
        rule: "same host",
      },
    ]);
    // Both rows say the protocol, differently: the first is kept and the other reported.
    expect(systems(draft)[0]!.data.protocol).toBe("HTTPS");
    expect(draft.problems.map((p) => p.message)).toEqual([
      'System "Epic Hyperspace": Access protocol is "HTTPS" in Backend Systems (line 7) and "HL7 over MLLP" in Backend Systems Catalog (line 15); the first is kept',
    ]);
  });

  it("does not take a region or a word in the Host column for a shared host", () => {
    const other = (host: string) => [
      "## 6.3 Backend Systems",
      "",
      "| System name | Host |",
      "|---|---|",
      `| Lab System | ${host} |`,
      "",
    ];
    for (const host of ["eu-central-1", "VPN", "x.x.x.x", "8091-8092"]) {
      const draft = read(other(host), catalog([`| Billing | | | ${host} | |`]));
      expect(
        systems(draft).map((s) => s.data.name),
        host,
      ).toEqual(["Lab System", "Billing"]);
    }
  });

  it("keeps names that only share a word apart", () => {
    const draft = read(
      keySystems(epicKey.replace("Epic EHR", "Epic")),
      catalog([epicProd.replace("Epic EHR - production", "Epic EHR")]),
    );
    expect(systems(draft).map((s) => s.data.name)).toEqual(["Epic", "Epic EHR"]);
    expect(draft.merged).toEqual([]);
  });

  it("keeps the first of two different values and reports the other, naming both rows and the field", () => {
    const draft = read(
      keySystems(epicKey),
      catalog(
        ["| Epic EHR (PROD) | Patient records and scheduling | Hospital data centre | epic.hospital.example |"],
        "| System name | Description | Location | Host |",
      ),
    );
    expect(systems(draft)).toHaveLength(1);
    expect(systems(draft)[0]!.data).toMatchObject({
      name: "Epic EHR",
      description: "Electronic health record",
      location: "Hospital data centre",
    });
    expect(draft.problems).toEqual([
      {
        place: expect.objectContaining({ line: 15, section: "10.1 Backend Systems Catalog" }),
        message:
          'System "Epic EHR": Description is "Electronic health record" in Key Systems (line 7) and "Patient records and scheduling" in Backend Systems Catalog (line 15); the first is kept',
      },
    ]);
  });

  it("takes a filled cell over an empty one, and drops the empty cell's gap", () => {
    const draft = read(
      keySystems("| Epic EHR | | On-premise | |"),
      catalog(
        ["| Epic EHR - production | Electronic health record | Hospital data centre |"],
        "| System name | Description | Location |",
      ),
    );
    expect(systems(draft)[0]!.data).toMatchObject({ description: "Electronic health record" });
    expect(draft.gaps).toEqual([]);
    expect(draft.problems).toEqual([]);
  });

  it("makes one system of the catalog's rows per environment: the production values, and the others per environment", () => {
    const draft = read(
      keySystems(epicKey),
      catalog([
        "| Epic EHR - test | Hospital data centre | HL7 over MLLP | epic-tst.hospital.example | via VPN |",
        "| Epic EHR (UAT) | Cloud DR site | HL7 over MLLP | epic-uat.hospital.example | via VPN |",
        epicProd,
      ]),
    );
    expect(systems(draft)).toHaveLength(1);
    expect(systems(draft)[0]!.data).toMatchObject({
      name: "Epic EHR",
      host: "epic.hospital.example",
      location: "Hospital data centre",
      perEnvironment: {
        TEST: { host: "epic-tst.hospital.example" },
        UAT: { host: "epic-uat.hospital.example", location: "Cloud DR site" },
      },
    });
    expect(draft.merged?.[0]?.from.map((f) => f.name)).toEqual([
      "Epic EHR",
      "Epic EHR - test",
      "Epic EHR (UAT)",
      "Epic EHR - production",
    ]);
    expect(draft.problems).toEqual([]);
  });

  it("writes a system's other environments as rows of their own, which read back as the same record", () => {
    const draft = read(
      keySystems(epicKey),
      catalog([
        "| Epic EHR - test | Hospital data centre | HL7 over MLLP | epic-tst.hospital.example | via VPN |",
        epicProd,
      ]),
    );
    const plan = planImport(draft, [], [], { includeOffered: false, newId: randomUUID });
    const records = plan.records.map((r) => ({ id: r.id, kind: r.kind, title: r.title, data: r.data }));
    const markdown = formatSpecDocument({
      workspaceName: "Hospital",
      records,
      decisions: [],
      openGaps: [],
      generatedAt: new Date("2026-12-04T00:00:00Z"),
    });
    expect(markdown).toContain(
      "| Epic EHR - TEST | Hospital data centre | HL7 over MLLP | epic-tst.hospital.example | via VPN |",
    );
    const again = planImport(
      readSpecDocument([{ name: "export.md", text: markdown }]),
      records.map((r) => ({ ...r, version: 1 })),
      [],
      { includeOffered: false, newId: randomUUID },
    );
    expect(again.records.filter((r) => r.action !== "unchanged").map((r) => [r.title, r.changes])).toEqual([]);
  });

  it("never merges two rows of one table for the same system and environment: the second appears twice", () => {
    const draft = read(
      keySystems(epicKey),
      catalog([epicProd, "| Epic EHR (PROD) | Cloud | HTTPS | epic2.hospital.example | public internet |"]),
    );
    expect(systems(draft).map((s) => s.data.name)).toEqual(["Epic EHR", "Epic EHR"]);
    expect(systems(draft)[0]!.data.host).toBe("epic.hospital.example");
    const plan = planImport(draft, [], [], { includeOffered: false, newId: randomUUID });
    expect(plan.records.filter((r) => r.kind === "system")).toHaveLength(1);
    expect(plan.problems.map((p) => p.message)).toEqual([
      'System "Epic EHR (PROD)" is read as "Epic EHR": Backend Systems Catalog (line 15) of the same table names it already, as "Epic EHR - production"',
      'System "Epic EHR" appears twice; the second was not imported',
    ]);
  });

  it("resolves an application that names the system with its environment suffix to the merged system", () => {
    const applications = [
      "# 6. Application Architecture",
      "",
      "## 6.2 Application Inventory",
      "",
      "| Application | Layer | System |",
      "|---|---|---|",
      "| hl-sys-epic-api-v1 | System | Epic EHR - production |",
      "| hl-sys-epic-test-api-v1 | System | epic ehr (TEST) |",
      "",
    ];
    const draft = read(keySystems(epicKey), applications, catalog([epicProd]));
    expect(draft.records.filter((r) => r.kind === "application").map((r) => r.data.system)).toEqual([
      "Epic EHR",
      "Epic EHR",
    ]);
    const plan = planImport(draft, [], [], { includeOffered: false, newId: randomUUID });
    const epic = plan.records.find((r) => r.kind === "system")!;
    const apps = plan.records.filter((r) => r.kind === "application");
    expect(apps.map((a) => a.data.system)).toEqual([epic.id, epic.id]);
    expect(plan.gaps.filter((g) => g.reason === "unresolved reference")).toEqual([]);
  });

  it("resolves a name with an environment suffix to the document's system of the plain name, merged or not", () => {
    const applications = [
      "## 6.2 Application Inventory",
      "",
      "| Application | Layer | System |",
      "|---|---|---|",
      "| hl-sys-epic-api-v1 | System | Epic EHR (TEST) |",
      "| hl-sys-lab-api-v1 | System | Lab System - prod |",
      "",
    ];
    const draft = read(keySystems(epicKey), applications);
    expect(draft.merged).toEqual([]);
    expect(draft.records.filter((r) => r.kind === "application").map((r) => r.data.system)).toEqual([
      "Epic EHR",
      "Lab System - prod",
    ]);
  });

  it("merges the complete fixture's SAP S/4HANA, in both tables under the same name", () => {
    const draft = read(
      keySystems("| SAP S/4HANA | Finance and order management | On-premise | IDoc and OData |"),
      catalog(["| SAP S/4HANA | Hamburg data centre | OData over HTTPS | sap.hl.internal | via VPN |"]),
    );
    expect(draft.merged).toMatchObject([{ title: "SAP S/4HANA", rule: "same name" }]);
    expect(systems(draft)[0]!.data).toMatchObject({ keySystem: true, host: "sap.hl.internal" });
  });

  it("reads its own export back as the same one system, with nothing to report", () => {
    const first = planImport(read(keySystems(epicKey), catalog([epicProd])), [], [], {
      includeOffered: false,
      newId: randomUUID,
    });
    const markdown = formatSpecDocument({
      workspaceName: "Hospital",
      records: first.records,
      decisions: [],
      openGaps: [],
      generatedAt: new Date("2026-12-05T12:00:00Z"),
    });
    const again = readSpecDocument([{ name: "export.md", text: markdown }]);
    expect(systems(again).map((s) => s.data)).toEqual(
      systems(read(keySystems(epicKey), catalog([epicProd]))).map((s) => s.data),
    );
    expect(again.merged).toMatchObject([{ title: "Epic EHR", rule: "same name" }]);
    expect(again.problems).toEqual([]);
  });

  it("does not change the draft it is given", () => {
    const place = (line: number) => ({ file: "spec.md", line, section: "Key Systems" });
    const draft: SpecDraft = {
      records: [
        { kind: "system", data: { name: "Epic EHR", keySystem: true }, place: place(3), stated: ["name", "keySystem"] },
        {
          kind: "system",
          data: { name: "Epic EHR prod", host: "epic.example" },
          place: { ...place(9), section: "Catalog" },
        },
      ],
      decisions: [],
      offered: [],
      keptAsText: [],
      gaps: [],
      problems: [],
    };
    const before = structuredClone(draft);
    const merged = mergeRecords(draft);
    expect(merged.records).toHaveLength(1);
    expect(merged.records[0]!.stated).toEqual(["name", "keySystem", "host"]);
    expect(draft).toEqual(before);
  });
});
