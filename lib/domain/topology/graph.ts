// The graph every view assembles: nodes (each with its overlay against the live snapshot and its
// plan/live facts), containers (nodes that hold others) and edges, indexed so that findings and
// mapping rules can find the nodes that draw a record, a live resource or a name.

import type { RuleContext, SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import { liveFacts, planFacts } from "@/lib/domain/topology/facts";
import type {
  Overlay,
  TopologyEdge,
  TopologyEdgeKind,
  TopologyGraph,
  TopologyNode,
  TopologyNodeKind,
  TopologyView,
} from "@/lib/domain/topology/types";

/** A name as plan and estate are matched: trimmed, case-insensitive. */
export const lower = (value: string | null | undefined) => (value ?? "").trim().toLowerCase();

/**
 * A node's id: `<kind>:<spec record id>` for what is planned (with `:<scope>` when one record is
 * drawn more than once: per environment, per region), `<kind>:<name>` for groupings. Ids never
 * contain a title, so they survive renames, and URLs and saved nudges can keep them.
 */
export const nodeId = (kind: TopologyNodeKind, ...parts: string[]) => [kind, ...parts].join(":");

/** The id of a node for what is built but not planned: the live resource's external id survives syncs. */
export const liveNodeId = (kind: TopologyNodeKind, externalId: string) => nodeId(kind, "live", externalId);

/** A node's second line: the parts that are set, joined. */
export const detailLine = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" · ") || null;

const overlayOf = (hasLive: boolean, planned: boolean, built: boolean): Overlay =>
  !planned ? (built ? "live-only" : "none") : !hasLive ? "plan" : built ? "both" : "planned-only";

/** What a view says about a node; the rest comes from the record and the resource it draws. */
export type NodeInit = Pick<TopologyNode, "id" | "kind" | "label"> &
  Partial<Omit<TopologyNode, "id" | "kind" | "label">> & { spec?: SpecEntry; resource?: LiveResource };

/** Appends to the list kept under a key. */
export const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Collects one diagram's nodes and edges; the first node drawn under an id wins. */
export class GraphBuilder {
  readonly nodes = new Map<string, TopologyNode>();
  readonly edges = new Map<string, TopologyEdge>();
  readonly bySpec = new Map<string, TopologyNode[]>();
  readonly byLive = new Map<string, TopologyNode[]>();
  readonly byName = new Map<string, TopologyNode[]>();

  constructor(
    readonly view: TopologyView,
    readonly context: RuleContext,
    readonly hasLive: boolean,
  ) {}

  /** Draws a node (or returns the one drawn under its id before). */
  node(init: NodeInit): TopologyNode {
    const existing = this.nodes.get(init.id);
    if (existing) return existing;
    const { spec, resource, ...rest } = init;
    const node: TopologyNode = {
      detail: null,
      parent: null,
      container: false,
      overlay: overlayOf(this.hasLive, !!spec, !!resource),
      specRecordId: spec?.id ?? null,
      specKind: spec?.kind ?? null,
      live: resource ? { kind: resource.kind, externalId: resource.externalId } : null,
      businessGroup: resource?.businessGroup ?? null,
      environments: [],
      layer: null,
      findings: [],
      worst: null,
      plan: planFacts(spec, this.context),
      actual: liveFacts(resource),
      ...rest,
    };
    this.nodes.set(node.id, node);
    if (node.specRecordId) push(this.bySpec, node.specRecordId, node);
    if (node.live) push(this.byLive, node.live.externalId, node);
    push(this.byName, `${node.kind}:${lower(node.label)}`, node);
    return node;
  }

  /** The nodes of a kind drawn under a name (case-insensitive); a finding's resource kind names its node kind. */
  named(kind: TopologyNodeKind | (string & {}), name: string): TopologyNode[] {
    return this.byName.get(`${kind}:${lower(name)}`) ?? [];
  }

  /** Draws an edge; drawn again from the other origin, it becomes "both". */
  edge(kind: TopologyEdgeKind, source: string, target: string, origin: "plan" | "live", label: string | null = null) {
    if (source === target) return;
    const id = `${kind}:${source}->${target}`;
    const existing = this.edges.get(id);
    if (existing) {
      if (existing.origin !== origin) existing.origin = "both";
      if (!existing.label && label) existing.label = label;
      return;
    }
    this.edges.set(id, { id, source, target, kind, label, origin });
  }

  /** The nodes of a kind, in the order they were drawn. */
  ofKind(kind: TopologyNodeKind): TopologyNode[] {
    return [...this.nodes.values()].filter((n) => n.kind === kind);
  }

  /** The diagram: its nodes parents first, and the edges whose both ends are drawn. */
  graph(): TopologyGraph {
    // Parents before children (React Flow needs it), then by kind and label for a stable order.
    const depth = (node: TopologyNode): number => {
      let d = 0;
      for (let p = node.parent; p; p = this.nodes.get(p)?.parent ?? null) d += 1;
      return d;
    };
    const nodes = [...this.nodes.values()]
      .map((node) => ({ node, depth: depth(node) }))
      .sort((a, b) => a.depth - b.depth || a.node.id.localeCompare(b.node.id))
      .map((n) => n.node);
    const edges = [...this.edges.values()]
      .filter((e) => this.nodes.has(e.source) && this.nodes.has(e.target))
      .sort((a, b) => a.id.localeCompare(b.id));
    return { view: this.view, nodes, edges, hasLive: this.hasLive };
  }
}
