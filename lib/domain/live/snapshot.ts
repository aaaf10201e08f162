import { z } from "zod";

/** The kinds of resource a sync reads; ids are stable (they are stored and shown in pipelines). */
export const liveKindSchema = z.enum([
  "business-group",
  "environment",
  "application",
  "vpc",
  "firewall-rule",
  "vpn",
  "load-balancer",
  "tls-endpoint",
  "mapping-rule",
  "team",
  "team-permission",
  "private-space",
  "api-instance",
  "entitlement",
  "runtime-fabric",
  "mule-server",
  "mule-cluster",
  "server-group",
  "mq-destination",
  "object-store",
]);
export type LiveKind = z.infer<typeof liveKindSchema>;
export const liveKinds = liveKindSchema.options;

/** Labels for people, by kind. */
export const liveKindLabels: Record<LiveKind, { one: string; many: string }> = {
  "business-group": { one: "Business group", many: "Business groups" },
  environment: { one: "Environment", many: "Environments" },
  application: { one: "Application", many: "Applications" },
  vpc: { one: "VPC", many: "VPCs" },
  "firewall-rule": { one: "Firewall rule", many: "Firewall rules" },
  vpn: { one: "VPN", many: "VPNs" },
  "load-balancer": { one: "Load balancer", many: "Load balancers" },
  "tls-endpoint": { one: "TLS endpoint", many: "TLS endpoints" },
  "mapping-rule": { one: "Mapping rule", many: "Mapping rules" },
  team: { one: "Team", many: "Teams" },
  "team-permission": { one: "Team permission", many: "Team permissions" },
  "private-space": { one: "Private space", many: "Private spaces" },
  "api-instance": { one: "API instance", many: "API instances" },
  entitlement: { one: "Entitlement", many: "Entitlements" },
  "runtime-fabric": { one: "Runtime Fabric", many: "Runtime Fabrics" },
  "mule-server": { one: "Mule server", many: "Mule servers" },
  "mule-cluster": { one: "Mule cluster", many: "Mule clusters" },
  "server-group": { one: "Server group", many: "Server groups" },
  "mq-destination": { one: "MQ destination", many: "MQ destinations" },
  "object-store": { one: "Object store", many: "Object stores" },
};

/** Attribute values a normalised resource may hold: JSON without secrets. */
export type LiveValue = string | number | boolean | null | LiveValue[] | { [key: string]: LiveValue };
const liveValueSchema: z.ZodType<LiveValue> = z.json();

/**
 * What of a resource an unreadable call left to an earlier sync: the whole record (attributes
 * null) or only some attributes, and when that earlier sync read it.
 */
export const carriedSchema = z.object({
  syncRunId: z.string(),
  /** When the sync that last read it started (ISO 8601). */
  readAt: z.iso.datetime({ offset: true }),
  attributes: z.array(z.string()).nullable(),
});
export type Carried = z.infer<typeof carriedSchema>;

/**
 * One resource of the live estate, normalised: what the rules compare with the plan. The
 * external id is Anypoint's (unique within the kind and sync); business group and environment
 * are names, as the specification uses them.
 */
export const liveResourceSchema = z.object({
  kind: liveKindSchema,
  externalId: z.string(),
  name: z.string(),
  businessGroup: z.string().nullable(),
  environment: z.string().nullable(),
  attributes: z.record(z.string(), liveValueSchema),
  /**
   * The external id of the resource it was read through (an environment's business group, an
   * application's environment, a VPN's VPC, a mapping rule's load balancer); absent or null at the
   * top. A call that fails leaves its resource and everything read through it unread.
   */
  parentId: z.string().nullable().optional(),
  /** Set when the latest sync could not read it and kept what an earlier one read (stale). */
  carried: carriedSchema.nullable().optional(),
});
export type LiveResource = z.infer<typeof liveResourceSchema>;

/** A resource of a stored snapshot: with the id the portal gave it (REST API, live-estate page). */
export const storedLiveResourceSchema = liveResourceSchema.extend({ id: z.string() });
export type StoredLiveResource = z.infer<typeof storedLiveResourceSchema>;

/** A page of the current snapshot's resources: the total that match and the snapshot they come from. */
export const liveResourcesPageSchema = z.object({
  items: z.array(storedLiveResourceSchema),
  total: z.number(),
  syncRunId: z.string().nullable(),
  nextCursor: z.string().nullable(),
});
export type LiveResourcesPage = z.infer<typeof liveResourcesPageSchema>;

/** Resources per kind, for a sync's summary. */
export function countByKind(resources: readonly Pick<LiveResource, "kind">[]): Record<LiveKind, number> {
  const counts = Object.fromEntries(liveKinds.map((k) => [k, 0])) as Record<LiveKind, number>;
  for (const resource of resources) counts[resource.kind] += 1;
  return counts;
}

/**
 * The kinds a new snapshot would shrink by more than `maxShare` (0.3 = 30 %) compared with the
 * current one: such a sync is held for confirmation (an expired scope or a half-answered API
 * looks exactly like mass deletion).
 */
export function findMassRemovals(
  current: Record<string, number>,
  next: Record<string, number>,
  maxShare: number,
): { kind: string; before: number; after: number }[] {
  return Object.entries(current)
    .filter(([kind, before]) => before > 0 && (before - (next[kind] ?? 0)) / before > maxShare)
    .map(([kind, before]) => ({ kind, before, after: next[kind] ?? 0 }));
}

/**
 * A list attribute as the rules read it: its strings, or null when Anypoint did not answer it
 * (unknown is not empty: no rule may conclude "empty" or "different" from it).
 */
export function readList(value: LiveValue | undefined): string[] | null {
  return Array.isArray(value) ? value.map(String) : null;
}
