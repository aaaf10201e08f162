// The platform view: the control plane, runtime regions, the networks with their load balancers
// and, per environment, the applications they host; VPN tunnels to the corporate data centre;
// the backend systems below. Each planned application is drawn once per planned environment.

import type { SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import { isFilled } from "@/lib/domain/spec/placeholders";
import { detailLine, liveNodeId, lower, nodeId, push } from "@/lib/domain/topology/graph";
import type { TopologyNode } from "@/lib/domain/topology/types";
import {
  declaredEdges,
  layerLabels,
  layerOf,
  layerOfName,
  liveOf,
  mappingEdges,
  pairByName,
  regionNode,
  systemNodes,
  unclaimedApps,
  type ViewContext,
} from "@/lib/domain/topology/views/common";
import { drawNetworks, type Networks } from "@/lib/domain/topology/views/platform-networks";
import { drawHostedRuntimes, drawRegionalServices } from "@/lib/domain/topology/views/platform-runtimes";

const controlPlaneLabels: Record<string, string> = {
  us: "Anypoint control plane (US)",
  eu: "Anypoint control plane (EU)",
  gov: "Anypoint control plane (Gov)",
};

const routeLabel = (routes: unknown): string | null => {
  const list = (Array.isArray(routes) ? routes : []).filter((r): r is string => typeof r === "string" && isFilled(r));
  return list.length ? list.join(", ") : null;
};

/** Applications, per environment, inside the network that hosts the environment. */
function drawApplications(c: ViewContext, networks: Networks) {
  const { builder, context } = c;
  const environmentGroup = (networkId: string, environment: string) =>
    builder.node({
      id: nodeId("environment", networkId, environment),
      kind: "environment",
      label: environment,
      parent: networkId,
      container: true,
      environments: [environment],
      businessGroup: c.environmentGroup.get(lower(environment)) ?? null,
    });
  const appDetail = (entry: SpecEntry | undefined, resource: LiveResource | undefined) => {
    const layer = layerOf(entry?.data.layer) ?? (resource ? layerOfName(resource.name) : null);
    const deployedAs =
      resource && entry && lower(resource.name) !== lower(entry.title) ? `deployed as ${resource.name}` : null;
    return detailLine(layer ? layerLabels[layer] : null, deployedAs);
  };
  for (const entry of context.spec("application")) {
    const environments = context.titles(entry.data.environments);
    for (const environment of environments.length ? environments : [null]) {
      const resource = environment ? liveOf(c, entry, environment)[0] : undefined;
      const network = networks.of(environment, resource);
      builder.node({
        id: nodeId("application", entry.id, environment ?? "none"),
        kind: "application",
        label: entry.title,
        detail: appDetail(entry, resource),
        parent: environment ? environmentGroup(network, environment).id : network,
        spec: entry,
        resource,
        businessGroup:
          (environment ? c.environmentGroup.get(lower(environment)) : null) ?? resource?.businessGroup ?? null,
        environments: environment ? [environment] : [],
        layer: layerOf(entry.data.layer),
      });
    }
  }
  for (const resource of unclaimedApps(c)) {
    const environment = resource.environment;
    const network = networks.of(environment, resource);
    builder.node({
      id: liveNodeId("application", resource.externalId),
      kind: "application",
      label: resource.name,
      detail: appDetail(undefined, resource),
      parent: environment ? environmentGroup(network, environment).id : network,
      resource,
      environments: environment ? [environment] : [],
      layer: layerOfName(resource.name),
    });
  }
}

/** VPN tunnels beside their network, to the corporate data centre. */
function drawVpns(c: ViewContext, networks: Networks) {
  const { builder, context } = c;
  const dataCentre = () =>
    builder.node({ id: nodeId("data-centre"), kind: "data-centre", label: "Corporate data centre", overlay: "none" });
  const vpns = pairByName(c, "vpn");
  for (const { entry, resource } of vpns.pairs) {
    const vpc = context.byId(entry.data.vpc);
    const network = vpc ? builder.nodes.get(nodeId("vpc", vpc.id)) : undefined;
    const node = builder.node({
      id: nodeId("vpn", entry.id),
      kind: "vpn",
      label: entry.title,
      detail: detailLine(
        entry.data.routing === "bgp" ? "BGP" : "Static",
        typeof entry.data.remoteIp === "string" ? entry.data.remoteIp : null,
      ),
      parent: network?.parent ?? null,
      spec: entry,
      resource,
    });
    if (network) builder.edge("vpn", network.id, node.id, "plan");
    const routes = routeLabel(entry.data.staticRoutes) ?? routeLabel(resource?.attributes.remoteNetworks);
    builder.edge("route", node.id, dataCentre().id, resource ? "live" : "plan", routes);
  }
  for (const resource of vpns.unplanned) {
    const network = networks.byName.get(lower(String(resource.attributes.network)));
    const node = builder.node({
      id: liveNodeId("vpn", resource.externalId),
      kind: "vpn",
      label: resource.name,
      detail: typeof resource.attributes.remoteIp === "string" ? resource.attributes.remoteIp : null,
      parent: network?.parent ?? null,
      resource,
    });
    if (network) builder.edge("vpn", network.id, node.id, "live");
    builder.edge("route", node.id, dataCentre().id, "live", routeLabel(resource.attributes.remoteNetworks));
  }
}

/** Draws the platform view. */
export function drawPlatformView(c: ViewContext) {
  const { builder, context, input } = c;
  const cp = builder.node({
    id: nodeId("control-plane"),
    kind: "control-plane",
    label: controlPlaneLabels[input.controlPlane ?? ""] ?? "Anypoint control plane",
    detail: input.controlPlane === "custom" ? "custom base URL" : null,
  });
  const region = (name: string) => {
    const node = regionNode(c, name);
    builder.edge("control", cp.id, node.id, "plan");
    return node;
  };
  const networks = drawNetworks(c, region);
  drawApplications(c, networks);
  drawHostedRuntimes(c);
  drawRegionalServices(c, region);
  drawVpns(c, networks);

  // Backend systems at the bottom, reached by the applications that front them; declared calls
  // stay within an environment.
  if (context.spec("system").length)
    systemNodes(
      c,
      builder.node({ id: nodeId("lane", "systems"), kind: "lane", label: "Backend systems", container: true }).id,
    );
  declaredEdges(c, (callee, caller) => nodeId("application", callee, caller.environments[0] ?? "none"));

  // A load balancer reaches the applications of its own VPC.
  const appsIn = new Map<string, TopologyNode[]>();
  for (const node of builder.ofKind("application")) {
    const network = builder.nodes.get(node.parent ?? "");
    const vpcId = network?.kind === "environment" ? network.parent : node.parent;
    if (vpcId) push(appsIn, vpcId, node);
  }
  mappingEdges(c, (lbId) => appsIn.get(builder.nodes.get(lbId)?.parent ?? "") ?? []);
}
