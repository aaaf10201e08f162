import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/domain/governance/engine";
import { strategyFloor } from "@/lib/domain/governance/rules/runtime-facts";
import { runtimeRules } from "@/lib/domain/governance/rules/runtimes";
import type { SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource, LiveValue } from "@/lib/domain/live/snapshot";
import { evaluationInput, liveResource, specEntry } from "@/lib/testing/governance";

const run = (id: string, spec: SpecEntry[], live: LiveResource[] = []) =>
  evaluate(
    runtimeRules.filter((r) => r.id === id),
    evaluationInput({ spec, live }),
    [],
  ).map((f) => [f.severity, f.message]);

const prod = specEntry(
  "environment",
  { name: "PROD", classification: "production", highAvailability: true },
  "env-prod",
);
const test = specEntry("environment", { name: "TEST", classification: "sandbox" }, "env-test");
const activeActive = specEntry(
  "recovery-tier",
  { name: "Tier 1 Mission-Critical", rtoMinutes: 15, rpoMinutes: 0, strategy: "Active-Active" },
  "tier-1",
);
const tier2 = specEntry("recovery-tier", { name: "Tier 2 Business-Critical", strategy: "Active-Passive" }, "tier-2");
const orders = specEntry("application", { name: "orders-api", layer: "process", drTier: "tier-1" }, "app-orders");
const reports = specEntry("application", { name: "reports-api", layer: "process", drTier: "tier-2" }, "app-reports");

const fabric = (attributes: Record<string, LiveValue>) =>
  liveResource("runtime-fabric", "rtf-prod", {
    businessGroup: "ACME",
    attributes: { environments: ["PROD"], ...attributes },
  });

describe("AVAIL-RTF-NODES", () => {
  it("reports a production fabric with one controller or one worker, and nodes not ready", () => {
    expect(run("AVAIL-RTF-NODES", [prod], [fabric({ controllers: 1, workers: 1, nodesNotReady: ["wrk-2"] })])).toEqual([
      ["error", 'Runtime Fabric "rtf-prod" (serving PROD) runs 1 controller; production needs 3'],
      ["error", 'Runtime Fabric "rtf-prod" (serving PROD) runs 1 worker; production needs at least 2'],
      ["error", 'Runtime Fabric "rtf-prod" has nodes not ready: wrk-2'],
    ]);
  });

  it("accepts 3 controllers and 2 workers all ready, a sandbox fabric, and counts not read", () => {
    expect(run("AVAIL-RTF-NODES", [prod], [fabric({ controllers: 3, workers: 2, nodesNotReady: [] })])).toEqual([]);
    expect(
      run("AVAIL-RTF-NODES", [prod, test], [fabric({ environments: ["TEST"], controllers: 1, workers: 1 })]),
    ).toEqual([]);
    expect(run("AVAIL-RTF-NODES", [prod], [fabric({ controllers: null, workers: null, nodesNotReady: null })])).toEqual(
      [],
    );
  });

  it("warns of a fabric planned for production with one controller", () => {
    const planned = specEntry("runtime-fabric", {
      name: "rtf-prod",
      environments: ["env-prod"],
      controllers: 1,
      workers: 3,
    });
    expect(run("AVAIL-RTF-NODES", [prod, planned])).toEqual([
      [
        "warning",
        'Runtime Fabric "rtf-prod" is planned for production with 1 controller; plan 3 controllers and at least 2 workers',
      ],
    ]);
    const proper = specEntry("runtime-fabric", {
      name: "rtf-prod",
      environments: ["env-prod"],
      controllers: 3,
      workers: 3,
    });
    expect(run("AVAIL-RTF-NODES", [prod, proper])).toEqual([]);
  });
});

