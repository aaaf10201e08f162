// The platform view's networks: VPCs (planned and live), CloudHub 2.0 private spaces (live only),
// the shared space of a region for what no network hosts, and the load balancers inside them.

import type { LiveResource } from "@/lib/domain/live/snapshot";
import { isFilled } from "@/lib/domain/spec/placeholders";
import { detailLine, liveNodeId, lower, nodeId } from "@/lib/domain/topology/graph";
import type { TopologyNode } from "@/lib/domain/topology/types";
import { drawLoadBalancers, pairByName, type ViewContext } from "@/lib/domain/topology/views/common";

/** The networks drawn, and which hosts an application. */
export type Networks = {
  /** Network nodes by name (lower case). */
  byName: Map<string, TopologyNode>;
  /**
   * The id of the network that hosts an application in an environment: its private space, the
   * first VPC that lists the environment, else its region's shared space.
   */
  of: (environment: string | null, resource: LiveResource | undefined) => string;
};

const text = (value: unknown) => (typeof value === "string" ? value : null);
const regionOfLive = (resource: LiveResource) => String(resource.attributes.region ?? "unknown region");

/** Draws the networks and their load balancers; `region` draws (once) a region's container. */
export function drawNetworks(c: ViewContext, region: (name: string) => TopologyNode): Networks {
  const { builder, context } = c;
  const byName = new Map<string, TopologyNode>();
  /** The network an environment (lower case) is planned in: the first VPC that lists it. */
  const ofEnvironment = new Map<string, string>();
  const vpc = (node: TopologyNode) => {
    byName.set(lower(node.label), node);
    for (const env of node.environments) if (!ofEnvironment.has(lower(env))) ofEnvironment.set(lower(env), node.id);
  };
  const vpcs = pairByName(c, "vpc");
  for (const { entry, resource } of vpcs.pairs)
    vpc(
      builder.node({
        id: nodeId("vpc", entry.id),
        kind: "vpc",
        label: entry.title,
        detail: text(entry.data.cidr),
        parent: region(
          typeof entry.data.region === "string" && isFilled(entry.data.region)
            ? entry.data.region
            : String(resource?.attributes.region ?? "unknown region"),
        ).id,
        container: true,
        spec: entry,
        resource,
        businessGroup: context.titles(entry.data.businessGroup)[0] ?? resource?.businessGroup ?? null,
        environments: context.titles(entry.data.environments),
      }),
    );
  for (const resource of vpcs.unplanned)
    vpc(
      builder.node({
        id: liveNodeId("vpc", resource.externalId),
        kind: "vpc",
        label: resource.name,
        detail: text(resource.attributes.cidr),
        parent: region(regionOfLive(resource)).id,
        container: true,
        resource,
        environments: Array.isArray(resource.attributes.environments)
          ? resource.attributes.environments.map(String)
          : [],
      }),
    );
  for (const space of context.live("private-space")) {
    const node = builder.node({
      id: liveNodeId("private-space", space.externalId),
      kind: "private-space",
      label: space.name,
      detail: detailLine("Private space", text(space.attributes.cidr)),
      parent: region(regionOfLive(space)).id,
      container: true,
      resource: space,
    });
    byName.set(lower(space.name), node);
  }
  const sharedSpace = (regionName: string | null) =>
    builder.node({
      id: regionName ? nodeId("shared-space", regionName) : nodeId("shared-space", "unplaced"),
      kind: "shared-space",
      label: regionName ? "CloudHub shared space" : "Not in a VPC",
      detail: regionName ? null : "environments no VPC lists",
      parent: regionName ? region(regionName).id : null,
      container: true,
    });

  // Load balancers inside their VPC.
  const hostOf = (resource: LiveResource | undefined) =>
    byName.get(lower(String(resource?.attributes.vpc)))?.id ?? sharedSpace(null).id;
  drawLoadBalancers(
    c,
    (entry, resource) => {
      const vpc = entry && context.byId(entry.data.vpc);
      return vpc ? nodeId("vpc", vpc.id) : hostOf(resource);
    },
    (entry) => (entry.data.role === "external" || entry.data.role === "internal" ? entry.data.role : "role not set"),
  );

  const of = (environment: string | null, resource: LiveResource | undefined): string => {
    if (resource?.attributes.platform !== "cloudhub-1" && typeof resource?.attributes.target === "string") {
      const space = byName.get(lower(resource.attributes.target));
      if (space) return space.id;
    }
    const planned = environment ? ofEnvironment.get(lower(environment)) : undefined;
    if (planned) return planned;
    const liveRegion = resource?.attributes.region;
    return sharedSpace(typeof liveRegion === "string" ? liveRegion : null).id;
  };
  return { byName, of };
}
