// What a sync does with a part it could not read: it keeps what the previous snapshot knew there,
// marked stale with its age, instead of reporting it gone (a 403 is not a deletion). Pure: the
// sync service hands in both snapshots and writes what comes out.
import { overlaps, type ReadScope } from "@/lib/domain/live/read-scope";
import type { Carried, LiveResource } from "@/lib/domain/live/snapshot";

/** The snapshot a sync carries from: its resources, what it could not read, and when it read. */
export type PreviousSnapshot = {
  syncRunId: string;
  /** When that sync started (ISO 8601). */
  readAt: string;
  resources: readonly LiveResource[];
  scopes: readonly ReadScope[];
};

/** An attribute scope's name and the attributes it leaves unknown (a team's members give three counts). */
const attributeFields: Record<string, string[]> = {
  members: ["members", "maintainers", "externalMembers"],
};

/** The attributes an attribute scope leaves unknown. */
export function fieldsOfAttribute(attribute: string): string[] {
  return attributeFields[attribute] ?? [attribute];
}

type Index = Map<string, LiveResource>;
const indexById = (resources: readonly LiveResource[]): Index => {
  const index: Index = new Map();
  for (const resource of resources) if (!index.has(resource.externalId)) index.set(resource.externalId, resource);
  return index;
};
const keyOf = (r: Pick<LiveResource, "kind" | "externalId">) => `${r.kind}\u0000${r.externalId}`;
const same = (a: string | null, b: string | null) => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();

/**
 * Whether a resource of a snapshot lies in what the scope's failed call reads. A scope about one
 * resource covers it and what was read through it (by `parentId`); a scope about a place covers
 * the records of its first kind there and what was read through them: a private space's firewall
 * rules, not a VPC's of the same business group.
 */
export function scopeCovers(
  scope: ReadScope,
  resource: LiveResource,
  byId: ReadonlyMap<string, LiveResource>,
): boolean {
  if (!scope.kinds.includes(resource.kind)) return false;
  if (scope.idPrefix && !resource.externalId.startsWith(scope.idPrefix)) return false;
  const parentOf = (r: LiveResource) => (r.parentId ? byId.get(r.parentId) : undefined);
  if (scope.resource) {
    for (let r: LiveResource | undefined = resource, depth = 0; r && depth < 32; r = parentOf(r), depth += 1) {
      if (r.externalId === scope.resource) return true;
    }
    return false;
  }
  let top = resource;
  for (let depth = 0; depth < 32; depth += 1) {
    const parent = parentOf(top);
    if (!parent || !scope.kinds.includes(parent.kind)) break;
    top = parent;
  }
  if (top.kind !== scope.kinds[0]) return false;
  if (scope.businessGroup !== null && !same(scope.businessGroup, resource.businessGroup)) return false;
  if (scope.environment !== null && !same(scope.environment, resource.environment)) return false;
  return true;
}

/** Whether a scope of the previous sync touches what `scope` covers. */
const overlapsEarlier = (scope: ReadScope, before: ReadScope) =>
  scope.kinds.some((kind) =>
    overlaps(before, {
      kind,
      attribute: scope.attribute,
      businessGroup: scope.businessGroup,
      environment: scope.environment,
      resource: scope.resource,
    }),
  );

type Reading = { syncRunId: string; readAt: string };
const older = (a: Reading, b: Reading): Reading => {
  const first = Date.parse(a.readAt) <= Date.parse(b.readAt) ? a : b;
  return { syncRunId: first.syncRunId, readAt: first.readAt };
};

/**
 * Merges what a sync read with the last known state of what it could not: every record an
 * unreadable scope covers in the previous snapshot and the new read lacks is kept (marked carried,
 * with the time it was last read), every attribute an attribute scope left unknown is taken from
 * the previous record. A scope becomes carried-forward when the previous sync knew all of it, and
 * stays unreadable otherwise (a first sync, or a part that sync could not read either): unknown,
 * never empty. A business group read by id only gets its name from the previous snapshot.
 */
