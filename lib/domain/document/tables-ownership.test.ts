// Real documents are messier than the template: the line naming a table sits two lines up, or only
// in the heading, or a DLB column says it; a table may be for a role with several DLBs; and the
// template's own example rows are left in. Each document here is in the template's shape.

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { countPlan, planImport } from "@/lib/domain/document/plan";
import { readSpecDocument } from "@/lib/domain/document/read-spec";
import { formatSpecDocument } from "@/lib/domain/document/write-spec";

/** The platform chapter up to its load balancers: one external DLB, or one more internal per VPC. */
const platform = (internal: "one" | "two") => `# 4. Platform Architecture and Setup

## 4.1 Business Groups

| Business Group | Description |
|---|---|
| Acme | Master organisation |

## 4.2 Environments Model

| Environment | Description | Classification (vCore) | High Availability? | Deployed By |
|---|---|---|---|---|
| DEV | Development | Sandbox | No | CI |
| PROD | Production | Production | Yes | Release team |

## 4.3 Virtual Private Cloud

| VPC name | Region | CIDR | Environments | Business Group |
|---|---|---|---|---|
| vpc-nonprod | eu-central-1 | 10.10.0.0/20 | DEV | Acme |
| vpc-prod | eu-central-1 | 10.20.0.0/20 | PROD | Acme |

## 4.5 Load Balancing

| DLB Name | VPC Name | Role (e.g. Internal) | Allowlisted CIDRs |
|---|---|---|---|
| dlb-ext | vpc-prod | External | 0.0.0.0/0 |
${internal === "two" ? "| dlb-int-np | vpc-nonprod | Internal | 10.0.0.0/8 |\n| dlb-int-prod | vpc-prod | Internal | 10.0.0.0/8 |" : "| dlb-int | vpc-prod | Internal | 10.0.0.0/8 |"}
`;

const rules = (...rows: string[]) =>
  ["| Detail | Input path | Target App | Output path | Protocol |", "|---|---|---|---|---|", ...rows].join("\n");
const sysRule = "| 1 | /{scope}/sys/{system}/api/{version}/ | {scope}-sys-{system}-api-{version} | /api/ | HTTPS |";
const prcRule = "| 2 | /{scope}/prc/{system}/api/{version}/ | {scope}-prc-{system}-api-{version} | /api/ | HTTPS |";
const expRule = "| 1 | /{scope}/exp/{system}/api/{version}/ | ext-{scope}-exp-{system}-api-{version} | /api/ | HTTPS |";

const read = (text: string) => {
  const draft = readSpecDocument([{ name: "spec.md", text }]);
  const plan = planImport(draft, [], [], { includeOffered: false, newId: randomUUID });
  const titleOf = (id: unknown) => plan.records.find((r) => r.id === id)?.title;
  const owned = (kind: "mapping-rule" | "tls-endpoint") =>
    plan.records.filter((r) => r.kind === kind).map((r) => `${titleOf(r.data.loadBalancer)} ${r.title}`);
  return { draft, plan, owned };
};

