import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import type { DecisionLinkKind, DecisionStatus } from "@/lib/domain/decisions/lifecycle";
import type { DecisionText } from "@/lib/domain/decisions/record";
import type {
  DecisionLink,
  DecisionRecord,
  DecisionReviewRecord,
  DecisionRevisionRecord,
  GovernedRecord,
  LinkedDecision,
} from "@/lib/domain/decisions/stored";

export type { LinkedDecision };

export type DecisionTx = Prisma.TransactionClient;

const select = {
  id: true,
  workspaceId: true,
  sequence: true,
  title: true,
  status: true,
  context: true,
  decision: true,
  rationale: true,
  implications: true,
  owner: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  proposedAt: true,
  decidedAt: true,
  retiredAt: true,
  version: true,
} as const;
type Row = Prisma.DecisionGetPayload<{ select: typeof select }>;
const toRow = (row: Row): DecisionRecord => ({ ...row, status: row.status as DecisionStatus });

const linked = { select: { id: true, sequence: true, title: true, status: true } } as const;
const toLinked = (row: { id: string; sequence: number; title: string; status: string }): LinkedDecision => ({
  ...row,
  status: row.status as DecisionStatus,
});

export type DecisionFilter = { status?: DecisionStatus[]; owner?: string; text?: string };

/** A decision in a list: with who supersedes it and how many current approvals it has. */
export type DecisionListRow = DecisionRecord & { supersededBy: number[]; approvals: number };

/** A workspace's decisions in number order, filtered by status, owner and text (case-insensitive). */
export async function listDecisionRows(
  prisma: PrismaClient,
  workspaceId: string,
  filter: DecisionFilter = {},
): Promise<DecisionListRow[]> {
  const contains = (value: string) => ({ contains: value, mode: "insensitive" as const });
  const text = filter.text?.trim();
  const number = text ? /^D(\d{1,4})$/i.exec(text) : null;
  const rows = await prisma.decision.findMany({
    where: {
      workspaceId,
      ...(filter.status?.length ? { status: { in: filter.status } } : {}),
      ...(filter.owner?.trim() ? { owner: contains(filter.owner.trim()) } : {}),
      ...(text
        ? {
            OR: [
              ...(number ? [{ sequence: Number(number[1]) }] : []),
              ...(["title", "context", "decision", "rationale", "implications", "owner"] as const).map((field) => ({
                [field]: contains(text),
              })),
            ],
          }
        : {}),
    },
    select: {
      ...select,
      linksTo: { where: { kind: "supersedes" }, select: { from: { select: { sequence: true } } } },
      reviews: { where: { verdict: "approved", staleAt: null }, select: { id: true } },
    },
    orderBy: { sequence: "asc" },
  });
  return rows.map(({ linksTo, reviews, ...row }) => ({
    ...toRow(row),
    supersededBy: linksTo.map((l) => l.from.sequence).sort((a, b) => a - b),
    approvals: reviews.length,
  }));
}

/** A decision of a workspace by its number or id. */
export async function findDecisionRow(
  prisma: PrismaClient | DecisionTx,
  workspaceId: string,
  ref: { sequence: number } | { id: string },
): Promise<DecisionRecord | null> {
  const row = await prisma.decision.findFirst({ where: { workspaceId, ...ref }, select });
  return row ? toRow(row) : null;
}

/** The decisions of a workspace with these numbers (for resolving links). */
export async function findDecisionsBySequence(
  prisma: PrismaClient | DecisionTx,
  workspaceId: string,
  sequences: number[],
): Promise<LinkedDecision[]> {
  if (sequences.length === 0) return [];
  const rows = await prisma.decision.findMany({
    where: { workspaceId, sequence: { in: sequences } },
    select: linked.select,
  });
  return rows.map(toLinked);
}

/** A decision's links both ways, its reviews (current first) and the records it governs. */
export async function readDecisionRelations(
  prisma: PrismaClient | DecisionTx,
  id: string,
): Promise<{ links: DecisionLink[]; reviews: DecisionReviewRecord[]; governs: GovernedRecord[] }> {
  const [outgoing, incoming, reviews, governs] = await Promise.all([
    prisma.decisionLink.findMany({ where: { fromId: id }, select: { kind: true, to: linked } }),
    prisma.decisionLink.findMany({ where: { toId: id }, select: { kind: true, from: linked } }),
    prisma.decisionReview.findMany({
      where: { decisionId: id },
      orderBy: [{ requestedAt: "desc" }, { id: "asc" }],
    }),
    prisma.decisionGovernedRecord.findMany({
      where: { decisionId: id },
      select: { record: { select: { id: true, kind: true, title: true } } },
    }),
  ]);
  const links: DecisionLink[] = [
    ...outgoing.map((l) => ({
      kind: l.kind as DecisionLinkKind,
      direction: "outgoing" as const,
      other: toLinked(l.to),
    })),
    ...incoming.map((l) => ({
      kind: l.kind as DecisionLinkKind,
      direction: "incoming" as const,
      other: toLinked(l.from),
    })),
  ].sort((a, b) => a.other.sequence - b.other.sequence);
  return {
    links,
    reviews: reviews.map((r) => ({
      id: r.id,
      reviewerId: r.reviewerId,
      reviewerName: r.reviewerName,
      verdict: r.verdict as DecisionReviewRecord["verdict"],
      note: r.note,
      revision: r.revision,
      requestedAt: r.requestedAt,
      reviewedAt: r.reviewedAt,
      staleAt: r.staleAt,
    })),
    governs: governs
      .map((g) => g.record)
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title)),
  };
}

