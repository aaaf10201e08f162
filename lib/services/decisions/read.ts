import { z } from "zod";
import {
  latestRevisionNumber,
  listDecisionRevisions,
  listDecisionRows,
  readDecisionRelations,
  type DecisionListRow,
} from "@/lib/db/decision-repository";
import { listSpecRecords } from "@/lib/db/spec-repository";
import { diffFields, type FieldDiff } from "@/lib/domain/decisions/diff";
import {
  decisionStatusSchema,
  decisionTextFields,
  decisionTransitions,
  formatDecisionNumber,
  type DecisionStatus,
} from "@/lib/domain/decisions/lifecycle";
import { isSpecKind, labelInSentence, specKinds } from "@/lib/domain/spec/kinds";
import type { ServiceContext } from "@/lib/services/context";
import {
  listReviewers,
  loadDecision,
  type DecisionDetail,
  type DecisionSummary,
  type ReviewCandidate,
} from "@/lib/services/decisions/shared";
import { authorizeWorkspace } from "@/lib/services/guard";
import { invalidInput, parseInput } from "@/lib/services/validation";
import type { DecisionRevisionRecord } from "@/lib/domain/decisions/stored";

export type { DecisionDetail, DecisionSummary, ReviewCandidate };

const summarize = ({ workspaceId: _w, createdById: _c, supersededBy, ...row }: DecisionListRow): DecisionSummary => ({
  ...row,
  number: formatDecisionNumber(row.sequence),
  supersededBy: supersededBy.map(formatDecisionNumber),
});

export const decisionQuerySchema = z.object({
  status: z
    .union([decisionStatusSchema, z.array(decisionStatusSchema)])
    .optional()
    .transform((s) => (s === undefined ? undefined : Array.isArray(s) ? s : [s])),
  owner: z.string().max(120).optional(),
  q: z.string().max(200).optional(),
});

/** A workspace's decisions in number order, filtered by status (one or several), owner and text. */
export async function listDecisions(
  ctx: ServiceContext,
  slug: string,
  query: unknown = {},
): Promise<DecisionSummary[]> {
  const workspace = await authorizeWorkspace(ctx, slug);
  const filter = parseInput(decisionQuerySchema, query);
  const rows = await listDecisionRows(ctx.db.prisma, workspace.id, {
    status: filter.status,
    owner: filter.owner,
    text: filter.q,
  });
  return rows.map(summarize);
}

/** One decision with its links both ways, reviews, governed records and revision history. */
export async function getDecision(ctx: ServiceContext, slug: string, ref: string): Promise<DecisionDetail> {
  const { workspace, decision } = await loadDecision(ctx, slug, ref);
  const [relations, revisions] = await Promise.all([
    readDecisionRelations(ctx.db.prisma, decision.id),
    listDecisionRevisions(ctx.db.prisma, decision.id),
  ]);
  const { workspaceId: _w, ...row } = decision;
  const approvals = relations.reviews.filter((r) => r.verdict === "approved" && !r.staleAt).length;
  return {
    ...row,
    number: formatDecisionNumber(decision.sequence),
    links: relations.links.map((l) => ({ ...l, number: formatDecisionNumber(l.other.sequence) })),
    reviews: relations.reviews,
    governs: relations.governs.map((g) => ({
      ...g,
      label: isSpecKind(g.kind) ? labelInSentence(specKinds[g.kind].label) : g.kind,
    })),
    revisions: revisions.map(
      ({ title: _t, context: _c, decision: _d, rationale: _r, implications: _i, owner: _o, ...r }) => r,
    ),
    latestRevision: revisions[0]?.number ?? 0,
    approvals,
    requiredApprovals: workspace.requiredApprovals,
    nextStatuses: decisionTransitions[decision.status].filter((s) => s !== "superseded"),
  };
}

/** What a decision editor offers: other decisions to link, records to govern, reviewers to ask. */
export async function getDecisionEditorOptions(
  ctx: ServiceContext,
  slug: string,
): Promise<{
  decisions: { number: string; title: string; status: DecisionStatus }[];
  records: { id: string; kind: string; label: string; title: string }[];
  reviewers: ReviewCandidate[];
}> {
  const workspace = await authorizeWorkspace(ctx, slug);
  const [decisions, records, reviewers] = await Promise.all([
    listDecisionRows(ctx.db.prisma, workspace.id),
    listSpecRecords(ctx.db.prisma, workspace.id),
    listReviewers(ctx),
  ]);
  return {
    decisions: decisions.map((d) => ({ number: formatDecisionNumber(d.sequence), title: d.title, status: d.status })),
    records: records
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        label: isSpecKind(r.kind) ? specKinds[r.kind].label : r.kind,
        title: r.title,
      }))
      .sort((a, b) => a.label.localeCompare(b.label) || a.title.localeCompare(b.title)),
    reviewers,
  };
}

/** A revision with its full text, for the history view. */
export type DecisionRevisionDetail = DecisionRevisionRecord;

/**
 * The differences between two revisions of a decision, field by field; without `to`, the
 * latest revision, and without `from`, the one before `to`.
 */
export async function diffDecisionRevisions(
  ctx: ServiceContext,
  slug: string,
  ref: string,
  query: unknown,
): Promise<{ from: DecisionRevisionDetail; to: DecisionRevisionDetail; fields: FieldDiff[] }> {
  const { decision } = await loadDecision(ctx, slug, ref);
  const revision = (name: string) =>
    z.coerce
      .number({ error: `${name} must be a revision number` })
      .int()
      .min(1);
  const query_ = parseInput(z.object({ from: revision("from").optional(), to: revision("to").optional() }), query);
  const to = query_.to ?? (await latestRevisionNumber(ctx.db.prisma, decision.id));
  const from = query_.from ?? Math.max(1, to - 1);
  const revisions = await listDecisionRevisions(ctx.db.prisma, decision.id, [from, to]);
  const older = revisions.find((r) => r.number === from);
  const newer = revisions.find((r) => r.number === to);
  if (!older || !newer) {
    const number = formatDecisionNumber(decision.sequence);
    throw invalidInput([
      ...(older ? [] : [{ field: "from", message: `${number} has no revision ${from}` }]),
      ...(newer ? [] : [{ field: "to", message: `${number} has no revision ${to}` }]),
    ]);
  }
  return { from: older, to: newer, fields: diffFields(older, newer, [...decisionTextFields, "owner"]) };
}
