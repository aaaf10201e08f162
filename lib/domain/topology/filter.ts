import type { TopologyGraph, TopologyNode } from "@/lib/domain/topology/types";

/** What a diagram shows: one business group, one environment, one API-led layer, only nodes with findings. */
export type TopologyFilter = {
  businessGroup?: string | null;
  environment?: string | null;
  layer?: "experience" | "process" | "system" | null;
  withFindings?: boolean;
};

const lower = (value: string | null | undefined) => (value ?? "").toLowerCase();
// Drawn for what they connect, not for what they are: kept when something kept reaches them.
const satellites = new Set<TopologyNode["kind"]>(["system", "data-centre", "control-plane"]);

/** The facets of a graph, for the filter menus. */
export function topologyFacets(graph: TopologyGraph): { businessGroups: string[]; environments: string[] } {
  const groups = new Set<string>();
  const environments = new Set<string>();
  for (const node of graph.nodes) {
    if (node.businessGroup) groups.add(node.businessGroup);
    for (const env of node.environments) environments.add(env);
  }
  const sort = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return { businessGroups: sort(groups), environments: sort(environments) };
}

/**
 * The part of a graph a filter keeps: nodes that match (a node without the filtered attribute
 * matches, except applications), their containers, and the systems, data centre and control
 * plane that kept nodes connect to. A removed container takes its contents with it.
 */
export function filterTopology(graph: TopologyGraph, filter: TopologyFilter): TopologyGraph {
  const active = !!(filter.businessGroup || filter.environment || filter.layer || filter.withFindings);
  if (!active) return graph;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const children = new Map<string, TopologyNode[]>();
  for (const node of graph.nodes) {
    if (!node.parent) continue;
    const list = children.get(node.parent) ?? [];
    list.push(node);
    children.set(node.parent, list);
  }
  const matches = (node: TopologyNode): boolean => {
    const app = node.kind === "application";
    if (
      filter.businessGroup &&
      (node.businessGroup || app) &&
      lower(node.businessGroup) !== lower(filter.businessGroup)
    )
      return false;
    if (
      filter.environment &&
      (node.environments.length || app) &&
      !node.environments.some((e) => lower(e) === lower(filter.environment))
    )
      return false;
    if (filter.layer && app && node.layer !== filter.layer) return false;
    return true;
  };
  const kept = new Set<string>();
  // Post-order: a container stays when it matches and holds something kept (or has findings itself).
  const visit = (node: TopologyNode): boolean => {
    if (satellites.has(node.kind)) return false;
    if (!matches(node)) return false;
    const inner = (children.get(node.id) ?? []).map(visit).some(Boolean);
    const own = filter.withFindings ? node.findings.length > 0 : !node.container;
    if (own || inner) kept.add(node.id);
    return own || inner;
  };
  for (const node of graph.nodes) if (!node.parent) visit(node);
  // Containers of kept nodes are kept, whatever their own attributes (the path down must exist).
  const keepContainers = () => {
    for (const id of [...kept])
      for (let p = byId.get(id)?.parent; p && !kept.has(p); p = byId.get(p)?.parent) kept.add(p);
  };
  keepContainers();
  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    if (kept.has(source.id) && satellites.has(target.kind)) kept.add(target.id);
    if (kept.has(target.id) && satellites.has(source.kind)) kept.add(source.id);
  }
  keepContainers();
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => kept.has(n.id)),
    edges: graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target)),
  };
}
