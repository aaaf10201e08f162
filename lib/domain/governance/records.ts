import { z } from "zod";
import { categorySchema, severitySchema } from "@/lib/domain/governance/types";

/** Where a stored finding is: still found, found but waived, or no longer found. */
export const findingStatusSchema = z.enum(["open", "waived", "resolved"]);
export type FindingStatus = z.infer<typeof findingStatusSchema>;

/**
 * A finding as it is stored across evaluations (first and last seen, resolved) and as the REST
 * API, the findings page and the exports read it.
 */
export const findingRecordSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  fingerprint: z.string(),
  ruleId: z.string(),
  severity: severitySchema,
  /** 0 error, 1 warning, 2 info: sorts most severe first in the database. */
  severityRank: z.number(),
  category: categorySchema,
  resourceKind: z.string(),
  resourceName: z.string(),
  environment: z.string().nullable(),
  businessGroup: z.string().nullable(),
  message: z.string(),
  remediation: z.string(),
  specRecordId: z.string().nullable(),
  liveExternalId: z.string().nullable(),
  /** When the sync that read the live data behind it started, if the latest sync could not read it and kept it (stale). */
  staleSince: z.date().nullable(),
  status: findingStatusSchema,
  waiverId: z.string().nullable(),
  firstSeenAt: z.date(),
  lastSeenAt: z.date(),
  resolvedAt: z.date().nullable(),
});
export type FindingRecord = z.infer<typeof findingRecordSchema>;

/** A finding as listed: with its rule's title and where its record is edited. */
export const listedFindingSchema = findingRecordSchema.extend({
  ruleTitle: z.string(),
  editUrl: z.string().nullable().meta({
    description:
      "Path of the page where the finding's record is edited (/w/{ws}/specification/{kind}?edit={id}, or a decision); null when it has none",
  }),
});
export type ListedFinding = z.infer<typeof listedFindingSchema>;

/** A page of findings as listed: each with its rule's title, the total that match, the next page's cursor. */
export const findingsPageSchema = z.object({
  items: z.array(listedFindingSchema),
  total: z.number(),
  nextCursor: z.string().nullable(),
});
export type FindingsPage = z.infer<typeof findingsPageSchema>;

/** Where a waiver request is: asked, approved by another architect, refused, or withdrawn. */
export const waiverStatusSchema = z.enum(["requested", "approved", "rejected", "revoked"]);
export type WaiverStatus = z.infer<typeof waiverStatusSchema>;

/** A waiver as it is stored and shown: who asked, why, who decided, until when. */
export const waiverRecordSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  fingerprint: z.string().nullable(),
  ruleId: z.string().nullable(),
  resourceName: z.string().nullable(),
  environment: z.string().nullable(),
  reason: z.string(),
  status: waiverStatusSchema,
  requestedById: z.string(),
  requestedByName: z.string(),
  requestedAt: z.date(),
  decidedById: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string(),
  expiresAt: z.date(),
  version: z.number(),
});
export type WaiverRecord = z.infer<typeof waiverRecordSchema>;
