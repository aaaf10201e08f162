// The runtimes beyond CloudHub in the document: Runtime Fabric, on-premise clusters, server groups
// and servers, Anypoint MQ destinations and Object Stores; read, written back, and read again.

import { describe, expect, it } from "vitest";
import { countPlan, planImport, type ImportPlan } from "@/lib/domain/document/plan";
import { readSpecDocument } from "@/lib/domain/document/read-spec";
import { formatSpecDocument } from "@/lib/domain/document/write-spec";
import { kindFields } from "@/lib/domain/spec/kinds";

const ids = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, "0")}`;
};

const importText = (text: string) =>
  planImport(readSpecDocument([{ name: "spec.md", text }]), [], [], { includeOffered: false, newId: ids() });

const exported = (plan: ImportPlan) =>
  formatSpecDocument({
    workspaceName: "Harbourline",
    records: plan.records,
    decisions: [],
    openGaps: [],
    generatedAt: new Date("2026-11-21T12:00:00Z"),
  });

/** A plan's records with references as names: comparable across imports. */
function comparable(plan: ImportPlan) {
  const titles = new Map(plan.records.map((r) => [r.id, r.title]));
  return plan.records
    .map((r) => {
      const data = Object.fromEntries(
        kindFields(r.kind).map((f) => {
          const value = r.data[f.name];
          if (!f.ref) return [f.name, value];
          return [
            f.name,
            Array.isArray(value) ? value.map((id) => titles.get(id)) : value ? titles.get(String(value)) : value,
          ];
        }),
      );
      return `${r.kind} ${r.title} ${JSON.stringify(data)}`;
    })
    .sort();
}

const base = `# 4. Platform Architecture and Setup

## 4.1 Business Groups

| Business Group | Description |
|---|---|
| Harbourline | Master organisation |

## 4.2 Environments Model

| Environment | Description | Classification (vCore) | High Availability? | Deployed By |
|---|---|---|---|---|
| TEST | System test | Sandbox | No | CI pipeline |
| PROD | Production | Production | Yes | Release team |
`;

const applications = `
# 6. Application Architecture

## 6.1 Application Inventory

| Application | Layer | Environments | Target | Target name |
|---|---|---|---|---|
| hl-sys-sap-api-v1 | System | PROD | RTF | hl-rtf-prod |
| hl-prc-orders-api-v1 | Process | PROD | CloudHub 2.0 | hl-ps-prod |
| hl-exp-tracking-api-v1 | Experience | PROD | CH1 | |
| hl-sys-wms-api-v1 | System | TEST | On-premise server group | hl-group-test |
`;

const runtimes = `
## 4.8 On-premise

Mule clusters

| Cluster name | Environment | Type (unicast/multicast) | Nodes | Members |
|---|---|---|---|---|
| hl-cluster-prod | PROD | Unicast | 2 | hl-mule-01.hl.internal<br>hl-mule-02.hl.internal |

Server groups

| Server group | Environment | Servers |
|---|---|---|
| hl-group-test | TEST | 2 |

Mule servers

| Server name | Environment | Host | Runtime version | Cluster | Server group |
|---|---|---|---|---|---|
| hl-mule-01 | PROD | hl-mule-01.hl.internal | 4.6.9 | hl-cluster-prod | |
| hl-mule-02 | PROD | hl-mule-02.hl.internal | 4.6.9 | hl-cluster-prod | |
| hl-mule-03 | TEST | 10.40.8.13 | 4.6.9 | | hl-group-test |

## 4.9 Runtime Fabric

| Name | Environments | Region | Controllers | Workers | Worker size | Inbound load balancer | Version |
|---|---|---|---|---|---|---|---|
| hl-rtf-prod | PROD | Hamburg DC | 3 | 3 | 4 CPU / 15 GiB | F5 VIP 10.1.2.3:443 | 2.6.10 |

## 4.10 Anypoint MQ

| Destination | Type | Environment | Region | FIFO | Encrypted | TTL | Lock TTL | DLQ | Max deliveries | Bound queues | Used by |
|---|---|---|---|---|---|---|---|---|---|---|---|
| hl-orders-q | Queue | PROD | eu-central-1 | No | Yes | 7 days | 2 min | hl-orders-dlq | 10 | | hl-prc-orders-api-v1 |
| hl-orders-dlq | Queue | PROD | eu-central-1 | No | Yes | 14 days | 120 s | | | | |
| hl-orders-q | Queue | TEST | eu-central-1 | No | No | 1 h | 30 s | | | | |
| hl-events-x | Exchange | PROD | eu-central-1 | | Yes | | | | | hl-orders-q | hl-prc-orders-api-v1, hl-sys-sap-api-v1 |

## 4.11 Object Store