describe("AVAIL-CLUSTER-NODES", () => {
  const cluster = (environment: string, runningNodes: LiveValue, nodesDown: LiveValue) =>
    liveResource("mule-cluster", "onprem-cluster", { environment, attributes: { nodes: 2, runningNodes, nodesDown } });

  it("reports a production cluster with one node running, and warns of a node down in a bigger one", () => {
    expect(run("AVAIL-CLUSTER-NODES", [prod], [cluster("PROD", 1, ["node-2"])])).toEqual([
      ["error", 'Mule cluster "onprem-cluster" in PROD has 1 running node; not running: node-2; it needs at least 2'],
    ]);
    expect(run("AVAIL-CLUSTER-NODES", [prod], [cluster("PROD", 2, ["node-3"])])).toEqual([
      [
        "warning",
        'Mule cluster "onprem-cluster" in PROD has 2 running nodes; not running: node-3; it needs at least 2',
      ],
    ]);
  });

  it("accepts two running nodes, a test cluster, and a cluster whose members were not read", () => {
    expect(run("AVAIL-CLUSTER-NODES", [prod], [cluster("PROD", 2, [])])).toEqual([]);
    expect(run("AVAIL-CLUSTER-NODES", [prod, test], [cluster("TEST", 1, ["node-2"])])).toEqual([]);
    expect(run("AVAIL-CLUSTER-NODES", [prod], [cluster("PROD", null, null)])).toEqual([]);
  });

  it("warns of a cluster planned with one node in production", () => {
    const planned = specEntry("mule-cluster", { name: "onprem-cluster", environment: "env-prod", nodes: 1 });
    expect(run("AVAIL-CLUSTER-NODES", [prod, planned]).map(([s]) => s)).toEqual(["warning"]);
    expect(run("AVAIL-CLUSTER-NODES", [prod, { ...planned, data: { ...planned.data, nodes: 2 } }])).toEqual([]);
  });
});

describe("AVAIL-MQ-DLQ", () => {
  const queue = (name: string, environment: string, attributes: Record<string, LiveValue>) =>
    liveResource("mq-destination", name, {
      environment,
      attributes: { type: "queue", region: "eu-central-1", ...attributes },
    });
  const plannedQueue = (name: string, usedBy: string[], more: Record<string, unknown> = {}) =>
    specEntry("mq-destination", {
      name,
      environment: "env-prod",
      region: "eu-central-1",
      type: "queue",
      usedBy,
      ...more,
    });

  it("is an error for a queue a tier 1 application uses, a warning for another production queue", () => {
    const live = [
      queue("orders-q", "PROD", { deadLetterQueue: "", maxDeliveries: null }),
      queue("audit-q", "PROD", { deadLetterQueue: "audit-dlq", maxDeliveries: null }),
      queue("audit-dlq", "PROD", { deadLetterQueue: "", maxDeliveries: null }),
    ];
    const spec = [
      prod,
      activeActive,
      orders,
      plannedQueue("orders-q", ["app-orders"], { deadLetterQueue: "orders-dlq" }),
    ];
    expect(run("AVAIL-MQ-DLQ", spec, live)).toEqual([
      ["error", 'Queue "orders-q" in PROD (eu-central-1) has no dead-letter queue; tier 1 orders-api uses it'],
      ["warning", 'Queue "audit-q" in PROD (eu-central-1) has a dead-letter queue but no max deliveries'],
    ]);
  });

  it("accepts a queue with its dead-letter queue and max deliveries, the dead-letter queue itself, an exchange, a test queue", () => {
    const live = [
      queue("orders-q", "PROD", { deadLetterQueue: "orders-dlq", maxDeliveries: 10 }),
      queue("orders-dlq", "PROD", { deadLetterQueue: "", maxDeliveries: null }),
      liveResource("mq-destination", "events-x", {
        environment: "PROD",
        attributes: { type: "exchange", deadLetterQueue: null },
      }),
      queue("scratch-q", "TEST", { deadLetterQueue: "", maxDeliveries: null }),
    ];
    expect(run("AVAIL-MQ-DLQ", [prod, test], live)).toEqual([]);
  });

  it("reports a queue planned without a dead-letter queue for a tier 1 application", () => {
    expect(run("AVAIL-MQ-DLQ", [prod, activeActive, orders, plannedQueue("orders-q", ["app-orders"])])).toEqual([
      ["warning", 'Queue "orders-q" is planned without a dead-letter queue, and tier 1 orders-api uses it'],
    ]);
    expect(run("AVAIL-MQ-DLQ", [prod, tier2, reports, plannedQueue("reports-q", ["app-reports"])])).toEqual([]);
  });
});

describe("AVAIL-MQ-SINGLE-REGION", () => {
  const planned = (region: string) =>
    specEntry("mq-destination", {
      name: "orders-q",
      environment: "env-prod",
      region,
      type: "queue",
      usedBy: ["app-orders"],
    });

  it("reports a queue of an active-active tier 1 application that exists in one region", () => {
    expect(run("AVAIL-MQ-SINGLE-REGION", [prod, activeActive, orders, planned("eu-central-1")])).toEqual([
      [
        "error",
        'Queue "orders-q" exists only in eu-central-1, but active-active tier 1 orders-api uses it: MQ does not replicate across regions',
      ],
    ]);
  });

  it("accepts the queue in a second region (planned or live), and a tier 2 application", () => {
    expect(
      run("AVAIL-MQ-SINGLE-REGION", [prod, activeActive, orders, planned("eu-central-1"), planned("eu-west-1")]),
    ).toEqual([]);
    const live = liveResource("mq-destination", "orders-q", {
      environment: "PROD",
      attributes: { type: "queue", region: "eu-west-1" },
    });
    expect(run("AVAIL-MQ-SINGLE-REGION", [prod, activeActive, orders, planned("eu-central-1")], [live])).toEqual([]);
    const tier2Orders = { ...orders, data: { ...orders.data, drTier: "tier-2" } };
    expect(run("AVAIL-MQ-SINGLE-REGION", [prod, tier2, tier2Orders, planned("eu-central-1")])).toEqual([]);
  });
});

