import { z } from "zod";
import { decisionLinkKindSchema, decisionStatusSchema } from "@/lib/domain/decisions/lifecycle";

// The text as stored (validated and trimmed on the way in by decisionTextSchema).
const storedText = {
  title: z.string(),
  context: z.string(),
  decision: z.string(),
  rationale: z.string(),
  implications: z.string(),
  owner: z.string(),
};
const textKeys = {
  title: true,
  context: true,
  decision: true,
  rationale: true,
  implications: true,
  owner: true,
} as const;

/** A stored decision: its text, number (sequence), status and the dates of its moves. */
export const decisionRecordSchema = z.object({
  ...storedText,
  id: z.string(),
  workspaceId: z.string(),
  sequence: z.number(),
  status: decisionStatusSchema,
  createdById: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  proposedAt: z.date().nullable(),
  decidedAt: z.date().nullable(),
  retiredAt: z.date().nullable(),
  version: z.number(),
});
export type DecisionRecord = z.infer<typeof decisionRecordSchema>;

/** Another decision a link points at (or comes from). */
export const linkedDecisionSchema = z.object({
  id: z.string(),
  sequence: z.number(),
  title: z.string(),
  status: decisionStatusSchema,
});
export type LinkedDecision = z.infer<typeof linkedDecisionSchema>;

/** A link as seen from one decision: outgoing links are stored on it, incoming ones on the other. */
export const decisionLinkSchema = z.object({
  kind: decisionLinkKindSchema,
  direction: z.enum(["outgoing", "incoming"]),
  other: linkedDecisionSchema,
});
export type DecisionLink = z.infer<typeof decisionLinkSchema>;

/** A review asked of someone, and their verdict; stale once the text changed after it. */
export const decisionReviewRecordSchema = z.object({
  id: z.string(),
  reviewerId: z.string(),
  reviewerName: z.string(),
  verdict: z.enum(["requested", "approved", "changes_requested"]),
  note: z.string(),
  revision: z.number().nullable(),
  requestedAt: z.date(),
  reviewedAt: z.date().nullable(),
  staleAt: z.date().nullable(),
});
export type DecisionReviewRecord = z.infer<typeof decisionReviewRecordSchema>;

/** One saved revision of a decision's text, with the status it had. */
export const decisionRevisionRecordSchema = z.object({
  ...storedText,
  number: z.number(),
  status: decisionStatusSchema,
  editAfterAcceptance: z.boolean(),
  note: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  at: z.date(),
});
export type DecisionRevisionRecord = z.infer<typeof decisionRevisionRecordSchema>;

/** A specification record a decision governs. */
export const governedRecordSchema = z.object({ id: z.string(), kind: z.string(), title: z.string() });
export type GovernedRecord = z.infer<typeof governedRecordSchema>;

/** A decision in a list: its number ("D05"), current approvals and who supersedes it. */
export const decisionSummarySchema = decisionRecordSchema.omit({ workspaceId: true, createdById: true }).extend({
  number: z.string(),
  approvals: z.number(),
  supersededBy: z.array(z.string()),
});
export type DecisionSummary = z.infer<typeof decisionSummarySchema>;

/** Everything a decision's page shows. */
export const decisionDetailSchema = decisionRecordSchema.omit({ workspaceId: true }).extend({
  number: z.string(),
  links: z.array(decisionLinkSchema.extend({ number: z.string() })),
  reviews: z.array(decisionReviewRecordSchema),
  governs: z.array(governedRecordSchema.extend({ label: z.string() })),
  revisions: z.array(decisionRevisionRecordSchema.omit(textKeys)),
  latestRevision: z.number(),
  approvals: z.number(),
  requiredApprovals: z.number(),
  /** The statuses the decision can be moved to by hand now (superseded comes with acceptance of another). */
  nextStatuses: z.array(decisionStatusSchema),
});
export type DecisionDetail = z.infer<typeof decisionDetailSchema>;