| Object store | Environment | Region | Used by |
|---|---|---|---|
| hl-tracking-os | PROD | eu-central-1 | hl-exp-tracking-api-v1 |
`;

describe("the runtimes beyond CloudHub in the document", () => {
  const plan = importText(base + runtimes + applications);
  const find = (kind: string, title: string, environment?: string) =>
    plan.records.find(
      (r) =>
        r.kind === kind &&
        r.title === title &&
        (environment === undefined || titleOf(r.data.environment) === environment),
    )!;
  const titleOf = (id: unknown) => plan.records.find((r) => r.id === id)?.title;

  it("reads every table into records, with no gaps and no problems", () => {
    expect(plan.problems).toEqual([]);
    expect(plan.gaps).toEqual([]);
    expect(countPlan(plan).created).toMatchObject({
      "runtime-fabric": 1,
      "mule-cluster": 1,
      "server-group": 1,
      "mule-server": 3,
      "mq-destination": 4,
      "object-store": 1,
      application: 4,
    });
  });

  it("reads a Runtime Fabric's worker size from one cell", () => {
    const fabric = find("runtime-fabric", "hl-rtf-prod");
    expect(fabric.data).toMatchObject({
      region: "Hamburg DC",
      controllers: 3,
      workers: 3,
      workerCpu: 4,
      workerMemory: 15,
      inboundLoadBalancer: "F5 VIP 10.1.2.3:443",
      version: "2.6.10",
    });
    expect((fabric.data.environments as string[]).map(titleOf)).toEqual(["PROD"]);
  });

  it("links servers to their cluster or server group, and lists a cluster's members", () => {
    expect(find("mule-cluster", "hl-cluster-prod").data).toMatchObject({
      membership: "unicast",
      nodes: 2,
      members: ["hl-mule-01.hl.internal", "hl-mule-02.hl.internal"],
    });
    expect(titleOf(find("mule-server", "hl-mule-01").data.cluster)).toBe("hl-cluster-prod");
    expect(titleOf(find("mule-server", "hl-mule-03").data.serverGroup)).toBe("hl-group-test");
    expect(find("server-group", "hl-group-test").data.servers).toBe(2);
  });

  it("reads MQ durations in seconds, and keeps a destination of the same name per environment", () => {
    expect(find("mq-destination", "hl-orders-q", "PROD").data).toMatchObject({
      type: "queue",
      region: "eu-central-1",
      encrypted: true,
      fifo: false,
      ttlSeconds: 604800,
      lockTtlSeconds: 120,
      deadLetterQueue: "hl-orders-dlq",
      maxDeliveries: 10,
    });
    expect(find("mq-destination", "hl-orders-q", "TEST").data).toMatchObject({ ttlSeconds: 3600, lockTtlSeconds: 30 });
    const exchange = find("mq-destination", "hl-events-x");
    expect(exchange.data).toMatchObject({ type: "exchange", boundQueues: ["hl-orders-q"], ttlSeconds: null });
    expect((exchange.data.usedBy as string[]).map(titleOf)).toEqual(["hl-prc-orders-api-v1", "hl-sys-sap-api-v1"]);
    expect((find("object-store", "hl-tracking-os").data.usedBy as string[]).map(titleOf)).toEqual([
      "hl-exp-tracking-api-v1",
    ]);
  });

  it("reads where each application runs", () => {
    const targets = ["hl-sys-sap-api-v1", "hl-prc-orders-api-v1", "hl-exp-tracking-api-v1", "hl-sys-wms-api-v1"].map(
      (name) => [find("application", name).data.target, find("application", name).data.targetName],
    );
    expect(targets).toEqual([
      ["runtime-fabric", "hl-rtf-prod"],
      ["cloudhub-2", "hl-ps-prod"],
      ["cloudhub-1", ""],
      ["server-group", "hl-group-test"],
    ]);
  });

  it("keeps an application whose target name has no target, leaving the name out", () => {
    const result = importText(`${base}
## Application Inventory