describe("which load balancer a table belongs to", () => {
  it("takes the caption two lines above the table, over an instruction line", () => {
    const { plan, owned } = read(`${platform("one")}
## 4.7 Routing (mapping) Rules

External DLB Mapping Rules

Add a row per API; keep the order.

${rules(expRule)}

Internal DLB Mapping Rules

Add a row per API; keep the order

${rules(sysRule, prcRule)}
`);
    expect(owned("mapping-rule")).toEqual([
      "dlb-ext #1 /{scope}/exp/{system}/api/{version}/ → ext-{scope}-exp-{system}-api-{version}",
      "dlb-int #1 /{scope}/sys/{system}/api/{version}/ → {scope}-sys-{system}-api-{version}",
      "dlb-int #2 /{scope}/prc/{system}/api/{version}/ → {scope}-prc-{system}-api-{version}",
    ]);
    expect(plan.problems).toEqual([]);
    // The captions name tables, they are not narrative; the instruction sentence is kept as written.
    const narrative = plan.records.find((r) => r.kind === "narrative-section" && r.title === "Routing (mapping) Rules");
    expect(narrative?.data.body).toBe("Add a row per API; keep the order.");
  });

  it("takes the section heading when no line above the table names the load balancer", () => {
    const { plan, owned } = read(`${platform("two")}
## 4.7 Routing

### Internal load balancers

| Environment | Public Endpoint DNS | Certificate Config | CNAME configuration |
|---|---|---|---|
| DEV | api-dev.acme.internal | acme-internal | none |
| PROD | api.acme.internal | acme-internal | none |

${rules(sysRule)}
`);
    // An endpoint is one DNS name on one DLB: the internal one whose VPC serves its environment.
    expect(owned("tls-endpoint")).toEqual(["dlb-int-np api-dev.acme.internal", "dlb-int-prod api.acme.internal"]);
    // A rule table for the role holds the rule on each internal DLB.
    expect(owned("mapping-rule")).toEqual([
      "dlb-int-np #1 /{scope}/sys/{system}/api/{version}/ → {scope}-sys-{system}-api-{version}",
      "dlb-int-prod #1 /{scope}/sys/{system}/api/{version}/ → {scope}-sys-{system}-api-{version}",
    ]);
    expect(plan.problems).toEqual([]);
  });

  it("takes a DLB column, row by row, when the caption names no load balancer", () => {
    const { plan, owned } = read(`${platform("two")}
## 4.7 Routing (mapping) Rules

DLB Mapping Rules

| DLB | Detail | Input path | Target App | Output path | Protocol |
|---|---|---|---|---|---|
| dlb-ext | 1 | /{scope}/exp/{system}/api/{version}/ | ext-{scope}-exp-{system}-api-{version} | /api/ | HTTPS |
| dlb-int-prod | 1 | /{scope}/sys/{system}/api/{version}/ | {scope}-sys-{system}-api-{version} | /api/ | HTTPS |
| Internal | 2 | /{scope}/prc/{system}/api/{version}/ | {scope}-prc-{system}-api-{version} | /api/ | HTTPS |
`);
    // A role in the column is every DLB of the role, as in a caption.
    expect(owned("mapping-rule")).toEqual([
      "dlb-ext #1 /{scope}/exp/{system}/api/{version}/ → ext-{scope}-exp-{system}-api-{version}",
      "dlb-int-prod #1 /{scope}/sys/{system}/api/{version}/ → {scope}-sys-{system}-api-{version}",
      "dlb-int-np #2 /{scope}/prc/{system}/api/{version}/ → {scope}-prc-{system}-api-{version}",
      "dlb-int-prod #2 /{scope}/prc/{system}/api/{version}/ → {scope}-prc-{system}-api-{version}",
    ]);
    expect(plan.problems).toEqual([]);
  });

  it("applies an internal table to every internal DLB: one rule per DLB, same order, paths and targets", () => {
    const { plan, owned } = read(`${platform("two")}
## 4.7 Routing (mapping) Rules

Internal DLB Mapping Rules

${rules(sysRule, prcRule)}
`);
    expect(owned("mapping-rule")).toEqual([
      "dlb-int-np #1 /{scope}/sys/{system}/api/{version}/ → {scope}-sys-{system}-api-{version}",
      "dlb-int-prod #1 /{scope}/sys/{system}/api/{version}/ → {scope}-sys-{system}-api-{version}",
      "dlb-int-np #2 /{scope}/prc/{system}/api/{version}/ → {scope}-prc-{system}-api-{version}",
      "dlb-int-prod #2 /{scope}/prc/{system}/api/{version}/ → {scope}-prc-{system}-api-{version}",
    ]);
    const data = plan.records.filter((r) => r.kind === "mapping-rule").map(({ data }) => data);
    expect(data[0]).toMatchObject({ outputPath: "/api/", protocol: "https" });
    expect({ ...data[0], loadBalancer: null }).toEqual({ ...data[1], loadBalancer: null });
    expect(countPlan(plan).created["mapping-rule"]).toBe(4);
    expect(plan.problems).toEqual([]);

    // Exported (each rule with its DLB) and read again: the same rules, nothing reported.
    const markdown = formatSpecDocument({
      workspaceName: "Acme",
      records: plan.records,
      decisions: [],
      openGaps: [],
      generatedAt: new Date("2026-12-04T12:00:00Z"),
    });
    const again = read(markdown);
    expect(again.owned("mapping-rule").sort()).toEqual(owned("mapping-rule").sort());
    expect(again.plan.problems).toEqual([]);
  });

  it("keeps a table whose load balancer cannot be told out of the records, with one problem naming it", () => {
    const { plan, owned, draft } = read(`${platform("two")}
## 4.7 Routing (mapping) Rules

Add a row per API; keep the order

${rules(sysRule, prcRule, "| 3 | /{scope}/exp/{system}/api/{version}/ | {scope}-exp-{system}-api-{version} | /api/ | HTTPS |")}
`);
    expect(owned("mapping-rule")).toEqual([]);
    expect(plan.problems.map((p) => `${p.place.line} ${p.message}`)).toEqual([
      '35 the DLB mapping rules table in "4.7 Routing (mapping) Rules" under "Add a row per API; keep the order": it does not say which load balancer its rules belong to: dlb-ext, dlb-int-np or dlb-int-prod? Name the load balancer (or its role, "External ..." / "Internal ...") in the line above the table, or add a DLB column; its 3 rows (/{scope}/sys/{system}/api/{version}/, /{scope}/prc/{system}/api/{version}/, /{scope}/exp/{system}/api/{version}/) were not imported',
    ]);
    // Nothing of the rows is reported as if it were kept.
    expect(draft.gaps.filter((g) => g.kind === "mapping-rule")).toEqual([]);
  });

  it("says so once when the table names a role the document has no load balancer of", () => {
    const { plan, owned } = read(`${platform("one").replace("| dlb-int | vpc-prod | Internal | 10.0.0.0/8 |", "")}
## 4.6 SSL endpoint and DNS configuration

Internal Facing Dedicated Load Balancer endpoints

| Environment | Public Endpoint DNS | Certificate Config | CNAME configuration |
|---|---|---|---|
| DEV | api-dev.acme.internal | acme-internal | none |
| PROD | api.acme.internal | acme-internal | none |
`);
    expect(owned("tls-endpoint")).toEqual([]);
    expect(plan.problems.map((p) => p.message)).toEqual([
      'the TLS endpoints table in "4.6 SSL endpoint and DNS configuration" under "Internal Facing Dedicated Load Balancer endpoints": it is for the internal load balancer, and the document has no internal one (only dlb-ext); its 2 rows (api-dev.acme.internal, api.acme.internal) were not imported',
    ]);
  });
});

