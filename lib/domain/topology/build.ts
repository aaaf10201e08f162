// Turns the plan, the live snapshot and the open findings into the nodes, containers and edges of
// one diagram. Plan and estate are matched the way the drift rules match them (by name,
// case-insensitive; applications by name or name-with-environment-suffix per environment), so
// that what the diagram dashes is what DRIFT-MISSING reports. Each view has its builder in
// `views/`; `graph.ts` assembles what they draw and `findings.ts` hangs the findings on it.

import type { SpecKind } from "@/lib/domain/spec/kinds";
import { attachFindings } from "@/lib/domain/topology/findings";
import type { TopologyGraph, TopologyInput, TopologyNodeKind, TopologyView } from "@/lib/domain/topology/types";
import { drawApiLedView } from "@/lib/domain/topology/views/api-led";
import { viewContext, type ViewContext } from "@/lib/domain/topology/views/common";
import { drawDrView } from "@/lib/domain/topology/views/dr";
import { drawPlatformView } from "@/lib/domain/topology/views/platform";

/** How each view is drawn: a new view adds its builder here, and touches no other. */
const viewBuilders: Record<TopologyView, (c: ViewContext) => void> = {
  platform: drawPlatformView,
  "api-led": drawApiLedView,
  dr: drawDrView,
};

/** What every view draws even for an empty workspace. */
const scaffoldKinds: ReadonlySet<TopologyNodeKind> = new Set([
  "control-plane",
  "region",
  "lane",
  "tier",
  "data-centre",
]);

/** The nodes, containers and edges of a diagram, with the live overlay and the findings on each node. */
export function buildTopology(view: TopologyView, input: TopologyInput): TopologyGraph {
  const c = viewContext(view, input);
  viewBuilders[view](c);
  attachFindings(c.builder, input.findings, c.live);
  const graph = c.builder.graph();
  // A control plane alone, or empty lanes, is not a diagram: the page explains what to add instead.
  return graph.nodes.some((n) => !scaffoldKinds.has(n.kind)) ? graph : { ...graph, nodes: [], edges: [] };
}

/** The spec kinds a diagram reads, so that callers load no more than needed. */
export const topologySpecKinds: readonly SpecKind[] = [
  "business-group",
  "environment",
  "vpc",
  "vpn",
  "load-balancer",
  "mapping-rule",
  "tls-endpoint",
  "firewall-rule",
  "application",
  "system",
  "recovery-tier",
  "runtime-fabric",
  "mule-cluster",
  "server-group",
  "mq-destination",
  "object-store",
];
