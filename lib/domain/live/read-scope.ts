import { z } from "zod";
import { liveKindLabels, liveKindSchema, type LiveKind } from "@/lib/domain/live/snapshot";

/**
 * A part of the estate a sync could not read: the kinds one failed call guards, where. A sync
 * lists only these; whatever no scope covers was read completely (so the list stays one entry
 * per failed call, not one per record, at any size of estate). `businessGroup` and `environment`
 * are names as the specification uses them; null means "not limited to one" (teams are read
 * organisation-wide, a business group's VPCs belong to no environment). An unreadable business
 * group has no known name: its scope has `businessGroup` null and `businessGroupId` set, and so
 * covers every business group until the id can be matched to a name (the last snapshot knows it).
 */
/** What is known of a part a sync could not read. */
export const readScopeStatusSchema = z.enum(["unreadable", "carried-forward"]);
export type ReadScopeStatus = z.infer<typeof readScopeStatusSchema>;

export const readScopeSchema = z.object({
  /** The kinds the failed call reads, including what is read through it (a business group's environments guard its applications and APIs). */
  kinds: z.array(liveKindSchema).min(1),
  /** Only this attribute of the kinds' records is unknown (the records were read), e.g. "policies" of an API instance, "consumed" of an entitlement. */
  attribute: z.string().nullable(),
  businessGroup: z.string().nullable(),
  /** Anypoint's id of the business group, when the scope is within one. */
  businessGroupId: z.string().nullable(),
  environment: z.string().nullable(),
  /** The external id of the one resource the call was about: the record itself (an API's policies, a deployment's detail) or the parent whose children it lists (a VPC's VPNs). */
  resource: z.string().nullable(),
  /** The name of that resource, for people (a VPC's, an API's label), when the sync or the last snapshot knew it. */
  resourceName: z.string().nullable().optional(),
  /** Only records whose external id starts with this: CloudHub 1.0 ("ch1:") and 2.0 ("ch2:") applications share a kind but not a call. */
  idPrefix: z.string().nullable().optional(),
  /**
   * unreadable: nothing is known there (a first sync, or the earlier sync did not read it all
   * either); carried-forward: what the earlier sync read there is kept, stale since `carriedFrom`.
   */
  status: readScopeStatusSchema,
  /** Why: the call and what it answered ("GET /cloudhub/api/organizations/{id}/usage answered 403"), never a secret. */
  reason: z.string(),
  /** The sync whose reading was kept, and when it started (ISO 8601): the age of the data. */
  carriedFrom: z
    .object({ syncRunId: z.string(), readAt: z.iso.datetime({ offset: true }) })
    .nullable()
    .optional(),
  /** How many records (or, for an attribute, records' attributes) were kept from that sync. */
  carriedRecords: z.number().optional(),
});
export type ReadScope = z.infer<typeof readScopeSchema>;

/** Where a scope lies and which attribute it is about: unset fields are null (not limited). */
export type ReadScopePlace = Partial<
  Pick<
    ReadScope,
    "attribute" | "businessGroup" | "businessGroupId" | "environment" | "resource" | "resourceName" | "idPrefix"
  >
>;

/** The scope a failed call leaves unread: these kinds, in this place, for this reason. */
export function unreadableScope(kinds: LiveKind[], reason: string, place: ReadScopePlace = {}): ReadScope {
  return {
    kinds,
    attribute: null,
    businessGroup: null,
    businessGroupId: null,
    environment: null,
    resource: null,
    idPrefix: null,
    ...place,
    status: "unreadable",
    reason,
  };
}

/** A question to `wasRead`: a kind, optionally narrowed to a place, a resource and an attribute. */
export type ReadQuery = {
  kind: LiveKind;
  businessGroup?: string | null;
  environment?: string | null;
  resource?: string | null;
  attribute?: string | null;
};

/** A scope field limits the scope when set; an unset question field asks about all of them, so any scope overlaps it. */
const covers = (scoped: string | null, asked: string | null | undefined) =>
  scoped === null || asked === undefined || asked === null || scoped.toLowerCase() === asked.toLowerCase();

/** Whether a scope may hold what the query asks about (an unset field on either side overlaps). */
export function overlaps(scope: ReadScope, query: ReadQuery): boolean {
  return (
    scope.kinds.includes(query.kind) &&
    (scope.attribute === null || scope.attribute === query.attribute) &&
    covers(scope.businessGroup, query.businessGroup) &&
    covers(scope.environment, query.environment) &&
    covers(scope.resource, query.resource) &&
    (!scope.idPrefix || !query.resource || query.resource.startsWith(scope.idPrefix))
  );
}

/**
 * Whether everything the query asks about is known: false when an unreadable scope overlaps it.
 * A carried-forward scope is known (stale: the findings from it say so). A scope of one attribute
 * answers only questions about that attribute; a scope of whole records answers every question
 * about their kind, attributes included.
 */
export function wasRead(scopes: readonly ReadScope[], query: ReadQuery): boolean {
  return !scopes.some((scope) => scope.status === "unreadable" && overlaps(scope, query));
}

/** A sync's time for people: "2026-12-01 08:00 UTC". */
export const formatReadAt = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** A scope for people, in parts: what was not read, where, and what is known of it now. */
export function labelReadScope(scope: ReadScope): { what: string; where: string; known: string } {
  const where = [
    scope.businessGroup ? `business group ${scope.businessGroup}` : null,
    !scope.businessGroup && scope.businessGroupId ? `business group ${scope.businessGroupId}` : null,
    scope.environment ? `environment ${scope.environment}` : null,
    scope.resource && scope.resource !== scope.businessGroupId
      ? scope.resourceName
        ? `${scope.resourceName} (${scope.resource})`
        : `resource ${scope.resource}`
      : null,
  ].filter(Boolean);
  // Lower case mid-sentence, except acronyms ("VPCs", "TLS endpoints").
  const lower = (label: string) => (/^[A-Z]{2}/.test(label) ? label : label.toLowerCase());
  const kinds = scope.kinds.map((kind) => lower(liveKindLabels[kind].many)).join(", ");
  const count = scope.carriedRecords ?? 0;
  const records = `${count} ${count === 1 ? "record" : "records"}`;
  const at = scope.carriedFrom ? formatReadAt(scope.carriedFrom.readAt) : "";
  const known =
    scope.status === "carried-forward" && scope.carriedFrom
      ? `kept from the sync of ${at} (${records})`
      : count && scope.carriedFrom
        ? `unknown; ${records} kept from the sync of ${at}`
        : "unknown";
  return { what: scope.attribute ? `${scope.attribute} of ${kinds}` : kinds, where: where.join(", "), known };
}

/** One line for people (the sync report stores warnings as strings). */
export function describeReadScope(scope: ReadScope): string {
  const { what, where, known } = labelReadScope(scope);
  const kept = known === "unknown" ? "" : `; ${known}`;
  return `Not read: ${what}${where ? ` (${where})` : ""}: ${scope.reason}${kept}`;
}