| Application | Layer | Environments | Target name |
|---|---|---|---|
| hl-sys-sap-api-v1 | System | PROD | hl-rtf-prod |
`);
    expect(result.records.find((r) => r.kind === "application")!.data).toMatchObject({ target: "", targetName: "" });
    expect(result.problems.map((p) => p.message)).toEqual([
      'Application "hl-sys-sap-api-v1": Target name "hl-rtf-prod": needs a Target: a Runtime Fabric, cluster, server group, server or CloudHub 2.0 private space; left empty',
    ]);
  });

  it("writes the tables under the template's sections, and reads the export back the same", () => {
    const markdown = exported(plan);
    for (const line of [
      "## 4.3 On-premise",
      "Mule clusters",
      "| Cluster name | Environment | Type (unicast/multicast) | Nodes | Members |",
      "| hl-cluster-prod | PROD | Unicast | 2 | hl-mule-01.hl.internal, hl-mule-02.hl.internal |",
      "| Server group | Environment | Servers |",
      "| Server name | Environment | Host | Runtime version | Cluster | Server group |",
      "## 4.4 Runtime Fabric",
      "| Name | Environments | Region | Controllers | Workers | Worker size | Inbound load balancer | Version | Business Group |",
      "| hl-rtf-prod | PROD | Hamburg DC | 3 | 3 | 4 CPU / 15 GiB | F5 VIP 10.1.2.3:443 | 2.6.10 |  |",
      "## 4.5 Anypoint MQ",
      "| Destination | Type | Environment | Region | FIFO | Encrypted | TTL | Lock TTL | DLQ | Max deliveries | Bound queues | Used by |",
      "| hl-orders-q | Queue | PROD | eu-central-1 | No | Yes | 7 d | 2 min | hl-orders-dlq | 10 |  | hl-prc-orders-api-v1 |",
      "## 4.6 Object Store",
      "| Object store | Environment | Region | Used by |",
    ])
      expect(markdown).toContain(line);
    const again = importText(markdown);
    expect(again.problems).toEqual([]);
    expect(comparable(again)).toEqual(comparable(plan));
  });

  it("reads aliases: separate CPU and memory columns, a dead-letter queue header, no Type column", () => {
    const text = `${base}
## Runtime Fabric

| Runtime Fabric | Environment | Data centre | Controller nodes | Worker nodes | Worker CPU | Worker memory | TCP load balancer | RTF version |
|---|---|---|---|---|---|---|---|---|
| hl-rtf-prod | PROD | Hamburg DC | 3 | 4 | 8 | 32 | F5 VIP | 2.6.10 |

## Anypoint MQ

| Queue name | Environment | Region | Time to live | Acknowledgement timeout | Dead letter queue | Delivery attempts |
|---|---|---|---|---|---|---|
| hl-orders-q | PROD | eu-central-1 | 604800 | 2 minutes | hl-orders-dlq | 5 |
`;
    const result = importText(text);
    expect(result.problems).toEqual([]);
    const of = (kind: string) => result.records.find((r) => r.kind === kind)!.data;
    expect(of("runtime-fabric")).toMatchObject({
      workers: 4,
      workerCpu: 8,
      workerMemory: 32,
      inboundLoadBalancer: "F5 VIP",
      version: "2.6.10",
    });
    expect(of("mq-destination")).toMatchObject({
      type: "queue",
      ttlSeconds: 604800,
      lockTtlSeconds: 120,
      deadLetterQueue: "hl-orders-dlq",
      maxDeliveries: 5,
    });
  });

  it('keeps a section saying only "Not applicable at this stage." as decided narrative, not a gap', () => {
    const text = `${base}
## 4.8 On-premise

Not applicable at this stage.

## 4.9 Runtime Fabric

Not applicable at this stage.

## Anypoint MQ

_Not applicable_
`;
    const result = importText(text);
    const narratives = result.records.filter((r) => r.kind === "narrative-section");
    expect(narratives.map((r) => [r.title, r.data.notApplicable])).toEqual([
      ["On-premise", true],
      ["Runtime Fabric", true],
      ["Anypoint MQ", true],
    ]);
    expect(result.records.some((r) => ["runtime-fabric", "mule-cluster", "mq-destination"].includes(r.kind))).toBe(
      false,
    );
    expect(result.gaps).toEqual([]);
    // Written back, the sections say so again.
    expect(exported(result)).toMatch(/## 4\.3 On-premise\n\nNot applicable at this stage\.\n/);
  });

  it("reports placeholders in the new tables as gaps, and drops what an exchange cannot have", () => {
    const text = `${base}
## Runtime Fabric

| Name | Environments | Region | Controllers | Workers | Worker size | Inbound load balancer | Version |
|---|---|---|---|---|---|---|---|
| hl-rtf-prod | PROD | TBD | <3> | 3 | TBD | TODO | 2.6.10 |

## Anypoint MQ

| Destination | Type | Environment | Region | DLQ | Bound queues |
|---|---|---|---|---|---|
| hl-events-x | Exchange | PROD | eu-central-1 | hl-events-dlq | hl-orders-q |
`;
    const result = importText(text);
    expect(result.gaps.map((g) => [g.record, g.field, g.kept])).toEqual([
      ["hl-rtf-prod", "region", true],
      ["hl-rtf-prod", "controllers", false],
      ["hl-rtf-prod", "inboundLoadBalancer", true],
      ["hl-rtf-prod", "workerCpu", false],
    ]);
    expect(result.problems.map((p) => p.message)).toEqual([
      'MQ destination "hl-events-x": Dead-letter queue "hl-events-dlq": applies to queues only; set it on the queues bound to the exchange; left empty',
    ]);
    expect(result.records.find((r) => r.kind === "mq-destination")!.data).toMatchObject({
      deadLetterQueue: "",
      boundQueues: ["hl-orders-q"],
    });
  });
});
