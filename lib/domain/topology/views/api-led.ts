// The API-led view: one lane per layer (experience, process, system), the load balancers consumers
// enter through above them and the backend systems below; one node per application, whatever the
// number of environments it is planned or deployed in.

import type { LiveResource } from "@/lib/domain/live/snapshot";
import { detailLine, liveNodeId, lower, nodeId, push } from "@/lib/domain/topology/graph";
import {
  declaredEdges,
  drawLoadBalancers,
  layerLabels,
  layerOf,
  layerOfName,
  layers,
  liveOf,
  mappingEdges,
  systemNodes,
  unclaimedApps,
  type Layer,
  type ViewContext,
} from "@/lib/domain/topology/views/common";

/** Draws the API-led view. */
export function drawApiLedView(c: ViewContext) {
  const { builder, context } = c;
  const lane = (id: string, label: string, detail: string | null = null) =>
    builder.node({ id: nodeId("lane", id), kind: "lane", label, detail, container: true });
  const laneOf = (layer: Layer | null) => (layer ? nodeId("lane", layer) : lane("unclassified", "Layer not set").id);
  if (context.spec("load-balancer").length || context.live("load-balancer").length)
    lane("load-balancers", "Load balancers", "consumers enter here");
  for (const layer of layers) lane(layer, `${layerLabels[layer]} APIs`);

  drawLoadBalancers(
    c,
    () => nodeId("lane", "load-balancers"),
    (entry) => (entry.data.role === "external" ? "external" : "internal"),
  );

  for (const entry of context.spec("application")) {
    const environments = context.titles(entry.data.environments);
    const found = liveOf(c, entry, null);
    const layer = layerOf(entry.data.layer);
    builder.node({
      id: nodeId("application", entry.id),
      kind: "application",
      label: entry.title,
      detail: detailLine(environments.join(", ") || "no environment", found.length ? `${found.length} deployed` : null),
      parent: laneOf(layer),
      spec: entry,
      resource: found[0],
      environments,
      businessGroup: c.environmentGroup.get(lower(environments[0])) ?? found[0]?.businessGroup ?? null,
      layer,
    });
  }
  // One node per unplanned application name, whatever the number of environments it runs in.
  const unplanned = new Map<string, LiveResource[]>();
  for (const resource of unclaimedApps(c)) push(unplanned, lower(resource.name), resource);
  for (const resources of unplanned.values()) {
    const first = resources[0]!;
    const layer = layerOfName(first.name);
    const environments = [...new Set(resources.map((r) => r.environment).filter((e): e is string => !!e))].sort();
    builder.node({
      id: liveNodeId("application", first.externalId),
      kind: "application",
      label: first.name,
      detail: environments.join(", ") || null,
      parent: laneOf(layer),
      resource: first,
      environments,
      layer,
    });
  }
  if (context.spec("system").length) systemNodes(c, lane("systems", "Backend systems").id);
  declaredEdges(c, (callee) => nodeId("application", callee));
  const apps = builder.ofKind("application");
  mappingEdges(c, () => apps);
}