describe("AVAIL-OS-REGION", () => {
  const store = (region: string) =>
    specEntry("object-store", { name: "tracking-os", environment: "env-prod", region, usedBy: ["app-orders"] });
  const app = liveResource("application", "orders-api", {
    environment: "PROD",
    attributes: { platform: "cloudhub-1", region: "eu-central-1" },
  });

  it("warns of a store in another region than the application's workers", () => {
    expect(run("AVAIL-OS-REGION", [prod, orders, store("us-east-1")], [app])).toEqual([
      ["warning", 'Object store "tracking-os" is in us-east-1, but "orders-api" runs in eu-central-1'],
    ]);
  });

  it("accepts a store in the application's region, and an application whose region is unknown", () => {
    expect(run("AVAIL-OS-REGION", [prod, orders, store("eu-central-1")], [app])).toEqual([]);
    expect(run("AVAIL-OS-REGION", [prod, orders, store("us-east-1")], [])).toEqual([]);
  });
});

describe("AVAIL-OS-V1", () => {
  const ch1 = (name: string, environment: string, objectStoreV1: LiveValue) =>
    liveResource("application", name, {
      environment,
      attributes: { platform: "cloudhub-1", region: "eu-central-1", objectStoreV1 },
    });

  it("warns of a tier 1 application with a regional recovery whose production copy uses Object Store v1", () => {
    expect(run("AVAIL-OS-V1", [prod, test, activeActive, orders], [ch1("orders-api", "PROD", true)])).toEqual([
      [
        "warning",
        '"orders-api" in PROD uses Object Store v1, which CloudHub keeps in US East whatever the application\'s region (eu-central-1): its active-active recovery fails over without its store when US East is down',
      ],
    ]);
  });

  it("accepts Object Store v2, a flag the settings did not show, a test copy, and a tier 2 application", () => {
    const spec = [prod, test, activeActive, tier2, orders, reports];
    expect(run("AVAIL-OS-V1", spec, [ch1("orders-api", "PROD", false)])).toEqual([]);
    expect(run("AVAIL-OS-V1", spec, [ch1("orders-api", "PROD", null)])).toEqual([]);
    expect(run("AVAIL-OS-V1", spec, [ch1("orders-api-test", "TEST", true)])).toEqual([]);
    expect(run("AVAIL-OS-V1", spec, [ch1("reports-api", "PROD", true)])).toEqual([]);
  });

  it("accepts a tier 1 application recovered from backup in its own region", () => {
    const backup = specEntry("recovery-tier", { name: "Tier 1 Core", strategy: "Backup and restore" }, "tier-1");
    expect(run("AVAIL-OS-V1", [prod, backup, orders], [ch1("orders-api", "PROD", true)])).toEqual([]);
  });
});

describe("AVAIL-DR-STRATEGY", () => {
  const tier = (strategy: string, rtoMinutes: number, rpoMinutes: number) =>
    specEntry("recovery-tier", { name: "Tier 1 Mission-Critical", strategy, rtoMinutes, rpoMinutes });

  it("reports cold standby against a 15-minute RTO, and an RPO of 0 without synchronous active-active", () => {
    expect(run("AVAIL-DR-STRATEGY", [tier("Cold standby", 15, 60)])).toEqual([
      [
        "error",
        'Recovery tier "Tier 1 Mission-Critical" asks for an RTO of 15 min (cold standby recovers in about 240 min), which its strategy "Cold standby" cannot meet',
      ],
    ]);
    expect(run("AVAIL-DR-STRATEGY", [tier("Active-Passive with async replication", 60, 0)])).toHaveLength(1);
  });

  it("accepts objectives a strategy meets, and a strategy it does not know", () => {
    expect(run("AVAIL-DR-STRATEGY", [tier("Active-Active with synchronous replication", 15, 0)])).toEqual([]);
    expect(run("AVAIL-DR-STRATEGY", [tier("Cold standby", 480, 1440)])).toEqual([]);
    expect(run("AVAIL-DR-STRATEGY", [tier("Something bespoke", 1, 0)])).toEqual([]);
    expect(strategyFloor("Warm Standby")).toMatchObject({ rto: 60 });
  });
});

