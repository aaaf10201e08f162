// Turns the plan, the live snapshot and the open findings into the nodes, containers and edges of
// one diagram. Plan and estate are matched the way the drift rules match them (by name,
// case-insensitive; applications by name or name-with-environment-suffix per environment), so
// that what the diagram dashes is what DRIFT-MISSING reports.

import { buildContext } from "@/lib/domain/governance/engine";
import { applicationIndex } from "@/lib/domain/governance/rules/applications";
import type { RuleContext, Severity, SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource, LiveValue } from "@/lib/domain/live/snapshot";
import { compilePattern } from "@/lib/domain/naming/pattern";
import { kindFields, type SpecKind } from "@/lib/domain/spec/kinds";
import { isFilled } from "@/lib/domain/spec/placeholders";
import type {
  Fact,
  NodeFinding,
  Overlay,
  TopologyEdge,
  TopologyEdgeKind,
  TopologyFinding,
  TopologyGraph,
  TopologyInput,
  TopologyNode,
  TopologyNodeKind,
  TopologyView,
} from "@/lib/domain/topology/types";

const lower = (value: string | null | undefined) => (value ?? "").trim().toLowerCase();
const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const controlPlaneLabels: Record<string, string> = {
  us: "Anypoint control plane (US)",
  eu: "Anypoint control plane (EU)",
  gov: "Anypoint control plane (Gov)",
};
type Layer = "experience" | "process" | "system";
const layers: Layer[] = ["experience", "process", "system"];
const layerLabels: Record<Layer, string> = { experience: "Experience", process: "Process", system: "System" };

/** A live resource's attributes as side-panel lines. */
function liveFacts(resource: LiveResource | undefined): Fact[] {
  if (!resource) return [];
  const show = (value: LiveValue): string => {
    if (value === null) return "—";
    if (Array.isArray(value))
      return value.length
        ? value.map((v) => (typeof v === "object" && v ? JSON.stringify(v) : show(v))).join(", ")
        : "—";
    if (typeof value === "object") return JSON.stringify(value);
    if (typeof value === "boolean") return value ? "Yes" : "No";
    return String(value);
  };
  const facts: Fact[] = [{ label: "Name", value: resource.name }];
  if (resource.environment) facts.push({ label: "Environment", value: resource.environment });
  if (resource.businessGroup) facts.push({ label: "Business group", value: resource.businessGroup });
  for (const [key, value] of Object.entries(resource.attributes)) {
    const text = show(value);
    facts.push({ label: key, value: text.length > 240 ? `${text.slice(0, 239)}…` : text });
  }
  return facts;
}

/** A spec record's fields as side-panel lines, references by name and choices by label. */
function planFacts(entry: SpecEntry | undefined, context: RuleContext): Fact[] {
  if (!entry) return [];
  return kindFields(entry.kind).map((field) => {
    const value = entry.data[field.name];
    let text: string;
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0))
      text = "—";
    else if (field.type === "ref" || field.type === "ref-list") text = context.titles(value).join(", ") || "—";
    else if (field.type === "enum") text = field.options?.find((o) => o.value === value)?.label ?? String(value);
    else if (typeof value === "boolean") text = value ? "Yes" : "No";
    else if (Array.isArray(value)) text = value.join(", ");
    else text = String(value);
    return { label: field.label, value: text.length > 240 ? `${text.slice(0, 239)}…` : text };
  });
}

const overlayOf = (hasLive: boolean, planned: boolean, built: boolean): Overlay =>
  !planned ? (built ? "live-only" : "none") : !hasLive ? "plan" : built ? "both" : "planned-only";

class GraphBuilder {
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

