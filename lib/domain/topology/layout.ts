// Positions for a diagram: a compound ELK layout (each container laid out inside its parent),
// then the architect's nudges, then the other nodes moved out of the way of the nudged ones.
// The ELK engine is passed in (a web worker in the browser, the bundled engine on the server),
// so that this stays pure and runs the same in both.

import type { ElkExtendedEdge, ElkNode, LayoutOptions } from "elkjs/lib/elk-api";
import type { Pins, TopologyGraph, TopologyNode, TopologyView } from "@/lib/domain/topology/types";

/** The part of elkjs this module needs. */
export type ElkEngine = { layout(graph: ElkNode): Promise<ElkNode> };

export type Point = { x: number; y: number };
export type Size = { width: number; height: number };

/** Where every node goes: positions relative to the parent (as React Flow wants them), sizes, the whole extent. */
export type TopologyLayout = {
  positions: Record<string, Point>;
  sizes: Record<string, Size>;
  width: number;
  height: number;
};

/** Room at the top of a container for its title and detail. */
export const CONTAINER_HEADER = 44;
const PADDING = 14;
const GAP = 16;

/** The size of a leaf node: fixed per kind, so that layout needs no measuring of the page. */
export function leafSize(node: Pick<TopologyNode, "kind">): Size {
  switch (node.kind) {
    case "control-plane":
      return { width: 260, height: 52 };
    case "application":
      return { width: 230, height: 58 };
    default:
      return { width: 210, height: 58 };
  }
}

const padding = `[top=${CONTAINER_HEADER},left=${PADDING},bottom=${PADDING},right=${PADDING}]`;
const common: LayoutOptions = {
  "elk.spacing.nodeNode": String(GAP),
  "elk.layered.spacing.nodeNodeBetweenLayers": "48",
  "elk.spacing.componentComponent": "32",
  "elk.randomSeed": "1",
};

function optionsFor(view: TopologyView, node: TopologyNode | null): LayoutOptions {
  const layered = (direction: "DOWN" | "RIGHT", extra: LayoutOptions = {}): LayoutOptions => ({
    ...common,
    "elk.algorithm": "layered",
    "elk.direction": direction,
    ...extra,
  });
  const grid = (aspectRatio: number): LayoutOptions => ({
    ...common,
    "elk.algorithm": "box",
    "elk.aspectRatio": String(aspectRatio),
    "elk.box.packingMode": "SIMPLE",
  });
  if (!node) {
    // Whole-diagram structure comes from layout-only edges and layer constraints, not from packing.
    return layered(view === "dr" ? "RIGHT" : "DOWN", {
      "elk.separateConnectedComponents": "false",
      "elk.spacing.nodeNode": "40",
      "elk.layered.spacing.nodeNodeBetweenLayers": "72",
    });
  }
  const withPadding = (options: LayoutOptions) => ({ ...options, "elk.padding": padding });
  switch (node.kind) {
    case "region":
      return withPadding(view === "dr" ? layered("DOWN") : layered("RIGHT", { "elk.aspectRatio": "2" }));
    case "vpc":
    case "private-space":
    case "shared-space":
      return withPadding(layered("DOWN", { "elk.separateConnectedComponents": "false" }));
    case "lane":
      return withPadding(grid(view === "api-led" ? 5 : 4));
    default:
      return withPadding(grid(1.8));
  }
}

/** Edges that only order the layout (never drawn): lanes top to bottom, regions left to right, DLBs above environments. */
function layoutEdges(
  graph: TopologyGraph,
  childrenOf: Map<string | null, TopologyNode[]>,
): Map<string | null, ElkExtendedEdge[]> {
  const edges = new Map<string | null, ElkExtendedEdge[]>();
  const add = (container: string | null, source: string, target: string) => {
    const list = edges.get(container) ?? [];
    list.push({ id: `order:${source}->${target}`, sources: [source], targets: [target] });
    edges.set(container, list);
  };
  const chain = (container: string | null, ids: string[]) => {
    for (let i = 1; i < ids.length; i += 1) add(container, ids[i - 1]!, ids[i]!);
  };
  const root = childrenOf.get(null) ?? [];
  if (graph.view === "api-led") {
    const order = [
      "lane:load-balancers",
      "lane:experience",
      "lane:process",
      "lane:system",
      "lane:unclassified",
      "lane:systems",
    ];
    chain(
      null,
      order.filter((id) => root.some((n) => n.id === id)),
    );
  } else if (graph.view === "dr") {
    chain(
      null,
      root.filter((n) => n.kind === "region").map((n) => n.id),
    );
  } else {
    // Control plane above the runtime, the runtime above the data centre and the backend systems.
    const top = root.filter((n) => n.kind === "control-plane").map((n) => n.id);
    const middle = root.filter((n) => !["control-plane", "data-centre", "lane"].includes(n.kind)).map((n) => n.id);
    const bottom = root.filter((n) => n.kind === "data-centre" || n.kind === "lane").map((n) => n.id);
    for (const t of top)
      for (const m of middle) if (!graph.edges.some((e) => e.source === t && e.target === m)) add(null, t, m);
    for (const m of middle) for (const b of bottom) add(null, m, b);
    if (!middle.length) for (const t of top) for (const b of bottom) add(null, t, b);
    for (const [parent, children] of childrenOf) {
      if (!parent) continue;
      const lbs = children.filter((n) => n.kind === "load-balancer").map((n) => n.id);
      const groups = children.filter((n) => n.kind === "environment").map((n) => n.id);
      for (const lb of lbs) for (const group of groups) add(parent, lb, group);
    }
  }
  return edges;
}

