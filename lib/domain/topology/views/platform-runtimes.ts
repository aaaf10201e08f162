// The runtimes beyond CloudHub in the platform view: Runtime Fabrics, on-premise clusters and
// server groups in a "customer-hosted" lane, each holding the applications that run on it; Anypoint
// MQ destinations and Object Store stores inside their runtime region, with the applications that
// use them, exchanges to their queues and queues to their dead-letter queues.
import type { SpecEntry } from "@/lib/domain/governance/types";
import type { LiveKind, LiveResource } from "@/lib/domain/live/snapshot";
import { detailLine, liveNodeId, lower, nodeId } from "@/lib/domain/topology/graph";
import type { TopologyNode, TopologyNodeKind } from "@/lib/domain/topology/types";
import { pairByName, type ViewContext } from "@/lib/domain/topology/views/common";

const count = (n: unknown, one: string) => (typeof n === "number" ? `${n} ${one}${n === 1 ? "" : "s"}` : null);

/** Where an application runs, by its plan (target and target name) or its live platform and target. */
function targetOf(node: TopologyNode, c: ViewContext): { kind: TopologyNodeKind; name: string } | null {
  const entry = node.specRecordId ? c.context.byId(node.specRecordId) : undefined;
  const kinds: Record<string, TopologyNodeKind> = {
    "runtime-fabric": "runtime-fabric",
    cluster: "mule-cluster",
    "server-group": "server-group",
  };
  if (entry && typeof entry.data.targetName === "string" && kinds[String(entry.data.target)]) {
    return { kind: kinds[String(entry.data.target)]!, name: entry.data.targetName };
  }
  const resource = node.live
    ? c.live.find((r) => r.kind === "application" && r.externalId === node.live!.externalId)
    : undefined;
  const platform = String(resource?.attributes.platform ?? "");
  if (resource && kinds[platform] && typeof resource.attributes.target === "string") {
    return { kind: kinds[platform]!, name: resource.attributes.target };
  }
  return null;
}

/** Draws the customer-hosted runtimes and moves the applications that run on them inside. */
export function drawHostedRuntimes(c: ViewContext) {
  const { builder } = c;
  const lane = () =>
    builder.node({
      id: nodeId("lane", "customer-hosted"),
      kind: "lane",
      label: "Customer-hosted runtimes",
      detail: "Runtime Fabric and on-premise Mule",
      container: true,
      overlay: "none",
    });
  const draw = (
    kind: LiveKind & TopologyNodeKind & ("runtime-fabric" | "mule-cluster" | "server-group"),
    detail: (entry: SpecEntry | undefined, resource: LiveResource | undefined) => string | null,
  ) => {
    const { pairs, unplanned } = pairByName(c, kind);
    for (const { entry, resource } of pairs) {
      builder.node({
        id: nodeId(kind, entry.id),
        kind,
        label: entry.title,
        detail: detail(entry, resource),
        parent: lane().id,
        container: true,
        spec: entry,
        resource,
        environments: c.context.titles(entry.data.environments ?? entry.data.environment),
      });
    }
    for (const resource of unplanned) {
      builder.node({
        id: liveNodeId(kind, resource.externalId),
        kind,
        label: resource.name,
        detail: detail(undefined, resource),
        parent: lane().id,
        container: true,
        resource,
        environments: resource.environment ? [resource.environment] : [],
      });
    }
  };
  draw("runtime-fabric", (entry, resource) =>
    detailLine(
      count(resource?.attributes.controllers ?? entry?.data.controllers, "controller"),
      count(resource?.attributes.workers ?? entry?.data.workers, "worker"),
      String(resource?.attributes.version ?? entry?.data.version ?? "") || null,
    ),
  );
  draw("mule-cluster", (entry, resource) =>
    detailLine(
      resource?.attributes.multicast === true
        ? "multicast"
        : resource?.attributes.multicast === false
          ? "unicast"
          : String(entry?.data.membership ?? "") || null,
      typeof resource?.attributes.runningNodes === "number"
        ? `${resource.attributes.runningNodes} of ${String(resource.attributes.nodes)} nodes running`
        : count(entry?.data.nodes, "node"),
    ),
  );
  draw("server-group", (entry, resource) => count(resource?.attributes.servers ?? entry?.data.servers, "server"));

  // Applications on a fabric, cluster or server group live inside it; a network's environment
  // group they leave empty goes with them.
  const emptied = new Set<string>();
  for (const app of builder.ofKind("application")) {
    const target = targetOf(app, c);
    const host = target ? builder.named(target.kind, target.name)[0] : undefined;
    if (!host) continue;
    if (app.parent) emptied.add(app.parent);
    app.parent = host.id;
  }
  for (const id of emptied) {
    const group = builder.nodes.get(id);
    if (group?.kind === "environment" && ![...builder.nodes.values()].some((n) => n.parent === id))
      builder.nodes.delete(id);
  }
}