describe("the template's example and instruction rows", () => {
  const { draft, plan } = read(`# 1. Business and Solution Context

## 1.2 Key Systems

| System | Description | Deployment Model | Key integration concerns |
|---|---|---|---|
| SAP S/4HANA | ERP | On-premise | Batch windows |
| <System> | <Description> | <On-premise / SaaS> | TODO: list the concerns |

## 1.5 Assumptions and Dependencies

| # | Assumption / Dependency | Owner |
|---|---|---|
| 1 | <Assumption / Dependency> | <Owner> |

# 2. Architecture Decisions

| Id | Decision | Rationale | Implication |
|---|---|---|---|
| D01 | Use CloudHub 2.0 for all new applications. | Managed runtime | Private spaces needed |
| Dxx | <Description of the decision> | <Rationale> | <Implication> |
| D02 | <Description of the decision> | <Rationale> | <Implication> |
`);

  it("become gaps that say so, kept nowhere, and never records or decisions", () => {
    expect(
      draft.gaps.map((g) => `${g.place.line} ${g.kind} ${g.record} ${g.field ?? "row"} ${g.kept ? "kept" : "lost"}`),
    ).toEqual([
      "8 system <System> row lost",
      "14 narrative-section Assumptions and Dependencies row lost",
      "21 decision Dxx row lost",
      "22 decision D02 row lost",
    ]);
    for (const gap of draft.gaps) expect(gap.reason).toMatch(/^the template's example row/);
    expect(draft.gaps[1]!.value).toBe("<Assumption / Dependency> | <Owner>");
    expect(plan.records.map((r) => `${r.kind} ${r.title}`)).toEqual(["system SAP S/4HANA"]);
    expect(plan.decisions.map((d) => d.number)).toEqual(["D01"]);
    expect(plan.problems).toEqual([]);
  });

  it("are not counted: the counts are what the plan stores", () => {
    const counts = countPlan(plan);
    expect(counts.created).toEqual({ system: 1, decision: 1 });
    const stored = [...plan.records.map((r) => r.action), ...plan.decisions.map((d) => d.action)];
    expect(Object.values(counts.created).reduce((a, b) => a + b, 0)).toBe(stored.filter((a) => a === "create").length);
  });

  it("are told from a real decision left under the example id, which is reported rather than dropped", () => {
    const { plan: written } = read(`## Architecture Decisions

| Id | Decision | Rationale | Implication |
|---|---|---|---|
| Dxx | Use Anypoint MQ for events | Managed broker | <Implication> |
`);
    expect(written.decisions).toEqual([]);
    expect(written.problems.map((p) => p.message)).toEqual([
      'decision id "Dxx" has no number (write D01, D02 ...); the row was not imported',
    ]);
  });

  it("leave a row that has one real value a record, its placeholders gaps", () => {
    const { plan: partial } = read(`## 1.2 Key Systems

| System | Description | Deployment Model | Key integration concerns |
|---|---|---|---|
| [CUSTOMER] CRM | TBD | SaaS | TODO: update the table |
`);
    expect(partial.records.map((r) => r.title)).toEqual(["[CUSTOMER] CRM"]);
    expect(partial.gaps.every((g) => g.kept)).toBe(true);
  });
});
