// What the views share: the rule context the drift rules match plan and estate with, the live
// applications each planned one has taken, layers, regions, systems and mapping-rule edges.

import { buildContext } from "@/lib/domain/governance/engine";
import { applicationIndex } from "@/lib/domain/governance/rules/applications";
import type { RuleContext, SpecEntry } from "@/lib/domain/governance/types";
import type { LiveKind, LiveResource } from "@/lib/domain/live/snapshot";
import { compilePattern } from "@/lib/domain/naming/pattern";
import type { SpecKind } from "@/lib/domain/spec/kinds";
import { isFilled } from "@/lib/domain/spec/placeholders";
import { detailLine, GraphBuilder, liveNodeId, lower, nodeId, push } from "@/lib/domain/topology/graph";
import type { TopologyInput, TopologyNode, TopologyView } from "@/lib/domain/topology/types";

export type Layer = NonNullable<TopologyNode["layer"]>;
export const layers: Layer[] = ["experience", "process", "system"];
export const layerLabels: Record<Layer, string> = { experience: "Experience", process: "Process", system: "System" };

/** A planned layer, when the value is one. */
export const layerOf = (value: unknown): Layer | null =>
  typeof value === "string" && (layers as string[]).includes(value) ? (value as Layer) : null;

/** The layer a live application's name says (`-exp-`, `-prc-`, `-sys-`), when it says one. */
export const layerOfName = (name: string): Layer | null => {
  const match = /(?:^|-)(exp|prc|sys|experience|process|system)(?:-|$)/.exec(lower(name));
  if (!match) return null;
  return match[1]!.startsWith("exp") ? "experience" : match[1]!.startsWith("pr") ? "process" : "system";
};

/** What a view draws from and into. */
export type ViewContext = {
  input: TopologyInput;
  builder: GraphBuilder;
  context: RuleContext;
  live: readonly LiveResource[];
  hasLive: boolean;
  /** Environment names (lower case) -> the business group they belong to. */
  environmentGroup: Map<string, string | null>;
  index: ReturnType<typeof applicationIndex>;
  /** Live applications a planned node has taken; the others are drawn as unplanned. */
  claimed: Set<string>;
};

/** The context every view starts from: an empty graph, the rule context and the environments' groups. */
export function viewContext(view: TopologyView, input: TopologyInput): ViewContext {
  const hasLive = input.live !== null;
  const context = buildContext({ spec: input.spec, live: input.live, decisions: [], now: new Date(0) });
  const environmentGroup = new Map<string, string | null>();
  for (const env of context.live("environment")) environmentGroup.set(lower(env.name), env.businessGroup);
  for (const env of context.spec("environment"))
    environmentGroup.set(lower(env.title), context.titles(env.data.businessGroup)[0] ?? null);
  return {
    input,
    builder: new GraphBuilder(view, context, hasLive),
    context,
    live: input.live ?? [],
    hasLive,
    environmentGroup,
    index: applicationIndex(context),
    claimed: new Set(),
  };
}

/** Live applications of a planned one across the given environments (null = any), now taken by it. */
export function liveOf(c: ViewContext, entry: SpecEntry, environment: string | null): LiveResource[] {
  const found = c.index.liveFor(entry, environment).map((deployment) => deployment.app);
  for (const r of found) c.claimed.add(r.externalId);
  return found;
}

/** Live applications no planned node has taken (call after drawing the planned ones). */
export const unclaimedApps = (c: ViewContext) =>
  c.context.live("application").filter((r) => !c.claimed.has(r.externalId));

/**
 * Planned records of a kind with the live resource of the same name (case-insensitive; each live
 * one pairs once), and the live ones no record names.
 */
export function pairByName(c: ViewContext, kind: SpecKind & LiveKind) {
  const live = new Map(c.context.live(kind).map((r) => [lower(r.name), r]));
  const pairs = c.context.spec(kind).map((entry) => {
    const resource = live.get(lower(entry.title));
    live.delete(lower(entry.title));
    return { entry, resource };
  });
  return { pairs, unplanned: [...live.values()] };
}

/**
 * The load balancers, planned (with the live one of the same name) and unplanned, each inside the
 * container `parentOf` names and serving that container's environments.
 */