const revisionSelect = {
  number: true,
  title: true,
  context: true,
  decision_: true,
  rationale: true,
  implications: true,
  owner: true,
  status: true,
  editAfterAcceptance: true,
  note: true,
  authorId: true,
  authorName: true,
  at: true,
} as const;
const toRevision = ({
  decision_,
  status,
  ...row
}: Prisma.DecisionRevisionGetPayload<{ select: typeof revisionSelect }>): DecisionRevisionRecord => ({
  ...row,
  decision: decision_,
  status: status as DecisionStatus,
});

/** A decision's revisions, newest first; `numbers` narrows them to those. */
export async function listDecisionRevisions(
  prisma: PrismaClient,
  decisionId: string,
  numbers?: number[],
): Promise<DecisionRevisionRecord[]> {
  const rows = await prisma.decisionRevision.findMany({
    where: { decisionId, ...(numbers ? { number: { in: numbers } } : {}) },
    select: revisionSelect,
    orderBy: { number: "desc" },
  });
  return rows.map(toRevision);
}

/** For each record, the decisions that govern it ("governed by D03"), in number order. */
export async function findGoverningDecisions(
  prisma: PrismaClient,
  recordIds: string[],
): Promise<Map<string, LinkedDecision[]>> {
  const result = new Map<string, LinkedDecision[]>();
  if (recordIds.length === 0) return result;
  const rows = await prisma.decisionGovernedRecord.findMany({
    where: { recordId: { in: recordIds } },
    select: { recordId: true, decision: linked },
    orderBy: { decision: { sequence: "asc" } },
  });
  for (const row of rows) result.set(row.recordId, [...(result.get(row.recordId) ?? []), toLinked(row.decision)]);
  return result;
}

// ---- writes: the service runs its checks and these inside one transaction ----

/**
 * Runs `work` in a transaction holding a row lock on the decision, so that checks made in it
 * (approvals, status, version) still hold when its writes commit. Null when it does not exist.
 */
export async function withLockedDecision<T>(
  prisma: PrismaClient,
  workspaceId: string,
  id: string,
  work: (tx: DecisionTx, current: DecisionRecord) => Promise<T>,
): Promise<T | null> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Decision" WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
    if (locked.length === 0) return null;
    const current = await findDecisionRow(tx, workspaceId, { id });
    return work(tx, current!);
  });
}

/** Runs `work` in a transaction; for creating decisions. */
export function inTransaction<T>(prisma: PrismaClient, work: (tx: DecisionTx) => Promise<T>): Promise<T> {
  return prisma.$transaction(work);
}

export const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Inserts a decision with the next free number of its workspace (the caller retries on a clash). */
export async function insertDecisionRow(
  tx: DecisionTx,
  input: DecisionText & { workspaceId: string; createdById: string },
): Promise<DecisionRecord> {
  const last = await tx.decision.aggregate({ where: { workspaceId: input.workspaceId }, _max: { sequence: true } });
  const row = await tx.decision.create({
    data: { ...input, sequence: (last._max.sequence ?? 0) + 1, status: "draft" },
    select,
  });
  return toRow(row);
}