  node(
    init: Pick<TopologyNode, "id" | "kind" | "label"> &
      Partial<Omit<TopologyNode, "id" | "kind" | "label">> & { spec?: SpecEntry; resource?: LiveResource },
  ): TopologyNode {
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
    const index = (map: Map<string, TopologyNode[]>, key: string) => {
      const list = map.get(key);
      if (list) list.push(node);
      else map.set(key, [node]);
    };
    if (node.specRecordId) index(this.bySpec, node.specRecordId);
    if (node.live) index(this.byLive, node.live.externalId);
    index(this.byName, `${node.kind}:${lower(node.label)}`);
    return node;
  }

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

  /** Hangs each open finding on the nodes that draw its resource (sub-resources on their owner). */
  attach(findings: readonly TopologyFinding[], live: readonly LiveResource[]) {
    const liveById = new Map(live.map((r) => [r.externalId, r]));
    // Sub-resources are drawn on their owner: rules and VPNs on the VPC, endpoints and rules on the DLB.
    const ownerOfSpec = (id: string): string => {
      if (this.bySpec.has(id)) return id;
      const entry = this.context.byId(id);
      const owner =
        entry?.kind === "firewall-rule" || entry?.kind === "vpn"
          ? entry.data.vpc
          : entry?.kind === "mapping-rule" || entry?.kind === "tls-endpoint"
            ? entry.data.loadBalancer
            : null;
      return typeof owner === "string" ? owner : id;
    };
    const ownerOfLive = (resource: LiveResource): TopologyNode[] => {
      const a = resource.attributes;
      if (resource.kind === "firewall-rule")
        return [
          ...(this.byName.get(`vpc:${lower(String(a.network))}`) ?? []),
          ...(this.byName.get(`private-space:${lower(String(a.network))}`) ?? []),
        ];
      if (resource.kind === "mapping-rule" || (resource.kind === "tls-endpoint" && a.loadBalancer))
        return this.byName.get(`load-balancer:${lower(String(a.loadBalancer))}`) ?? [];
      if (resource.kind === "tls-endpoint" && a.network)
        return this.byName.get(`private-space:${lower(String(a.network))}`) ?? [];
      if (resource.kind === "api-instance" && typeof a.application === "string")
        return (this.byName.get(`application:${lower(a.application)}`) ?? []).filter(
          (n) => !resource.environment || n.environments.some((e) => lower(e) === lower(resource.environment)),
        );
      return [];
    };
    for (const finding of findings) {
      let targets: TopologyNode[] = [];
      if (finding.specRecordId) targets = this.bySpec.get(ownerOfSpec(finding.specRecordId)) ?? [];
      if (!targets.length && finding.liveExternalId) {
        targets = this.byLive.get(finding.liveExternalId) ?? [];
        const resource = liveById.get(finding.liveExternalId);
        if (!targets.length && resource) targets = ownerOfLive(resource);
      }
      if (!targets.length) targets = this.byName.get(`${finding.resourceKind}:${lower(finding.resourceName)}`) ?? [];
      if (finding.environment) {
        const inEnvironment = targets.filter((n) =>
          n.environments.some((e) => lower(e) === lower(finding.environment)),
        );
        if (inEnvironment.length) targets = inEnvironment;
      }
      const shown: NodeFinding = {
        fingerprint: finding.fingerprint,
        ruleId: finding.ruleId,
        severity: finding.severity,
        category: finding.category,
        message: finding.message,
      };
      for (const node of targets) {
        if (node.findings.some((f) => f.fingerprint === finding.fingerprint)) continue;
        node.findings.push(shown);
        if (!node.worst || severityRank[finding.severity] < severityRank[node.worst]) node.worst = finding.severity;
        // DRIFT-MISSING and DRIFT-UNPLANNED are what the dashes and colours already say.
        if (finding.category === "drift" && finding.ruleId === "DRIFT-VALUE" && node.overlay === "both")
          node.overlay = "different";
      }
    }
    for (const node of this.nodes.values())
      node.findings.sort(
        (a, b) => severityRank[a.severity] - severityRank[b.severity] || a.ruleId.localeCompare(b.ruleId),
      );
  }

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

/** The planned name of a live application, less its environment suffix, when it has one. */
const layerOfName = (name: string): Layer | null => {
  const match = /(?:^|-)(exp|prc|sys|experience|process|system)(?:-|$)/.exec(lower(name));
  if (!match) return null;
  return match[1]!.startsWith("exp") ? "experience" : match[1]!.startsWith("pr") ? "process" : "system";
};
const layerOf = (value: unknown): Layer | null =>
  typeof value === "string" && (layers as string[]).includes(value) ? (value as Layer) : null;

type Common = {
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

function common(view: TopologyView, input: TopologyInput): Common {
  const hasLive = input.live !== null;
  const context = buildContext({ spec: input.spec, live: input.live, decisions: [], now: new Date(0) });
  const environmentGroup = new Map<string, string | null>();
  for (const env of context.live("environment")) environmentGroup.set(lower(env.name), env.businessGroup);
  for (const env of context.spec("environment"))
    environmentGroup.set(lower(env.title), context.titles(env.data.businessGroup)[0] ?? null);
  return {
    builder: new GraphBuilder(view, context, hasLive),
    context,
    live: input.live ?? [],
    hasLive,
    environmentGroup,
    index: applicationIndex(context),
    claimed: new Set(),
  };
}

/** Live applications of a planned one across the given environments (null = any). */
function liveOf(c: Common, entry: SpecEntry, environment: string | null): LiveResource[] {
  const found = c.index.liveFor(entry, environment).map((deployment) => deployment.app);
  for (const r of found) c.claimed.add(r.externalId);
  return found;
}

const routeLabel = (routes: unknown): string | null => {
  const list = (Array.isArray(routes) ? routes : []).filter((r): r is string => typeof r === "string" && isFilled(r));
  return list.length ? list.join(", ") : null;
};

/** Mapping rules as edges from their load balancer to the application nodes whose names they target. */
function mappingEdges(c: Common, candidates: (lbNodeId: string) => TopologyNode[]) {
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
    const lbId = `load-balancer:${lb.id}`;
    for (const app of candidates(lbId)) if (regex.test(app.label)) builder.edge("mapping", lbId, app.id, "plan");
  }
  for (const rule of c.live.filter((r) => r.kind === "mapping-rule")) {
    const lbNodes = builder.byName.get(`load-balancer:${lower(String(rule.attributes.loadBalancer))}`) ?? [];
    const appName = lower(String(rule.attributes.appName));
    for (const lb of lbNodes)
      for (const app of candidates(lb.id))
        if (lower(app.label) === appName || app.actual.some((f) => f.label === "Name" && lower(f.value) === appName))
          builder.edge("mapping", lb.id, app.id, "live", String(rule.attributes.inputUri ?? "") || null);
  }
}

function systemNodes(c: Common, parent: string | null) {
  for (const system of c.context.spec("system"))
    c.builder.node({
      id: `system:${system.id}`,
      kind: "system",
      label: system.title,
      detail:
        [system.data.deploymentModel, system.data.protocol]
          .filter((v) => typeof v === "string" && isFilled(v))
          .join(" · ") || null,
      parent,
      spec: system,
      overlay: "none",
    });
}

function platformView(c: Common, input: TopologyInput): TopologyGraph {
  const { builder, context, live } = c;
  const cp = builder.node({
    id: "control-plane",
    kind: "control-plane",
    label: controlPlaneLabels[input.controlPlane ?? ""] ?? "Anypoint control plane",
    detail: input.controlPlane === "custom" ? "custom base URL" : null,
  });
  const region = (name: string) => {
    const node = builder.node({
      id: `region:${name}`,
      kind: "region",
      label: name,
      detail: "Runtime region",
      container: true,
    });
    builder.edge("control", cp.id, node.id, "plan");
    return node;
  };

  // Networks: VPCs (planned and live) and CloudHub 2.0 private spaces (live only).
  const liveVpcs = new Map(context.live("vpc").map((r) => [lower(r.name), r]));
  const networkOfEnvironment = new Map<string, string>();
  const networkByName = new Map<string, TopologyNode>();
  for (const vpc of context.spec("vpc")) {
    const resource = liveVpcs.get(lower(vpc.title));
    liveVpcs.delete(lower(vpc.title));
    const regionName =
      typeof vpc.data.region === "string" && isFilled(vpc.data.region)
        ? vpc.data.region
        : String(resource?.attributes.region ?? "unknown region");
    const environments = context.titles(vpc.data.environments);
    const node = builder.node({
      id: `vpc:${vpc.id}`,
      kind: "vpc",
      label: vpc.title,
      detail: typeof vpc.data.cidr === "string" ? vpc.data.cidr : null,
      parent: region(regionName).id,
      container: true,
      spec: vpc,
      resource,
      businessGroup: context.titles(vpc.data.businessGroup)[0] ?? resource?.businessGroup ?? null,
      environments,
    });
    networkByName.set(lower(vpc.title), node);
    for (const env of environments)
      if (!networkOfEnvironment.has(lower(env))) networkOfEnvironment.set(lower(env), node.id);
  }
  for (const resource of liveVpcs.values()) {
    const environments = Array.isArray(resource.attributes.environments)
      ? resource.attributes.environments.map(String)
      : [];
    const node = builder.node({
      id: `vpc:live:${resource.externalId}`,
      kind: "vpc",
      label: resource.name,
      detail: typeof resource.attributes.cidr === "string" ? resource.attributes.cidr : null,
      parent: region(String(resource.attributes.region ?? "unknown region")).id,
      container: true,
      resource,
      environments,
    });
    networkByName.set(lower(resource.name), node);
    for (const env of environments)
      if (!networkOfEnvironment.has(lower(env))) networkOfEnvironment.set(lower(env), node.id);
  }
  for (const space of context.live("private-space")) {
    const node = builder.node({
      id: `private-space:live:${space.externalId}`,
      kind: "private-space",
      label: space.name,
      detail: ["Private space", typeof space.attributes.cidr === "string" ? space.attributes.cidr : null]
        .filter(Boolean)
        .join(" · "),
      parent: region(String(space.attributes.region ?? "unknown region")).id,
      container: true,
      resource: space,
    });
    networkByName.set(lower(space.name), node);
  }
  const sharedSpace = (regionName: string | null) =>
    builder.node({
      id: regionName ? `shared-space:${regionName}` : "shared-space:unplaced",
      kind: "shared-space",
      label: regionName ? "CloudHub shared space" : "Not in a VPC",
      detail: regionName ? null : "environments no VPC lists",
      parent: regionName ? region(regionName).id : null,
      container: true,
    });

  // Load balancers inside their VPC.
  const liveLbs = new Map(context.live("load-balancer").map((r) => [lower(r.name), r]));
  for (const lb of context.spec("load-balancer")) {
    const vpc = context.byId(lb.data.vpc);
    const resource = liveLbs.get(lower(lb.title));
    liveLbs.delete(lower(lb.title));
    const parent = vpc
      ? `vpc:${vpc.id}`
      : (networkByName.get(lower(String(resource?.attributes.vpc)))?.id ?? sharedSpace(null).id);
    builder.node({
      id: `load-balancer:${lb.id}`,
      kind: "load-balancer",
      label: lb.title,
      detail: `DLB · ${lb.data.role === "external" ? "external" : lb.data.role === "internal" ? "internal" : "role not set"}`,
      parent,
      spec: lb,
      resource,
      environments: builder.nodes.get(parent)?.environments ?? [],
    });
  }
  for (const resource of liveLbs.values()) {
    const parent = networkByName.get(lower(String(resource.attributes.vpc)))?.id ?? sharedSpace(null).id;
    builder.node({
      id: `load-balancer:live:${resource.externalId}`,
      kind: "load-balancer",
      label: resource.name,
      detail: "DLB",
      parent,
      resource,
      environments: builder.nodes.get(parent)?.environments ?? [],
    });
  }

  // Applications, per environment, inside the network that hosts the environment.
  const environmentGroup = (networkId: string, environment: string) =>
    builder.node({
      id: `environment:${networkId}:${environment}`,
      kind: "environment",
      label: environment,
      parent: networkId,
      container: true,
      environments: [environment],
      businessGroup: c.environmentGroup.get(lower(environment)) ?? null,
    });
  const networkOf = (environment: string | null, resource: LiveResource | undefined): string => {
    if (resource?.attributes.platform !== "cloudhub-1" && typeof resource?.attributes.target === "string") {
      const space = networkByName.get(lower(resource.attributes.target));
      if (space) return space.id;
    }
    const planned = environment ? networkOfEnvironment.get(lower(environment)) : undefined;
    if (planned) return planned;
    const liveRegion = resource?.attributes.region;
    return sharedSpace(typeof liveRegion === "string" ? liveRegion : null).id;
  };
  const appDetail = (entry: SpecEntry | undefined, resource: LiveResource | undefined) => {
    const layer = layerOf(entry?.data.layer) ?? (resource ? layerOfName(resource.name) : null);
    const parts = [layer ? layerLabels[layer] : null];
    if (resource && entry && lower(resource.name) !== lower(entry.title)) parts.push(`deployed as ${resource.name}`);
    return parts.filter(Boolean).join(" · ") || null;
  };
  for (const entry of context.spec("application")) {
    const environments = context.titles(entry.data.environments);
    for (const environment of environments.length ? environments : [null]) {
      const found = environment ? liveOf(c, entry, environment) : [];
      const resource = found[0];
      const network = networkOf(environment, resource);
      const parent = environment ? environmentGroup(network, environment).id : network;
      builder.node({
        id: `application:${entry.id}:${environment ?? "none"}`,
        kind: "application",
        label: entry.title,
        detail: appDetail(entry, resource),
        parent,
        spec: entry,
        resource,
        businessGroup:
          (environment ? c.environmentGroup.get(lower(environment)) : null) ?? resource?.businessGroup ?? null,
        environments: environment ? [environment] : [],
        layer: layerOf(entry.data.layer),
      });
    }
  }
  for (const resource of context.live("application")) {
    if (c.claimed.has(resource.externalId)) continue;
    const environment = resource.environment;
    const network = networkOf(environment, resource);
    builder.node({
      id: `application:live:${resource.externalId}`,
      kind: "application",
      label: resource.name,
      detail: appDetail(undefined, resource),
      parent: environment ? environmentGroup(network, environment).id : network,
      resource,
      environments: environment ? [environment] : [],
      layer: layerOfName(resource.name),
    });
  }

  // VPN tunnels beside their network, to the corporate data centre.
  const dataCentre = () =>
    builder.node({ id: "data-centre", kind: "data-centre", label: "Corporate data centre", overlay: "none" });
  const liveVpns = new Map(context.live("vpn").map((r) => [lower(r.name), r]));
  for (const vpn of context.spec("vpn")) {
    const vpc = context.byId(vpn.data.vpc);
    const resource = liveVpns.get(lower(vpn.title));
    liveVpns.delete(lower(vpn.title));
    const network = vpc ? builder.nodes.get(`vpc:${vpc.id}`) : undefined;
    const node = builder.node({
      id: `vpn:${vpn.id}`,
      kind: "vpn",
      label: vpn.title,
      detail: [vpn.data.routing === "bgp" ? "BGP" : "Static", vpn.data.remoteIp]
        .filter((v) => typeof v === "string" && v)
        .join(" · "),
      parent: network?.parent ?? null,
      spec: vpn,
      resource,
    });
    if (network) builder.edge("vpn", network.id, node.id, "plan");
    builder.edge(
      "route",
      node.id,
      dataCentre().id,
      resource ? "live" : "plan",
      routeLabel(vpn.data.staticRoutes) ?? routeLabel(resource?.attributes.remoteNetworks),
    );
  }
  for (const resource of liveVpns.values()) {
    const network = networkByName.get(lower(String(resource.attributes.network)));
    const node = builder.node({
      id: `vpn:live:${resource.externalId}`,
      kind: "vpn",
      label: resource.name,
      detail: typeof resource.attributes.remoteIp === "string" ? resource.attributes.remoteIp : null,
      parent: network?.parent ?? null,
      resource,
    });
    if (network) builder.edge("vpn", network.id, node.id, "live");
    builder.edge("route", node.id, dataCentre().id, "live", routeLabel(resource.attributes.remoteNetworks));
  }

  // Declared calls, environment by environment.
  for (const node of builder.nodes.values()) {
    if (node.kind !== "application" || !node.specRecordId) continue;
    const callees = context.byId(node.specRecordId)?.data.dependsOn;
    const environment = node.environments[0] ?? "none";
    for (const callee of Array.isArray(callees) ? callees : [])
      if (typeof callee === "string")
        builder.edge("dependency", node.id, `application:${callee}:${environment}`, "plan");
  }

  // Backend systems at the bottom, reached by the applications that front them.
  if (context.spec("system").length)
    systemNodes(c, builder.node({ id: "lane:systems", kind: "lane", label: "Backend systems", container: true }).id);
  for (const node of builder.nodes.values()) {
    if (node.kind !== "application" || !node.specRecordId) continue;
    const system = context.byId(context.byId(node.specRecordId)?.data.system);
    if (system) builder.edge("system", node.id, `system:${system.id}`, "plan");
  }

  const appsIn = new Map<string, TopologyNode[]>();
  for (const node of builder.nodes.values()) {
    if (node.kind !== "application") continue;
    const network = builder.nodes.get(node.parent ?? "");
    const vpcId = network?.kind === "environment" ? network.parent : node.parent;
    if (!vpcId) continue;
    const list = appsIn.get(vpcId) ?? [];
    list.push(node);
    appsIn.set(vpcId, list);
  }
  mappingEdges(c, (lbId) => appsIn.get(builder.nodes.get(lbId)?.parent ?? "") ?? []);
  builder.attach(input.findings, live);
  return builder.graph();
}

function apiLedView(c: Common, input: TopologyInput): TopologyGraph {
  const { builder, context, live } = c;
  const lane = (id: string, label: string, detail: string | null = null) =>
    builder.node({ id: `lane:${id}`, kind: "lane", label, detail, container: true });
  if (context.spec("load-balancer").length || context.live("load-balancer").length)
    lane("load-balancers", "Load balancers", "consumers enter here");
  for (const layer of layers) lane(layer, `${layerLabels[layer]} APIs`);

  const liveLbs = new Map(context.live("load-balancer").map((r) => [lower(r.name), r]));
  for (const lb of context.spec("load-balancer")) {
    const resource = liveLbs.get(lower(lb.title));
    liveLbs.delete(lower(lb.title));
    builder.node({
      id: `load-balancer:${lb.id}`,
      kind: "load-balancer",
      label: lb.title,
      detail: `DLB · ${lb.data.role === "external" ? "external" : "internal"}`,
      parent: "lane:load-balancers",
      spec: lb,
      resource,
    });
  }
  for (const resource of liveLbs.values())
    builder.node({
      id: `load-balancer:live:${resource.externalId}`,
      kind: "load-balancer",
      label: resource.name,
      detail: "DLB",
      parent: "lane:load-balancers",
      resource,
    });

  for (const entry of context.spec("application")) {
    const environments = context.titles(entry.data.environments);
    const found = liveOf(c, entry, null);
    const layer = layerOf(entry.data.layer);
    builder.node({
      id: `application:${entry.id}`,
      kind: "application",
      label: entry.title,
      detail: [environments.join(", ") || "no environment", found.length ? `${found.length} deployed` : null]
        .filter(Boolean)
        .join(" · "),
      parent: layer ? `lane:${layer}` : lane("unclassified", "Layer not set").id,
      spec: entry,
      resource: found[0],
      environments,
      businessGroup: c.environmentGroup.get(lower(environments[0])) ?? found[0]?.businessGroup ?? null,
      layer,
    });
  }
  // One node per unplanned application name, whatever the number of environments it runs in.
  const unplanned = new Map<string, LiveResource[]>();
  for (const resource of context.live("application")) {
    if (c.claimed.has(resource.externalId)) continue;
    const list = unplanned.get(lower(resource.name)) ?? [];
    list.push(resource);
    unplanned.set(lower(resource.name), list);
  }
  for (const resources of unplanned.values()) {
    const first = resources[0]!;
    const layer = layerOfName(first.name);
    const environments = [...new Set(resources.map((r) => r.environment).filter((e): e is string => !!e))].sort();
    builder.node({
      id: `application:live:${first.externalId}`,
      kind: "application",
      label: first.name,
      detail: environments.join(", ") || null,
      parent: layer ? `lane:${layer}` : lane("unclassified", "Layer not set").id,
      resource: first,
      environments,
      layer,
    });
  }
  if (context.spec("system").length) systemNodes(c, lane("systems", "Backend systems").id);
  for (const node of builder.nodes.values()) {
    if (node.kind !== "application" || !node.specRecordId) continue;
    const entry = context.byId(node.specRecordId)!;
    const system = context.byId(entry.data.system);
    if (system) builder.edge("system", node.id, `system:${system.id}`, "plan");
    for (const callee of Array.isArray(entry.data.dependsOn) ? entry.data.dependsOn : [])
      if (typeof callee === "string") builder.edge("dependency", node.id, `application:${callee}`, "plan");
  }
  const apps = [...builder.nodes.values()].filter((n) => n.kind === "application");
  mappingEdges(c, () => apps);
  builder.attach(input.findings, live);
  return builder.graph();
}

/** The recovery strategy of a DR tier, as the pair edges name it. */
function pairLabel(tier: SpecEntry | undefined): string {
  const strategy = lower(typeof tier?.data.strategy === "string" ? tier.data.strategy : "");
  if (strategy.includes("active-active") || strategy.includes("active active")) return "active-active";
  if (strategy.includes("active-passive") || strategy.includes("active passive")) return "active-passive";
  return strategy || "DR pair";
}

function drView(c: Common, input: TopologyInput): TopologyGraph {
  const { builder, context, live } = c;
  const regionOfEnvironment = new Map<string, string>();
  for (const vpc of context.spec("vpc"))
    if (typeof vpc.data.region === "string" && isFilled(vpc.data.region))
      for (const env of context.titles(vpc.data.environments))
        if (!regionOfEnvironment.has(lower(env))) regionOfEnvironment.set(lower(env), vpc.data.region);
  for (const vpc of context.live("vpc"))
    for (const env of Array.isArray(vpc.attributes.environments) ? vpc.attributes.environments : [])
      if (typeof vpc.attributes.region === "string" && !regionOfEnvironment.has(lower(String(env))))
        regionOfEnvironment.set(lower(String(env)), vpc.attributes.region);
  const spaceRegion = new Map(context.live("private-space").map((s) => [lower(s.name), s.attributes.region]));
  const regionOfLive = (resource: LiveResource): string | null => {
    const a = resource.attributes;
    if (typeof a.target === "string" && typeof spaceRegion.get(lower(a.target)) === "string")
      return spaceRegion.get(lower(a.target)) as string;
    if (typeof a.region === "string") return a.region;
    return regionOfEnvironment.get(lower(resource.environment)) ?? null;
  };
  const region = (name: string) =>
    builder.node({ id: `region:${name}`, kind: "region", label: name, detail: "Runtime region", container: true });
  for (const vpc of context.spec("vpc"))
    if (typeof vpc.data.region === "string" && isFilled(vpc.data.region)) region(vpc.data.region);
  const tierGroup = (regionName: string, tier: SpecEntry | undefined) => {
    const parent = region(regionName).id;
    const rto = tier?.data.rtoMinutes;
    return builder.node({
      id: `tier:${regionName}:${tier?.id ?? "none"}`,
      kind: "tier",
      label: tier?.title ?? "No DR tier",
      detail: tier
        ? [
            typeof tier.data.strategy === "string" ? tier.data.strategy : null,
            typeof rto === "number" ? `RTO ${rto} min` : null,
          ]
            .filter(Boolean)
            .join(" · ") || null
        : "not classified",
      parent,
      container: true,
      spec: tier,
      overlay: "none",
    });
  };

  for (const entry of context.spec("application")) {
    const tier = context.byId(entry.data.drTier);
    const environments = context.titles(entry.data.environments);
    const found = liveOf(c, entry, null);
    const regions = new Map<string, LiveResource[]>();
    for (const env of environments) {
      const name = regionOfEnvironment.get(lower(env));
      if (name && !regions.has(name)) regions.set(name, []);
    }
    for (const resource of found) {
      const name = regionOfLive(resource);
      if (name) regions.set(name, [...(regions.get(name) ?? []), resource]);
    }
    if (!regions.size) regions.set("Region not known", []);
    const ids: string[] = [];
    for (const [regionName, resources] of [...regions.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const node = builder.node({
        id: `application:${entry.id}:${regionName}`,
        kind: "application",
        label: entry.title,
        detail:
          [
            layerOf(entry.data.layer) ? layerLabels[layerOf(entry.data.layer)!] : null,
            resources.length ? `${resources.length} deployed here` : null,
          ]
            .filter(Boolean)
            .join(" · ") || null,
        parent: tierGroup(regionName, tier).id,
        spec: entry,
        resource: resources[0],
        environments: [
          ...new Set(
            [
              ...environments.filter((e) => regionOfEnvironment.get(lower(e)) === regionName),
              ...resources.map((r) => r.environment ?? ""),
            ].filter(Boolean),
          ),
        ],
        businessGroup: c.environmentGroup.get(lower(environments[0])) ?? resources[0]?.businessGroup ?? null,
        layer: layerOf(entry.data.layer),
      });
      if (c.hasLive) node.overlay = resources.length ? "both" : "planned-only";
      ids.push(node.id);
    }
    for (let i = 1; i < ids.length; i += 1) builder.edge("dr-pair", ids[0]!, ids[i]!, "plan", pairLabel(tier));
  }
  for (const resource of context.live("application")) {
    if (c.claimed.has(resource.externalId)) continue;
    const regionName = regionOfLive(resource) ?? "region unknown";
    builder.node({
      id: `application:live:${resource.externalId}`,
      kind: "application",
      label: resource.name,
      detail: resource.environment,
      parent: tierGroup(regionName, undefined).id,
      resource,
      environments: resource.environment ? [resource.environment] : [],
      layer: layerOfName(resource.name),
    });
  }
  builder.attach(input.findings, live);
  return builder.graph();
}

/** The nodes, containers and edges of a diagram, with the live overlay and the findings on each node. */
export function buildTopology(view: TopologyView, input: TopologyInput): TopologyGraph {
  const c = common(view, input);
  const graph =
    view === "platform" ? platformView(c, input) : view === "api-led" ? apiLedView(c, input) : drView(c, input);
  // A control plane alone, or empty lanes, is not a diagram: the page explains what to add instead.
  return graph.nodes.some((n) => !scaffoldKinds.has(n.kind)) ? graph : { ...graph, nodes: [], edges: [] };
}

/** What every view draws even for an empty workspace. */
const scaffoldKinds: ReadonlySet<TopologyNodeKind> = new Set([
  "control-plane",
  "region",
  "lane",
  "tier",
  "data-centre",
]);

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
];

export type { TopologyNodeKind };