export function drawLoadBalancers(
  c: ViewContext,
  parentOf: (entry: SpecEntry | undefined, resource: LiveResource | undefined) => string,
  roleOf: (entry: SpecEntry) => string,
) {
  const { builder } = c;
  const environmentsOf = (parent: string) => builder.nodes.get(parent)?.environments ?? [];
  const lbs = pairByName(c, "load-balancer");
  for (const { entry, resource } of lbs.pairs) {
    const parent = parentOf(entry, resource);
    builder.node({
      id: nodeId("load-balancer", entry.id),
      kind: "load-balancer",
      label: entry.title,
      detail: `DLB · ${roleOf(entry)}`,
      parent,
      spec: entry,
      resource,
      environments: environmentsOf(parent),
    });
  }
  for (const resource of lbs.unplanned) {
    const parent = parentOf(undefined, resource);
    builder.node({
      id: liveNodeId("load-balancer", resource.externalId),
      kind: "load-balancer",
      label: resource.name,
      detail: "DLB",
      parent,
      resource,
      environments: environmentsOf(parent),
    });
  }
}

/** A runtime region's container. */
export const regionNode = (c: ViewContext, name: string) =>
  c.builder.node({
    id: nodeId("region", name),
    kind: "region",
    label: name,
    detail: "Runtime region",
    container: true,
  });

/** The backend systems, inside the given container. */
export function systemNodes(c: ViewContext, parent: string | null) {
  const filled = (v: unknown) => (typeof v === "string" && isFilled(v) ? v : null);
  for (const system of c.context.spec("system"))
    c.builder.node({
      id: nodeId("system", system.id),
      kind: "system",
      label: system.title,
      detail: detailLine(filled(system.data.deploymentModel), filled(system.data.protocol)),
      parent,
      spec: system,
      overlay: "none",
    });
}

/**
 * Edges of the plan from each planned application node: to the system it fronts, and to each
 * application it calls (`calleeId` says which node draws the callee in this view).
 */
export function declaredEdges(c: ViewContext, calleeId: (callee: string, caller: TopologyNode) => string) {
  const { builder, context } = c;
  for (const node of builder.ofKind("application")) {
    if (!node.specRecordId) continue;
    const entry = context.byId(node.specRecordId);
    const system = context.byId(entry?.data.system);
    if (system) builder.edge("system", node.id, nodeId("system", system.id), "plan");
    const callees = entry?.data.dependsOn;
    for (const callee of Array.isArray(callees) ? callees : [])
      if (typeof callee === "string") builder.edge("dependency", node.id, calleeId(callee, node), "plan");
  }
}

/** Mapping rules as edges from their load balancer to the application nodes whose names they target. */
export function mappingEdges(c: ViewContext, candidates: (lbNodeId: string) => TopologyNode[]) {
  const { builder, context } = c;
  for (const rule of context.spec("mapping-rule")) {
    const lb = context.byId(rule.data.loadBalancer);
    if (!lb || typeof rule.data.targetApp !== "string") continue;
    let regex: RegExp;
    try {
      regex = compilePattern(rule.data.targetApp).regex;
    } catch {
      continue; // an invalid pattern is reported by the naming rules, not drawn
    }
    const lbId = nodeId("load-balancer", lb.id);
    for (const app of candidates(lbId)) if (regex.test(app.label)) builder.edge("mapping", lbId, app.id, "plan");
  }
  // A live rule names its application (as planned or as deployed): index each list of candidates
  // by name once, not scan it per rule (thousands of rules by thousands of applications).
  const indexes = new WeakMap<readonly TopologyNode[], Map<string, TopologyNode[]>>();
  const byName = (apps: readonly TopologyNode[]) => {
    let index = indexes.get(apps);
    if (!index) {
      index = new Map();
      for (const app of apps) {
        const names = new Set([lower(app.label)]);
        for (const fact of app.actual) if (fact.label === "Name") names.add(lower(fact.value));
        for (const name of names) push(index, name, app);
      }
      indexes.set(apps, index);
    }
    return index;
  };
  for (const rule of c.live.filter((r) => r.kind === "mapping-rule")) {
    const appName = lower(String(rule.attributes.appName));
    for (const lb of builder.named("load-balancer", String(rule.attributes.loadBalancer)))
      for (const app of byName(candidates(lb.id)).get(appName) ?? [])
        builder.edge("mapping", lb.id, app.id, "live", String(rule.attributes.inputUri ?? "") || null);
  }
}