export function carryForward(
  next: { resources: readonly LiveResource[]; scopes: readonly ReadScope[] },
  previous: PreviousSnapshot | null,
): { resources: LiveResource[]; scopes: ReadScope[] } {
  if (!previous || !next.scopes.length) return { resources: [...next.resources], scopes: [...next.scopes] };
  const before = indexById(previous.resources);
  const present = new Set(next.resources.map(keyOf));
  const kept = new Map<string, LiveResource>();
  const patched = new Map<string, LiveResource>();
  const nextByKey = new Map(next.resources.map((r) => [keyOf(r), r]));
  // Data carried before keeps the time it was really read.
  const stamp = (carried: Carried | null | undefined, fields: string[] | null): Carried => ({
    ...older(carried ?? previous, previous),
    attributes: fields,
  });

  const scopes = next.scopes.map((raw): ReadScope => {
    if (raw.status !== "unreadable") return raw;
    const group = raw.businessGroupId ? before.get(raw.businessGroupId) : undefined;
    const named = raw.resource && !raw.resourceName ? before.get(raw.resource)?.name : undefined;
    const scope: ReadScope = {
      ...raw,
      ...(!raw.businessGroup && group?.kind === "business-group" ? { businessGroup: group.name } : {}),
      ...(named ? { resourceName: named } : {}),
    };
    let count = 0;
    let oldest: Reading = { syncRunId: previous.syncRunId, readAt: previous.readAt };
    for (const resource of previous.resources) {
      if (!scopeCovers(scope, resource, before)) continue;
      const key = keyOf(resource);
      if (scope.attribute === null) {
        if (present.has(key) || kept.has(key)) continue;
        const carried = stamp(resource.carried, null);
        kept.set(key, { ...resource, carried });
        oldest = older(oldest, carried);
        count += 1;
        continue;
      }
      const current = patched.get(key) ?? nextByKey.get(key);
      if (!current) continue;
      const fields = fieldsOfAttribute(scope.attribute).filter(
        (field) => (current.attributes[field] ?? null) === null && (resource.attributes[field] ?? null) !== null,
      );
      if (!fields.length) continue;
      const attributes = { ...current.attributes };
      for (const field of fields) attributes[field] = resource.attributes[field]!;
      const carried = stamp(resource.carried, [...(current.carried?.attributes ?? []), ...fields]);
      patched.set(key, { ...current, attributes, carried });
      oldest = older(oldest, carried);
      count += 1;
    }
    const earlier = previous.scopes.filter((s) => overlapsEarlier(scope, s));
    // The previous sync did not know all of it either: what it had is kept, the rest stays unknown.
    if (earlier.some((s) => s.status === "unreadable")) {
      return count ? { ...scope, carriedFrom: oldest, carriedRecords: count } : scope;
    }
    for (const s of earlier) if (s.carriedFrom) oldest = older(oldest, s.carriedFrom);
    return {
      ...scope,
      status: "carried-forward",
      carriedFrom: oldest,
      carriedRecords: count,
    };
  });

  const resources = next.resources.map((r) => patched.get(keyOf(r)) ?? r);
  resources.push(...kept.values());
  return {
    resources: resources.sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || a.externalId.localeCompare(b.externalId),
    ),
    scopes,
  };
}

/**
 * The resources no record scope covers: what the deletion guard compares, so that a part a sync
 * could not read never counts as removed (whether or not its last known state could be kept).
 */
export function outsideScopes(resources: readonly LiveResource[], scopes: readonly ReadScope[]): LiveResource[] {
  const recordScopes = scopes.filter((scope) => scope.attribute === null);
  if (!recordScopes.length) return [...resources];
  const byId = indexById(resources);
  return resources.filter((resource) => !recordScopes.some((scope) => scopeCovers(scope, resource, byId)));
}
