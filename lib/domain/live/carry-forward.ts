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
/**
 * The resources others were read through (and those `also` names), by external id. Indexing only
 * these keeps a 400,000-resource snapshot from costing a map of 400,000 keys.
 */
const indexParents = (resources: readonly LiveResource[], also: Iterable<string | null | undefined> = []): Index => {
  const wanted = new Set<string>();
  for (const id of also) if (id) wanted.add(id);
  for (const resource of resources) if (resource.parentId) wanted.add(resource.parentId);
  const index: Index = new Map();
  for (const resource of resources) {
    if (wanted.has(resource.externalId) && !index.has(resource.externalId)) index.set(resource.externalId, resource);
  }
  return index;
};
/** Finds a resource of the same kind and id in `resources`, indexing one kind only when first asked. */
const kindLookup = (resources: readonly LiveResource[]) => {
  const index = new Map<string, Map<string, LiveResource>>();
  return (r: LiveResource): LiveResource | undefined => {
    let ids = index.get(r.kind);
    if (!ids) {
      ids = new Map();
      for (const resource of resources) if (resource.kind === r.kind) ids.set(resource.externalId, resource);
      index.set(r.kind, ids);
    }
    return ids.get(r.externalId);
  };
};
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
  if (scope.resource) {
    for (let r: LiveResource | undefined = resource, depth = 0; r && depth < 32; depth += 1) {
      if (r.externalId === scope.resource) return true;
      r = r.parentId ? byId.get(r.parentId) : undefined;
    }
    return false;
  }
  let top = resource;
  for (let depth = 0; depth < 32; depth += 1) {
    const parent = top.parentId ? byId.get(top.parentId) : undefined;
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
 * The resources of a snapshot a scope may cover: for a scope of one resource, only it and what
 * was read through it (so that a sync with many such scopes, one per record left out, stays
 * linear in the snapshot); for a place, all of them (there are few place scopes: one per call).
 */
function candidatesIn(
  resources: readonly LiveResource[],
  byId: ReadonlyMap<string, LiveResource>,
): (scope: ReadScope) => readonly LiveResource[] {
  let children: Map<string, LiveResource[]> | null = null;
  return (scope) => {
    if (!scope.resource) return resources;
    if (!children) {
      children = new Map();
      for (const r of resources) {
        if (!r.parentId) continue;
        const list = children.get(r.parentId);
        if (list) list.push(r);
        else children.set(r.parentId, [r]);
      }
    }
    const self = byId.get(scope.resource);
    const found = self ? [self] : [];
    // Breadth first down the tree; a snapshot is a tree, the bound only guards against a cycle.
    for (let i = 0; i < found.length && found.length <= resources.length; i += 1) {
      found.push(...(children.get(found[i]!.externalId) ?? []));
    }
    return found;
  };
}

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
  const before = indexParents(
    previous.resources,
    next.scopes.flatMap((scope) => [scope.resource, scope.businessGroupId]),
  );
  // Kept: by the previous record; patched: by the record of the new read it replaces.
  const kept = new Map<LiveResource, LiveResource>();
  const patched = new Map<LiveResource, LiveResource>();
  const lookUp = kindLookup(next.resources);
  // Data carried before keeps the time it was really read.
  const stamp = (carried: Carried | null | undefined, fields: string[] | null): Carried => ({
    ...older(carried ?? previous, previous),
    attributes: fields,
  });

  const candidatesOf = candidatesIn(previous.resources, before);
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
    for (const resource of candidatesOf(scope)) {
      if (!scopeCovers(scope, resource, before)) continue;
      if (scope.attribute === null) {
        if (kept.has(resource) || lookUp(resource)) continue;
        const carried = stamp(resource.carried, null);
        kept.set(resource, { ...resource, carried });
        oldest = older(oldest, carried);
        count += 1;
        continue;
      }
      const original = lookUp(resource);
      if (!original) continue;
      const current = patched.get(original) ?? original;
      const fields = fieldsOfAttribute(scope.attribute).filter(
        (field) => (current.attributes[field] ?? null) === null && (resource.attributes[field] ?? null) !== null,
      );
      if (!fields.length) continue;
      const attributes = { ...current.attributes };
      for (const field of fields) attributes[field] = resource.attributes[field]!;
      const carried = stamp(resource.carried, [...(current.carried?.attributes ?? []), ...fields]);
      patched.set(original, { ...current, attributes, carried });
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

  // The read keeps its order (kind by kind, as the mapper sorts it); kept records follow, by kind.
  const resources = patched.size ? next.resources.map((r) => patched.get(r) ?? r) : [...next.resources];
  resources.push(...[...kept.values()].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)));
  return { resources, scopes };
}

/**
 * The resources no record scope covers: what the deletion guard compares, so that a part a sync
 * could not read never counts as removed (whether or not its last known state could be kept).
 */
export function outsideScopes(resources: readonly LiveResource[], scopes: readonly ReadScope[]): LiveResource[] {
  const recordScopes = scopes.filter((scope) => scope.attribute === null);
  if (!recordScopes.length) return [...resources];
  const byId = indexParents(
    resources,
    recordScopes.map((scope) => scope.resource),
  );
  const candidatesOf = candidatesIn(resources, byId);
  const covered = new Set<LiveResource>();
  for (const scope of recordScopes) {
    for (const resource of candidatesOf(scope)) if (scopeCovers(scope, resource, byId)) covered.add(resource);
  }
  return resources.filter((resource) => !covered.has(resource));
}