/** The ELK graph of a diagram: containers nested, drawn edges between siblings, layout-only edges. */
export function toElkGraph(graph: TopologyGraph): ElkNode {
  const childrenOf = new Map<string | null, TopologyNode[]>();
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const node of graph.nodes) {
    const parent = node.parent && ids.has(node.parent) ? node.parent : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(node);
    childrenOf.set(parent, list);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const parentOf = (id: string) => {
    const p = byId.get(id)?.parent ?? null;
    return p && ids.has(p) ? p : null;
  };
  const edges = layoutEdges(graph, childrenOf);
  // Drawn edges help the layout only between siblings; the others are routed by the renderer.
  for (const edge of graph.edges) {
    const parent = parentOf(edge.source);
    if (parent !== parentOf(edge.target)) continue;
    const list = edges.get(parent) ?? [];
    list.push({ id: edge.id, sources: [edge.source], targets: [edge.target] });
    edges.set(parent, list);
  }
  const build = (node: TopologyNode): ElkNode => {
    const children = childrenOf.get(node.id) ?? [];
    if (!node.container) return { id: node.id, ...leafSize(node) };
    return {
      id: node.id,
      layoutOptions: optionsFor(graph.view, node),
      children: children.map(build),
      edges: edges.get(node.id) ?? [],
      // An empty container still shows its title.
      ...(children.length ? {} : { width: 240, height: CONTAINER_HEADER + 24 }),
    };
  };
  return {
    id: "root",
    layoutOptions: optionsFor(graph.view, null),
    children: (childrenOf.get(null) ?? []).map(build),
    edges: edges.get(null) ?? [],
  };
}

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width + GAP / 2 &&
  b.x < a.x + a.width + GAP / 2 &&
  a.y < b.y + b.height + GAP / 2 &&
  b.y < a.y + a.height + GAP / 2;

/**
 * Lays a diagram out: ELK first, then each nudged node where the architect put it (when it is
 * still in the same container), the other nodes moved down out of its way, and containers grown
 * to hold what they hold. Deterministic for the same graph and nudges.
 */
export async function layoutTopology(graph: TopologyGraph, pins: Pins, elk: ElkEngine): Promise<TopologyLayout> {
  const result = await elk.layout(toElkGraph(graph));
  const positions: Record<string, Point> = {};
  const sizes: Record<string, Size> = {};
  const read = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
      sizes[child.id] = { width: child.width ?? 0, height: child.height ?? 0 };
      read(child);
    }
  };
  read(result);

  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const childrenOf = new Map<string | null, string[]>();
  for (const node of graph.nodes) {
    const parent = node.parent && byId.has(node.parent) ? node.parent : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(node.id);
    childrenOf.set(parent, list);
  }
  // Deepest containers first, so that a grown container pushes its own siblings.
  const settle = (container: string | null): boolean => {
    const children = childrenOf.get(container) ?? [];
    let moved = false;
    for (const child of children) if (settle(child)) moved = true;
    const pinned = children.filter((id) => {
      const pin = pins[id];
      return pin && (pin.parent ?? null) === container;
    });
    for (const id of pinned) positions[id] = { x: pins[id]!.x, y: pins[id]!.y };
    if (!pinned.length && !moved) return false;
    const rect = (id: string): Rect => ({ ...positions[id]!, ...sizes[id]! });
    const placed: Rect[] = pinned.map(rect);
    const free = children
      .filter((id) => !pinned.includes(id))
      .sort((a, b) => positions[a]!.y - positions[b]!.y || positions[a]!.x - positions[b]!.x);
    for (const id of free) {
      const r = rect(id);
      for (let guard = 0; guard < placed.length + 1; guard += 1) {
        const hit = placed.find((p) => overlaps(r, p));
        if (!hit) break;
        r.y = hit.y + hit.height + GAP;
      }
      positions[id] = { x: r.x, y: r.y };
      placed.push(r);
    }
    if (container) {
      const size = sizes[container]!;
      const top = Math.min(CONTAINER_HEADER, ...children.map((id) => positions[id]!.y));
      const left = Math.min(PADDING, ...children.map((id) => positions[id]!.x));
      // A nudge above or left of the content shifts the content rather than leaving the box.
      if (top < CONTAINER_HEADER || left < PADDING)
        for (const id of children)
          positions[id] = { x: positions[id]!.x + (PADDING - left), y: positions[id]!.y + (CONTAINER_HEADER - top) };
      size.width = Math.max(size.width, ...children.map((id) => positions[id]!.x + sizes[id]!.width + PADDING));
      size.height = Math.max(size.height, ...children.map((id) => positions[id]!.y + sizes[id]!.height + PADDING));
    }
    return true;
  };
  settle(null);

  const roots = childrenOf.get(null) ?? [];
  const width = Math.max(0, ...roots.map((id) => positions[id]!.x + sizes[id]!.width));
  const height = Math.max(0, ...roots.map((id) => positions[id]!.y + sizes[id]!.height));
  const minX = Math.min(0, ...roots.map((id) => positions[id]!.x));
  const minY = Math.min(0, ...roots.map((id) => positions[id]!.y));
  return { positions, sizes, width: width - minX, height: height - minY };
}

/** Absolute positions (for drawing outside React Flow, e.g. the SVG export). */
export function absolutePositions(graph: TopologyGraph, layout: TopologyLayout): Record<string, Point> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const absolute: Record<string, Point> = {};
  const resolve = (id: string): Point => {
    const known = absolute[id];
    if (known) return known;
    const own = layout.positions[id] ?? { x: 0, y: 0 };
    const parent = byId.get(id)?.parent;
    const base = parent && byId.has(parent) ? resolve(parent) : { x: 0, y: 0 };
    return (absolute[id] = { x: base.x + own.x, y: base.y + own.y });
  };
  for (const node of graph.nodes) resolve(node.id);
  return absolute;
}
