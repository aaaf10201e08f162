// The disaster-recovery view: runtime regions side by side, in each the DR tiers with the
// applications deployed (or planned) there; an application in more than one region is paired
// across them with its tier's strategy.

import type { SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import { isFilled } from "@/lib/domain/spec/placeholders";
import { detailLine, liveNodeId, lower, nodeId } from "@/lib/domain/topology/graph";
import {
  layerLabels,
  layerOf,
  layerOfName,
  liveOf,
  regionNode,
  unclaimedApps,
  type ViewContext,
} from "@/lib/domain/topology/views/common";
import { drawRegionalServices } from "@/lib/domain/topology/views/platform-runtimes";

/** The recovery strategy of a DR tier, as the pair edges name it. */
function pairLabel(tier: SpecEntry | undefined): string {
  const strategy = lower(typeof tier?.data.strategy === "string" ? tier.data.strategy : "");
  if (strategy.includes("active-active") || strategy.includes("active active")) return "active-active";
  if (strategy.includes("active-passive") || strategy.includes("active passive")) return "active-passive";
  return strategy || "DR pair";
}

const plannedRegion = (vpc: SpecEntry) =>
  typeof vpc.data.region === "string" && isFilled(vpc.data.region) ? vpc.data.region : null;

/** Where a live application runs: its private space's region, its own, or its environment's (lower case). */
function regionsOfLive(c: ViewContext) {
  const { context } = c;
  const ofEnvironment = new Map<string, string>();
  for (const vpc of context.spec("vpc")) {
    const region = plannedRegion(vpc);
    if (region)
      for (const env of context.titles(vpc.data.environments))
        if (!ofEnvironment.has(lower(env))) ofEnvironment.set(lower(env), region);
  }
  for (const vpc of context.live("vpc"))
    for (const env of Array.isArray(vpc.attributes.environments) ? vpc.attributes.environments : [])
      if (typeof vpc.attributes.region === "string" && !ofEnvironment.has(lower(String(env))))
        ofEnvironment.set(lower(String(env)), vpc.attributes.region);
  const spaceRegion = new Map(context.live("private-space").map((s) => [lower(s.name), s.attributes.region]));
  const ofLive = (resource: LiveResource): string | null => {
    const a = resource.attributes;
    if (typeof a.target === "string" && typeof spaceRegion.get(lower(a.target)) === "string")
      return spaceRegion.get(lower(a.target)) as string;
    if (typeof a.region === "string") return a.region;
    return ofEnvironment.get(lower(resource.environment)) ?? null;
  };
  return { ofEnvironment, ofLive };
}

/** Draws the DR view. */
export function drawDrView(c: ViewContext) {
  const { builder, context } = c;
  const regions = regionsOfLive(c);
  for (const vpc of context.spec("vpc")) {
    const region = plannedRegion(vpc);
    if (region) regionNode(c, region);
  }
  const tierGroup = (regionName: string, tier: SpecEntry | undefined) => {
    const parent = regionNode(c, regionName).id;
    const rto = tier?.data.rtoMinutes;
    return builder.node({
      id: nodeId("tier", regionName, tier?.id ?? "none"),
      kind: "tier",
      label: tier?.title ?? "No DR tier",
      detail: tier
        ? detailLine(
            typeof tier.data.strategy === "string" ? tier.data.strategy : null,
            typeof rto === "number" ? `RTO ${rto} min` : null,
          )
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
    const deployedIn = new Map<string, LiveResource[]>();
    for (const env of environments) {
      const name = regions.ofEnvironment.get(lower(env));
      if (name && !deployedIn.has(name)) deployedIn.set(name, []);
    }
    for (const resource of found) {
      const name = regions.ofLive(resource);
      if (name) deployedIn.set(name, [...(deployedIn.get(name) ?? []), resource]);
    }
    if (!deployedIn.size) deployedIn.set("Region not known", []);
    const layer = layerOf(entry.data.layer);
    const ids: string[] = [];
    for (const [regionName, resources] of [...deployedIn.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const node = builder.node({
        id: nodeId("application", entry.id, regionName),
        kind: "application",
        label: entry.title,
        detail: detailLine(
          layer ? layerLabels[layer] : null,
          resources.length ? `${resources.length} deployed here` : null,
        ),
        parent: tierGroup(regionName, tier).id,
        spec: entry,
        resource: resources[0],
        environments: [
          ...new Set(
            [
              ...environments.filter((e) => regions.ofEnvironment.get(lower(e)) === regionName),
              ...resources.map((r) => r.environment ?? ""),
            ].filter(Boolean),
          ),
        ],
        businessGroup: c.environmentGroup.get(lower(environments[0])) ?? resources[0]?.businessGroup ?? null,
        layer,
      });
      if (c.hasLive) node.overlay = resources.length ? "both" : "planned-only";
      ids.push(node.id);
    }
    for (let i = 1; i < ids.length; i += 1) builder.edge("dr-pair", ids[0]!, ids[i]!, "plan", pairLabel(tier));
  }
  // MQ does not replicate across regions and Object Store v2 is region-scoped: each region shows its own.
  drawRegionalServices(c, (name) => regionNode(c, name));
  for (const resource of unclaimedApps(c))
    builder.node({
      id: liveNodeId("application", resource.externalId),
      kind: "application",
      label: resource.name,
      detail: resource.environment,
      parent: tierGroup(regions.ofLive(resource) ?? "region unknown", undefined).id,
      resource,
      environments: resource.environment ? [resource.environment] : [],
      layer: layerOfName(resource.name),
    });
}