/** Writes new values and bumps the version if it is still `expectedVersion`; false when it is not. */
export async function updateDecisionRow(
  tx: DecisionTx,
  id: string,
  expectedVersion: number,
  data: Partial<DecisionText> & {
    status?: DecisionStatus;
    proposedAt?: Date | null;
    decidedAt?: Date | null;
    retiredAt?: Date | null;
  },
): Promise<DecisionRecord | null> {
  const { count } = await tx.decision.updateMany({
    where: { id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) return null;
  return toRow(await tx.decision.findUniqueOrThrow({ where: { id }, select }));
}

/** Appends the decision's current text as its next revision. */
export async function appendRevision(
  tx: DecisionTx,
  decision: DecisionRecord,
  meta: { authorId: string; authorName: string; editAfterAcceptance: boolean; note: string },
): Promise<DecisionRevisionRecord> {
  const last = await tx.decisionRevision.aggregate({ where: { decisionId: decision.id }, _max: { number: true } });
  const row = await tx.decisionRevision.create({
    data: {
      decisionId: decision.id,
      number: (last._max.number ?? 0) + 1,
      title: decision.title,
      context: decision.context,
      decision_: decision.decision,
      rationale: decision.rationale,
      implications: decision.implications,
      owner: decision.owner,
      status: decision.status,
      ...meta,
    },
    select: revisionSelect,
  });
  return toRevision(row);
}

/** The number of the decision's latest revision (0 before the first). */
export async function latestRevisionNumber(tx: PrismaClient | DecisionTx, decisionId: string): Promise<number> {
  const last = await tx.decisionRevision.aggregate({ where: { decisionId }, _max: { number: true } });
  return last._max.number ?? 0;
}

/** Makes the decision's outgoing links exactly `links`. */
export async function replaceDecisionLinks(
  tx: DecisionTx,
  fromId: string,
  links: { kind: DecisionLinkKind; toId: string }[],
): Promise<void> {
  await tx.decisionLink.deleteMany({ where: { fromId } });
  if (links.length) await tx.decisionLink.createMany({ data: links.map((l) => ({ fromId, ...l })) });
}

/** Makes the records the decision governs exactly `recordIds`. */
export async function replaceGovernedRecords(tx: DecisionTx, decisionId: string, recordIds: string[]): Promise<void> {
  await tx.decisionGovernedRecord.deleteMany({ where: { decisionId } });
  if (recordIds.length) {
    await tx.decisionGovernedRecord.createMany({ data: recordIds.map((recordId) => ({ decisionId, recordId })) });
  }
}

/**
 * Marks every given verdict stale and asks the same reviewers again; returns who was asked.
 * Called when the text changes, so that approvals always refer to the text being accepted.
 */
export async function resetReviews(tx: DecisionTx, decisionId: string, now: Date): Promise<string[]> {
  const given = await tx.decisionReview.findMany({
    where: { decisionId, staleAt: null, verdict: { not: "requested" } },
    select: { reviewerId: true, reviewerName: true },
  });
  if (given.length === 0) return [];
  await tx.decisionReview.updateMany({
    where: { decisionId, staleAt: null, verdict: { not: "requested" } },
    data: { staleAt: now },
  });
  await tx.decisionReview.createMany({
    data: given.map((r) => ({
      decisionId,
      reviewerId: r.reviewerId,
      reviewerName: r.reviewerName,
      verdict: "requested",
    })),
  });
  return given.map((r) => r.reviewerName);
}

/** Current (not stale) approvals of a decision. */
export async function countApprovals(tx: DecisionTx, decisionId: string): Promise<number> {
  return tx.decisionReview.count({ where: { decisionId, verdict: "approved", staleAt: null } });
}

/** Asks reviewers who have no current review of the decision yet; returns those added. */
export async function requestReviewRows(
  tx: DecisionTx,
  decisionId: string,
  reviewers: { id: string; name: string }[],
): Promise<{ id: string; name: string }[]> {
  const current = await tx.decisionReview.findMany({
    where: { decisionId, staleAt: null, reviewerId: { in: reviewers.map((r) => r.id) } },
    select: { reviewerId: true },
  });
  const asked = new Set(current.map((r) => r.reviewerId));
  const added = reviewers.filter((r) => !asked.has(r.id));
  if (added.length) {
    await tx.decisionReview.createMany({
      data: added.map((r) => ({ decisionId, reviewerId: r.id, reviewerName: r.name, verdict: "requested" })),
    });
  }
  return added;
}

/**
 * Records a reviewer's verdict on the current text. Their earlier verdict, if any, stays in the
 * history as stale; an open request of theirs is fulfilled.
 */
export async function writeVerdict(
  tx: DecisionTx,
  decisionId: string,
  review: {
    reviewerId: string;
    reviewerName: string;
    verdict: "approved" | "changes_requested";
    note: string;
    revision: number;
    at: Date;
  },
): Promise<void> {
  const mine = { decisionId, reviewerId: review.reviewerId, staleAt: null };
  await tx.decisionReview.deleteMany({ where: { ...mine, verdict: "requested" } });
  await tx.decisionReview.updateMany({ where: mine, data: { staleAt: review.at } });
  await tx.decisionReview.create({
    data: {
      decisionId,
      reviewerId: review.reviewerId,
      reviewerName: review.reviewerName,
      verdict: review.verdict,
      note: review.note,
      revision: review.revision,
      requestedAt: review.at,
      reviewedAt: review.at,
    },
  });
}
