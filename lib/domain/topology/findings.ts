// Hangs each open finding on the nodes that draw its resource: by spec record, by live resource,
// then by kind and name; sub-resources (rules, endpoints, tunnels) on the node of their owner.

import type { Severity } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import { lower, type GraphBuilder } from "@/lib/domain/topology/graph";
import type { NodeFinding, TopologyFinding, TopologyNode } from "@/lib/domain/topology/types";

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const inEnvironment = (node: TopologyNode, environment: string | null) =>
  node.environments.some((e) => lower(e) === lower(environment));

/** The spec record whose node shows a sub-resource's findings: rules and VPNs on the VPC, endpoints and rules on the DLB. */
function ownerOfSpec(builder: GraphBuilder, id: string): string {
  if (builder.bySpec.has(id)) return id;
  const entry = builder.context.byId(id);
  const owner =
    entry?.kind === "firewall-rule" || entry?.kind === "vpn"
      ? entry.data.vpc
      : entry?.kind === "mapping-rule" || entry?.kind === "tls-endpoint"
        ? entry.data.loadBalancer
        : null;
  return typeof owner === "string" ? owner : id;
}

/** The nodes that show an undrawn live resource's findings, found by the owner's name. */
function ownerOfLive(builder: GraphBuilder, resource: LiveResource): TopologyNode[] {
  const a = resource.attributes;
  if (resource.kind === "firewall-rule")
    return [...builder.named("vpc", String(a.network)), ...builder.named("private-space", String(a.network))];
  if (resource.kind === "mapping-rule" || (resource.kind === "tls-endpoint" && a.loadBalancer))
    return builder.named("load-balancer", String(a.loadBalancer));
  if (resource.kind === "tls-endpoint" && a.network) return builder.named("private-space", String(a.network));
  if (resource.kind === "api-instance" && typeof a.application === "string")
    return builder
      .named("application", a.application)
      .filter((n) => !resource.environment || inEnvironment(n, resource.environment));
  return [];
}

/** Puts each open finding on the nodes that draw its resource, worst severity first on each node. */
export function attachFindings(
  builder: GraphBuilder,
  findings: readonly TopologyFinding[],
  live: readonly LiveResource[],
) {
  const liveById = new Map(live.map((r) => [r.externalId, r]));
  for (const finding of findings) {
    let targets: TopologyNode[] = [];
    if (finding.specRecordId) targets = builder.bySpec.get(ownerOfSpec(builder, finding.specRecordId)) ?? [];
    if (!targets.length && finding.liveExternalId) {
      targets = builder.byLive.get(finding.liveExternalId) ?? [];
      const resource = liveById.get(finding.liveExternalId);
      if (!targets.length && resource) targets = ownerOfLive(builder, resource);
    }
    if (!targets.length) targets = builder.named(finding.resourceKind, finding.resourceName);
    if (finding.environment) {
      const here = targets.filter((n) => inEnvironment(n, finding.environment));
      if (here.length) targets = here;
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
  for (const node of builder.nodes.values())
    node.findings.sort(
      (a, b) => severityRank[a.severity] - severityRank[b.severity] || a.ruleId.localeCompare(b.ruleId),
    );
}