/** Draws MQ destinations and Object Store stores in their regions, with their links. */
export function drawRegionalServices(c: ViewContext, region: (name: string) => TopologyNode) {
  const { builder, context } = c;
  // Destinations and stores repeat their names across environments and regions: pair by all three.
  const keyOf = (name: unknown, environment: unknown, where: unknown) =>
    `${lower(String(name))}|${lower(String(environment ?? ""))}|${lower(String(where ?? ""))}`;
  const appsOf = (entry: SpecEntry, environment: string | null) =>
    (Array.isArray(entry.data.usedBy) ? entry.data.usedBy : [])
      .map((id) =>
        typeof id === "string" ? builder.nodes.get(nodeId("application", id, environment ?? "none")) : undefined,
      )
      .filter((n): n is TopologyNode => !!n);
  for (const kind of ["mq-destination", "object-store"] as const) {
    const live = new Map(context.live(kind).map((r) => [keyOf(r.name, r.environment, r.attributes.region), r]));
    const service = (where: string) =>
      builder.node({
        id: nodeId("lane", kind, where),
        kind: "lane",
        label: kind === "mq-destination" ? "Anypoint MQ" : "Object Store v2",
        parent: region(where).id,
        container: true,
        overlay: "none",
      });
    for (const entry of context.spec(kind)) {
      const environment = context.titles(entry.data.environment)[0] ?? null;
      const where = typeof entry.data.region === "string" ? entry.data.region : null;
      const key = keyOf(entry.title, environment, where);
      const resource = live.get(key);
      live.delete(key);
      const node = builder.node({
        id: nodeId(kind, entry.id),
        kind,
        label: entry.title,
        detail: detailLine(kind === "mq-destination" ? String(entry.data.type ?? "queue") : null, environment),
        parent: where ? service(where).id : null,
        spec: entry,
        resource,
        environments: environment ? [environment] : [],
      });
      for (const app of appsOf(entry, environment)) builder.edge("dependency", app.id, node.id, "plan");
    }
    for (const resource of live.values()) {
      const where = String(resource.attributes.region ?? "");
      builder.node({
        id: liveNodeId(kind, resource.externalId),
        kind,
        label: resource.name,
        detail: detailLine(
          kind === "mq-destination" ? String(resource.attributes.type ?? "queue") : null,
          resource.environment,
        ),
        parent: where ? service(where).id : null,
        resource,
        environments: resource.environment ? [resource.environment] : [],
      });
    }
  }
  // Exchanges route to their bound queues; a queue hands failed messages to its dead-letter queue.
  const destinations = builder.ofKind("mq-destination");
  const named = (name: unknown, environments: string[]) =>
    destinations.find((d) => lower(d.label) === lower(String(name)) && d.environments.join() === environments.join());
  for (const node of destinations) {
    const entry = node.specRecordId ? context.byId(node.specRecordId) : undefined;
    const resource = node.live
      ? c.live.find((r) => r.kind === "mq-destination" && r.externalId === node.live!.externalId)
      : undefined;
    for (const queue of Array.isArray(entry?.data.boundQueues) ? entry.data.boundQueues : []) {
      const target = named(queue, node.environments);
      if (target) builder.edge("dependency", node.id, target.id, "plan");
    }
    const dlq = entry?.data.deadLetterQueue ?? resource?.attributes.deadLetterQueue;
    const target = dlq ? named(dlq, node.environments) : undefined;
    if (target) builder.edge("dependency", node.id, target.id, entry?.data.deadLetterQueue ? "plan" : "live", "DLQ");
  }
}