describe("CAP-RTF-WORKERS", () => {
  it("warns at 80 % of the workers' CPU reserved and is an error at 100 %", () => {
    expect(run("CAP-RTF-WORKERS", [], [fabric({ workerCpuMillis: 8000, workerCpuMillisRequested: 6800 })])).toEqual([
      ["warning", 'Runtime Fabric "rtf-prod" workers have 85 % of their CPU reserved (6.8 of 8 cores)'],
    ]);
    expect(
      run("CAP-RTF-WORKERS", [], [fabric({ workerCpuMillis: 8000, workerCpuMillisRequested: 8000 })]).map(([s]) => s),
    ).toEqual(["error"]);
  });

  it("accepts headroom, and capacity not read", () => {
    expect(run("CAP-RTF-WORKERS", [], [fabric({ workerCpuMillis: 8000, workerCpuMillisRequested: 5000 })])).toEqual([]);
    expect(run("CAP-RTF-WORKERS", [], [fabric({ workerCpuMillis: null, workerCpuMillisRequested: null })])).toEqual([]);
  });
});

describe("remediations name the values of each finding", () => {
  const fixes = (id: string, spec: SpecEntry[], live: LiveResource[] = []) =>
    evaluate(
      runtimeRules.filter((r) => r.id === id),
      evaluationInput({ spec, live }),
      [],
    ).map((f) => f.remediation);

  it("AVAIL-RTF-NODES: how many nodes to add, which to bring back, what to plan", () => {
    const planned = specEntry("runtime-fabric", { name: "rtf-plan", environments: ["env-prod"], controllers: 1 });
    expect(
      fixes("AVAIL-RTF-NODES", [prod, planned], [fabric({ controllers: 1, workers: 1, nodesNotReady: ["wrk-2"] })]),
    ).toEqual([
      'Add 2 controller nodes to "rtf-prod" (3 in all, now 1)',
      'Add 1 worker node to "rtf-prod" (at least 2, now 1)',
      'Bring wrk-2 of "rtf-prod" back to ready, or replace it',
      'Plan "rtf-plan" with 3 controllers and at least 2 workers (now 1 controller)',
    ]);
  });

  it("AVAIL-CLUSTER-NODES: the nodes to start again, or the node to add", () => {
    const cluster = (runningNodes: number, nodesDown: string[]) =>
      liveResource("mule-cluster", "onprem-cluster", {
        environment: "PROD",
        attributes: { nodes: 2, runningNodes, nodesDown },
      });
    expect(fixes("AVAIL-CLUSTER-NODES", [prod], [cluster(1, ["node-2"])])).toEqual([
      'Start node-2 of "onprem-cluster" again so that at least 2 nodes run (now 1)',
    ]);
    expect(fixes("AVAIL-CLUSTER-NODES", [prod], [cluster(1, [])])).toEqual([
      'Add a node to "onprem-cluster" in PROD (or start a stopped one) so that at least 2 run (now 1)',
    ]);
  });

  it("AVAIL-MQ-DLQ: the queue, its environment and region, and what it lacks", () => {
    const queue = (name: string, deadLetterQueue: string) =>
      liveResource("mq-destination", name, {
        environment: "PROD",
        attributes: { type: "queue", region: "eu-central-1", deadLetterQueue, maxDeliveries: null },
      });
    expect(fixes("AVAIL-MQ-DLQ", [prod], [queue("orders-q", ""), queue("audit-q", "audit-dlq")])).toEqual([
      'Set the max deliveries of queue "audit-q" in PROD (e.g. 10), so that a message that keeps failing moves to "audit-dlq"',
      'Give queue "orders-q" in PROD (eu-central-1) a dead-letter queue and set its max deliveries (e.g. 10)',
    ]);
  });

  it("AVAIL-OS-V1: the application, its environment and the region its store would live in", () => {
    const app = liveResource("application", "orders-api", {
      environment: "PROD",
      attributes: { platform: "cloudhub-1", region: "eu-central-1", objectStoreV1: true },
    });
    expect(fixes("AVAIL-OS-V1", [prod, activeActive, orders], [app])).toEqual([
      'Redeploy "orders-api" in PROD with Object Store v2, which keeps its data in eu-central-1 (a store per region it runs in)',
    ]);
  });

  it("AVAIL-MQ-SINGLE-REGION: the queue, its region, and the regions its users run in besides", () => {
    const queue = specEntry("mq-destination", {
      name: "orders-q",
      environment: "env-prod",
      region: "eu-central-1",
      type: "queue",
      usedBy: ["app-orders"],
    });
    const live = [
      liveResource("application", "orders-api", {
        environment: "PROD",
        attributes: { platform: "cloudhub-1", region: "eu-central-1" },
      }),
      liveResource("application", "orders-api-dr", {
        environment: "DR",
        attributes: { platform: "cloudhub-2-private-space", target: "ps-dr" },
      }),
      liveResource("private-space", "ps-dr", { attributes: { region: "eu-west-1" } }),
    ];
    expect(fixes("AVAIL-MQ-SINGLE-REGION", [prod, activeActive, orders, queue], live)).toEqual([
      'Create queue "orders-q" in eu-west-1 too, where orders-api runs besides eu-central-1, and bridge its messages between the regions',
    ]);
    expect(fixes("AVAIL-MQ-SINGLE-REGION", [prod, activeActive, orders, queue])).toEqual([
      'Create queue "orders-q" in every region orders-api runs in besides eu-central-1, and bridge its messages between the regions',
    ]);
  });

  it("AVAIL-OS-REGION: the application, the regions it runs in, and the store it uses now", () => {
    const store = specEntry("object-store", {
      name: "tracking-os",
      environment: "env-prod",
      region: "us-east-1",
      usedBy: ["app-orders"],
    });
    const live = [
      liveResource("application", "orders-api", {
        environment: "PROD",
        attributes: { platform: "cloudhub-1", region: "eu-central-1" },
      }),
      liveResource("application", "orders-api-dr", {
        environment: "DR",
        attributes: { platform: "cloudhub-1", region: "eu-west-1" },
      }),
    ];
    expect(fixes("AVAIL-OS-REGION", [prod, orders, store], live.slice(0, 1))).toEqual([
      'Give "orders-api" an object store in eu-central-1 in place of "tracking-os" (us-east-1)',
    ]);
    expect(fixes("AVAIL-OS-REGION", [prod, orders, store], live)).toEqual([
      'Give "orders-api" an object store in eu-central-1 and eu-west-1 in place of "tracking-os" (us-east-1), one per region it runs in',
    ]);
  });

  it("AVAIL-DR-STRATEGY: the cheapest strategy that meets the objectives, or the objectives it can meet", () => {
    const tier = (strategy: string, rtoMinutes: number, rpoMinutes: number) =>
      specEntry("recovery-tier", { name: "Tier 1 Mission-Critical", strategy, rtoMinutes, rpoMinutes });
    expect(fixes("AVAIL-DR-STRATEGY", [tier("Cold standby", 15, 60)])).toEqual([
      'Change the strategy of "Tier 1 Mission-Critical" from "Cold standby" to active-passive, which can meet an RTO of 15 min and an RPO of 60 min, or relax its objectives to an RTO of 240 min or more',
    ]);
    expect(fixes("AVAIL-DR-STRATEGY", [tier("Warm standby", 30, 5)])).toEqual([
      'Change the strategy of "Tier 1 Mission-Critical" from "Warm standby" to active-active with asynchronous replication, which can meet an RTO of 30 min and an RPO of 5 min, or relax its objectives to an RTO of 60 min or more and an RPO of 15 min or more',
    ]);
    expect(fixes("AVAIL-DR-STRATEGY", [tier("Active-Passive with async replication", 60, 0)])).toEqual([
      'Change the strategy of "Tier 1 Mission-Critical" from "Active-Passive with async replication" to active-active with synchronous replication, which can meet an RTO of 60 min and an RPO of 0 min, or relax its objectives to an RPO of 15 min or more',
    ]);
  });

  it("CAP-RTF-WORKERS: the cores to release to get under 80 %, and what is reserved", () => {
    expect(fixes("CAP-RTF-WORKERS", [], [fabric({ workerCpuMillis: 8000, workerCpuMillisRequested: 6800 })])).toEqual([
      'Reduce the CPU the applications on "rtf-prod" reserve by 0.5 cores or more, or add worker nodes: 6.8 of 8 cores are reserved',
    ]);
    expect(fixes("CAP-RTF-WORKERS", [], [fabric({ workerCpuMillis: 8000, workerCpuMillisRequested: 6400 })])).toEqual([
      'Reduce the CPU the applications on "rtf-prod" reserve by 0.1 cores or more, or add worker nodes: 6.4 of 8 cores are reserved',
    ]);
  });
});
