import { describe, expect, it } from "vitest";
import { buildTopology } from "@/lib/domain/topology/build";
import type { TopologyGraph } from "@/lib/domain/topology/types";
import { liveResource, specEntry } from "@/lib/testing/governance";
import { topologyFixture } from "@/lib/testing/topology";

const node = (graph: TopologyGraph, id: string) => {
  const found = graph.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id} in ${graph.nodes.map((n) => n.id).join(", ")}`);
  return found;
};
const edge = (graph: TopologyGraph, kind: string, source: string, target: string) =>
  graph.edges.find((e) => e.kind === kind && e.source === source && e.target === target);

describe("the platform view", () => {
  const graph = buildTopology("platform", topologyFixture());

  it("nests regions, VPCs with their CIDR, load balancers and applications per environment", () => {
    expect(node(graph, "control-plane").label).toBe("Anypoint control plane (EU)");
    expect(node(graph, "region:eu-central-1")).toMatchObject({ container: true, parent: null });
    expect(node(graph, "vpc:vpc-main")).toMatchObject({
      kind: "vpc",
      container: true,
      parent: "region:eu-central-1",
      detail: "10.20.0.0/20",
      environments: ["DEV", "PROD"],
      businessGroup: "Logistics",
    });
    expect(node(graph, "load-balancer:dlb-ext")).toMatchObject({ parent: "vpc:vpc-main", detail: "DLB · external" });
    expect(node(graph, "environment:vpc:vpc-main:PROD")).toMatchObject({ parent: "vpc:vpc-main", container: true });
    expect(node(graph, "application:app-orders:PROD")).toMatchObject({
      parent: "environment:vpc:vpc-main:PROD",
      label: "nwf-prc-orders-api-v1",
      layer: "process",
      live: { kind: "application", externalId: "la-orders-prod" },
    });
    // The DR environment lives in the DR VPC in another region.
    expect(node(graph, "application:app-orders:DR").parent).toBe("environment:vpc:vpc-dr:DR");
    expect(node(graph, "vpc:vpc-dr").parent).toBe("region:eu-west-1");
    expect(edge(graph, "control", "control-plane", "region:eu-west-1")).toBeDefined();
  });

  it("draws the plan against the estate: planned-only, unplanned, built differently, in both", () => {
    expect(node(graph, "vpc:vpc-main").overlay).toBe("both");
    expect(node(graph, "vpc:vpc-dr").overlay).toBe("planned-only");
    expect(node(graph, "vpn:vpn-dc").overlay).toBe("planned-only");
    expect(node(graph, "application:app-sap:PROD").overlay).toBe("planned-only");
    // Deployed as "<name>-dev" in DEV: the same application.
    expect(node(graph, "application:app-orders:DEV")).toMatchObject({
      overlay: "both",
      detail: "Process · deployed as nwf-prc-orders-api-v1-dev",
    });
    expect(node(graph, "application:app-orders:PROD").overlay).toBe("different");
    expect(node(graph, "application:live:la-rogue")).toMatchObject({
      overlay: "live-only",
      parent: "environment:vpc:vpc-main:PROD",
      specRecordId: null,
    });
    // Nothing is drawn twice: each live application is on one node.
    const liveIds = graph.nodes.flatMap((n) => (n.live ? [n.live.externalId] : []));
    expect(new Set(liveIds).size).toBe(liveIds.length);
  });

  it("says 'plan' everywhere before the first sync, and draws no unplanned node", () => {
    const planOnly = buildTopology("platform", topologyFixture({ live: null, findings: [] }));
    expect(planOnly.hasLive).toBe(false);
    const overlays = new Set(planOnly.nodes.filter((n) => n.specRecordId && n.kind !== "system").map((n) => n.overlay));
    expect([...overlays]).toEqual(["plan"]);
    expect(planOnly.nodes.some((n) => n.overlay === "live-only")).toBe(false);
  });

  it("puts findings on the nodes that draw them, sub-resources on their owner, worst severity first", () => {
    const orders = node(graph, "application:app-orders:PROD");
    expect(orders.findings.map((f) => f.ruleId)).toEqual(["AVAIL-HA-WORKERS", "DRIFT-VALUE"]);
    expect(orders.worst).toBe("error");
    // The PROD finding is not on the DEV node of the same application.
    expect(node(graph, "application:app-orders:DEV").findings).toEqual([]);
    // A firewall rule's finding is shown on its VPC.
    expect(node(graph, "vpc:vpc-main").findings.map((f) => f.ruleId)).toEqual(["NET-FIREWALL-INTERNAL-OPEN"]);
    expect(node(graph, "vpc:vpc-dr").findings.map((f) => f.ruleId)).toEqual(["DRIFT-MISSING"]);
    expect(node(graph, "application:live:la-rogue").worst).toBe("warning");
  });

  it("connects load balancers to the applications their mapping rules target, VPNs to the data centre, apps to systems", () => {
    expect(edge(graph, "mapping", "load-balancer:dlb-ext", "application:app-orders:PROD")?.origin).toBe("plan");
    expect(edge(graph, "mapping", "load-balancer:dlb-ext", "application:app-orders:DEV")).toBeDefined();
    // The system API's name does not match the process pattern.
    expect(edge(graph, "mapping", "load-balancer:dlb-ext", "application:app-sap:PROD")).toBeUndefined();
    // A live rule to an unplanned application.
    expect(edge(graph, "mapping", "load-balancer:dlb-ext", "application:live:la-rogue")).toMatchObject({
      origin: "live",
      label: "/rogue/",
    });
    expect(edge(graph, "vpn", "vpc:vpc-main", "vpn:vpn-dc")).toBeDefined();
    expect(edge(graph, "route", "vpn:vpn-dc", "data-centre")?.label).toBe("192.168.0.0/16");
    expect(edge(graph, "system", "application:app-sap:PROD", "system:sys-sap")).toBeDefined();
    expect(node(graph, "system:sys-sap").parent).toBe("lane:systems");
    // Declared calls within an environment; the callee is not planned in DEV, so no DEV edge.
    expect(edge(graph, "dependency", "application:app-orders:PROD", "application:app-sap:PROD")).toBeDefined();
    expect(graph.edges.filter((e) => e.kind === "dependency")).toHaveLength(1);
  });

  it("lists parents before children and is the same for the same input", () => {
    const seen = new Set<string>();
    for (const n of graph.nodes) {
      if (n.parent) expect(seen.has(n.parent), `${n.id} before its parent`).toBe(true);
      seen.add(n.id);
    }
    expect(buildTopology("platform", topologyFixture())).toEqual(graph);
  });

  it("shows the plan's fields by name and the live attributes in the side panel", () => {
    const orders = node(graph, "application:app-orders:PROD");
    expect(orders.plan).toContainEqual({ label: "Environments", value: "DEV, PROD, DR" });
    expect(orders.plan).toContainEqual({ label: "Calls", value: "nwf-sys-sap-api-v1" });
    expect(orders.actual).toContainEqual({ label: "workers", value: "1" });
  });
});

describe("the API-led view", () => {
  const graph = buildTopology("api-led", topologyFixture());

  it("puts one node per application in its layer's lane, unplanned ones by their name", () => {
    expect(graph.nodes.filter((n) => n.kind === "lane").map((n) => n.id)).toEqual([
      "lane:experience",
      "lane:load-balancers",
      "lane:process",
      "lane:system",
      "lane:systems",
      "lane:unclassified",
    ]);
    expect(node(graph, "application:app-orders")).toMatchObject({ parent: "lane:process", overlay: "different" });
    expect(node(graph, "application:app-sap")).toMatchObject({ parent: "lane:system", overlay: "planned-only" });
    expect(node(graph, "application:live:la-rogue").parent).toBe("lane:unclassified");
  });

  it("draws declared dependencies, mapping rules and systems as edges", () => {
    expect(edge(graph, "dependency", "application:app-orders", "application:app-sap")).toBeDefined();
    expect(edge(graph, "mapping", "load-balancer:dlb-ext", "application:app-orders")).toBeDefined();
    expect(edge(graph, "system", "application:app-sap", "system:sys-sap")).toBeDefined();
  });
});

describe("the DR view", () => {
  const graph = buildTopology("dr", topologyFixture());

  it("puts regions side by side with applications per DR tier, and pairs an application across regions", () => {
    expect(node(graph, "tier:eu-central-1:tier-1")).toMatchObject({
      parent: "region:eu-central-1",
      detail: "Active-Active · RTO 15 min",
    });
    // Built in its primary region, differently from the plan (the PROD drift finding).
    expect(node(graph, "application:app-orders:eu-central-1")).toMatchObject({
      parent: "tier:eu-central-1:tier-1",
      overlay: "different",
    });
    expect(node(graph, "application:app-orders:eu-west-1")).toMatchObject({
      parent: "tier:eu-west-1:tier-1",
      overlay: "planned-only",
    });
    expect(
      edge(graph, "dr-pair", "application:app-orders:eu-central-1", "application:app-orders:eu-west-1")?.label,
    ).toBe("active-active");
    expect(node(graph, "application:app-sap:eu-central-1").parent).toBe("tier:eu-central-1:none");
  });
});

describe("an empty workspace", () => {
  it.each(["platform", "api-led", "dr"] as const)(
    "draws nothing in the %s view, not a lone control plane or empty lanes",
    (view) => {
      const graph = buildTopology(view, { spec: [], live: null, findings: [], controlPlane: "eu" });
      expect(graph.nodes).toEqual([]);
      expect(graph.edges).toEqual([]);
    },
  );

  it("draws the control plane as soon as there is one VPC", () => {
    const fixture = topologyFixture();
    const graph = buildTopology("platform", {
      ...fixture,
      spec: fixture.spec.filter((e) => e.kind === "vpc").slice(0, 1),
    });
    expect(graph.nodes.map((n) => n.kind)).toEqual(expect.arrayContaining(["control-plane", "region", "vpc"]));
  });
});

describe("the platform view's runtimes beyond CloudHub", () => {
  const base = topologyFixture();
  const fabric = specEntry(
    "runtime-fabric",
    { name: "rtf-prod", environments: ["env-prod"], controllers: 3, workers: 2, version: "2.6.10" },
    "rtf",
  );
  const app = specEntry(
    "application",
    { name: "sap-api", layer: "system", environments: ["env-prod"], target: "runtime-fabric", targetName: "rtf-prod" },
    "app-sap",
  );
  const queue = specEntry(
    "mq-destination",
    {
      name: "orders-q",
      environment: "env-prod",
      region: "eu-central-1",
      type: "queue",
      deadLetterQueue: "orders-dlq",
      usedBy: ["app-sap"],
    },
    "q-orders",
  );
  const dlq = specEntry(
    "mq-destination",
    { name: "orders-dlq", environment: "env-prod", region: "eu-central-1", type: "queue" },
    "q-dlq",
  );
  const cluster = liveResource("mule-cluster", "onprem-cluster", {
    externalId: "1625",
    environment: "PROD",
    attributes: { multicast: false, nodes: 2, runningNodes: 1 },
  });
  const onCluster = liveResource("application", "wms-api", {
    externalId: "hybrid:1",
    environment: "PROD",
    attributes: { platform: "cluster", target: "onprem-cluster" },
  });
  const liveFabric = liveResource("runtime-fabric", "rtf-prod", {
    externalId: "f1",
    attributes: { controllers: 1, workers: 2, version: "2.6.10" },
  });
  const graph = buildTopology("platform", {
    ...base,
    spec: [...base.spec, fabric, app, queue, dlq],
    live: [...(base.live ?? []), cluster, onCluster, liveFabric],
  });

  it("draws fabrics and clusters in the customer-hosted lane, with the applications that run on them inside", () => {
    expect(node(graph, "runtime-fabric:rtf")).toMatchObject({
      parent: "lane:customer-hosted",
      container: true,
      detail: "1 controller · 2 workers · 2.6.10",
      live: { kind: "runtime-fabric", externalId: "f1" },
    });
    expect(node(graph, "application:app-sap:PROD").parent).toBe("runtime-fabric:rtf");
    expect(node(graph, "mule-cluster:live:1625")).toMatchObject({
      overlay: "live-only",
      detail: "unicast · 1 of 2 nodes running",
    });
    expect(node(graph, "application:live:hybrid:1").parent).toBe("mule-cluster:live:1625");
  });

  it("draws MQ destinations in their region, used by their applications, with the dead-letter queue", () => {
    expect(node(graph, "mq-destination:q-orders")).toMatchObject({
      parent: "lane:mq-destination:eu-central-1",
      detail: "queue · PROD",
    });
    expect(node(graph, "lane:mq-destination:eu-central-1").parent).toBe("region:eu-central-1");
    expect(edge(graph, "dependency", "application:app-sap:PROD", "mq-destination:q-orders")).toBeDefined();
    expect(edge(graph, "dependency", "mq-destination:q-orders", "mq-destination:q-dlq")).toMatchObject({
      label: "DLQ",
    });
  });
});

describe("the DR view's queues and stores", () => {
  it("shows in each region the destinations and stores that exist there", () => {
    const base = topologyFixture();
    const queue = (id: string, region: string) =>
      specEntry("mq-destination", { name: "orders-q", environment: "env-prod", region, type: "queue" }, id);
    const store = specEntry(
      "object-store",
      { name: "tracking-os", environment: "env-prod", region: "eu-central-1" },
      "os",
    );
    const graph = buildTopology("dr", {
      ...base,
      spec: [...base.spec, queue("q-eu", "eu-central-1"), queue("q-west", "eu-west-1"), store],
    });
    expect(node(graph, "mq-destination:q-eu").parent).toBe("lane:mq-destination:eu-central-1");
    expect(node(graph, "mq-destination:q-west").parent).toBe("lane:mq-destination:eu-west-1");
    expect(node(graph, "lane:mq-destination:eu-west-1").parent).toBe("region:eu-west-1");
    expect(node(graph, "object-store:os").parent).toBe("lane:object-store:eu-central-1");
    expect(graph.nodes.some((n) => n.parent === "lane:object-store:eu-west-1")).toBe(false);
  });
});
