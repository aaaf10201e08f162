import { z } from "zod";
import { recordAuditEvent } from "@/lib/db/audit-repository";
import {
  appendRevision,
  countApprovals,
  findDecisionRow,
  findDecisionsBySequence,
  inTransaction,
  insertDecisionRow,
  isUniqueViolation,
  latestRevisionNumber,
  listDecisionRevisions,
  listDecisionRows,
  readDecisionRelations,
  replaceDecisionLinks,
  replaceGovernedRecords,
  requestReviewRows,
  resetReviews,
  updateDecisionRow,
  withLockedDecision,
  writeVerdict,
  type DecisionLinkRow,
  type DecisionListRow,
  type DecisionReviewRow,
  type DecisionRevisionRow,
  type DecisionRow,
  type DecisionTx,
  type GovernedRecordRow,
} from "@/lib/db/decision-repository";
import { loadRoleMapping } from "@/lib/db/role-mapping-repository";
import { findRecordKinds, listSpecRecords } from "@/lib/db/spec-repository";
import { listUserRecords } from "@/lib/db/user-repository";
import { can, resolveRole } from "@/lib/domain/access";
import { diffFields, type FieldDiff } from "@/lib/domain/decisions/diff";
import { formatDecisionTable, formatMadr, type ExportableDecision } from "@/lib/domain/decisions/export";
import {
  checkTransition,
  decisionStatusSchema,
  decisionTextFields,
  decisionTransitions,
  formatDecisionNumber,
  parseDecisionNumber,
  planAcceptance,
  type DecisionLinkKind,
  type DecisionStatus,
} from "@/lib/domain/decisions/lifecycle";
import {
  changedTextFields,
  checkTextEdit,
  decisionLinksSchema,
  decisionTextSchema,
  linkKindByField,
  type DecisionText,
} from "@/lib/domain/decisions/record";
import { isSpecKind, labelInSentence, specKinds } from "@/lib/domain/spec/kinds";
import { getEnv } from "@/lib/env";
import type { ServiceContext } from "@/lib/services/context";
import { getWorkspace } from "@/lib/services/workspaces";
import { scheduleEvaluation } from "@/lib/services/governance";
import { notFound, ServiceError } from "@/lib/services/errors";
import { requirePermission } from "@/lib/services/guard";
import { invalidInput, parseInput, type FieldProblem } from "@/lib/services/validation";

/** A decision in a list. */
export type DecisionSummary = Omit<DecisionListRow, "supersededBy" | "workspaceId" | "createdById"> & {
  number: string;
  supersededBy: string[];
};

/** Everything a decision's page shows. */
export type DecisionDetail = Omit<DecisionRow, "workspaceId"> & {
  number: string;
  links: (DecisionLinkRow & { number: string })[];
  reviews: DecisionReviewRow[];
  governs: (GovernedRecordRow & { label: string })[];
  revisions: Omit<DecisionRevisionRow, keyof DecisionText>[];
  latestRevision: number;
  approvals: number;
  requiredApprovals: number;
  /** The statuses the decision can be moved to by hand now (superseded comes with acceptance of another). */
  nextStatuses: DecisionStatus[];
};

/** The workspace, or 404; every read of it needs workspace:read. */
const loadWorkspace = getWorkspace;

/** "D05", "d5", "5" or the decision's id. */
function parseRef(ref: string): { sequence: number } | { id: string } | null {
  const sequence = parseDecisionNumber(ref) ?? (/^\d{1,4}$/.test(ref) ? Number(ref) : null);
  if (sequence !== null) return { sequence };
  return z.uuid().safeParse(ref).success ? { id: ref } : null;
}

async function loadDecision(ctx: ServiceContext, slug: string, ref: string) {
  const workspace = await loadWorkspace(ctx, slug);
  const parsed = parseRef(ref);
  const decision = parsed ? await findDecisionRow(ctx.db.prisma, workspace.id, parsed) : null;
  if (!decision) throw notFound(`No decision ${ref} in workspace "${slug}"`);
  return { workspace, decision };
}

const conflict = (decision: DecisionRow) =>
  new ServiceError(
    409,
    "conflict",
    `Someone else changed ${formatDecisionNumber(decision.sequence)} (now version ${decision.version}); review their change and apply yours again.`,
    { current: decision },
  );

const refused = (reason: string, code = "invalid_transition") => new ServiceError(409, code, reason);

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
  const workspace = await loadWorkspace(ctx, slug);
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

const relationsSchema = decisionLinksSchema.extend({
  governs: z
    .array(z.uuid({ error: "must be the id of a specification record" }))
    .max(200)
    .default([]),
});

/** Turns "D03"-style references into link targets of this workspace, naming each bad one. */
async function resolveRelations(
  tx: DecisionTx,
  workspaceId: string,
  self: DecisionRow | null,
  input: z.output<typeof relationsSchema>,
): Promise<{ links: { kind: DecisionLinkKind; toId: string }[]; governs: string[] }> {
  const problems: FieldProblem[] = [];
  const wanted: { path: string; sequence: number; kind: DecisionLinkKind }[] = [];
  for (const field of ["supersedes", "amends", "relatesTo"] as const) {
    input[field].forEach((ref, index) => {
      const sequence = parseDecisionNumber(ref);
      if (sequence === null) {
        problems.push({ field: `${field}.${index}`, message: `"${ref}" is not a decision number like D03` });
      } else {
        wanted.push({ path: `${field}.${index}`, sequence, kind: linkKindByField[field] });
      }
    });
  }
  const found = new Map(
    (await findDecisionsBySequence(tx, workspaceId, [...new Set(wanted.map((w) => w.sequence))])).map((d) => [
      d.sequence,
      d,
    ]),
  );
  const links: { kind: DecisionLinkKind; toId: string }[] = [];
  for (const want of wanted) {
    const number = formatDecisionNumber(want.sequence);
    const target = found.get(want.sequence);
    if (!target) problems.push({ field: want.path, message: `no decision ${number} in this workspace` });
    else if (self && target.id === self.id)
      problems.push({ field: want.path, message: "a decision cannot link to itself" });
    else if (want.kind !== "relates_to" && ["rejected", "superseded", "deprecated"].includes(target.status)) {
      problems.push({
        field: want.path,
        message: `${number} is ${target.status}; only a decision still in force can be ${want.kind === "supersedes" ? "superseded" : "amended"}`,
      });
    } else if (!links.some((l) => l.kind === want.kind && l.toId === target.id)) {
      links.push({ kind: want.kind, toId: target.id });
    }
  }
  const records = await findRecordKinds(tx, workspaceId, [...new Set(input.governs)]);
  input.governs.forEach((id, index) => {
    if (!records.has(id))
      problems.push({ field: `governs.${index}`, message: `no specification record ${id} in this workspace` });
  });
  if (problems.length) throw invalidInput(problems);
  return { links, governs: [...new Set(input.governs)] };
}

export const decisionCreateSchema = decisionTextSchema.extend(relationsSchema.shape);

/** Records a new decision as a draft with the next number, its first revision and its links. */
export async function createDecision(ctx: ServiceContext, slug: string, input: unknown): Promise<DecisionDetail> {
  const workspace = await loadWorkspace(ctx, slug);
  requirePermission(ctx.actor, "decision:edit");
  const { supersedes, amends, relatesTo, governs, ...text } = parseInput(decisionCreateSchema, input);
  // Two architects creating at once may pick the same number: the unique index refuses one, which retries.
  for (let attempt = 1; ; attempt += 1) {
    try {
      const created = await inTransaction(ctx.db.prisma, async (tx) => {
        const relations = await resolveRelations(tx, workspace.id, null, { supersedes, amends, relatesTo, governs });
        const row = await insertDecisionRow(tx, { ...text, workspaceId: workspace.id, createdById: ctx.actor.id });
        await replaceDecisionLinks(tx, row.id, relations.links);
        await replaceGovernedRecords(tx, row.id, relations.governs);
        await appendRevision(tx, row, {
          authorId: ctx.actor.id,
          authorName: ctx.actor.name,
          editAfterAcceptance: false,
          note: "",
        });
        await recordAuditEvent(tx, {
          actor: ctx.actor,
          origin: ctx.origin,
          workspaceId: workspace.id,
          action: "decision.create",
          entityKind: "decision",
          entityId: row.id,
          after: { number: formatDecisionNumber(row.sequence), ...text, status: row.status, ...relations },
        });
        return row;
      });
      return getDecision(ctx, slug, created.id);
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}

export const decisionUpdateSchema = decisionCreateSchema.extend({
  version: z.number({ error: "version is required: the version your change is based on" }).int().min(1),
  editAfterAcceptance: z.boolean().default(false),
  note: z.string().trim().max(500, { error: "note has at most 500 characters" }).default(""),
});

/**
 * Saves a decision's text, links and governed records as a new revision. Accepted text only
 * changes through a flagged edit; a change of the text resets the reviews given so far.
 */
export async function updateDecision(
  ctx: ServiceContext,
  slug: string,
  ref: string,
  input: unknown,
): Promise<DecisionDetail> {
  const { workspace, decision } = await loadDecision(ctx, slug, ref);
  requirePermission(ctx.actor, "decision:edit");
  const { version, editAfterAcceptance, note, supersedes, amends, relatesTo, governs, ...text } = parseInput(
    decisionUpdateSchema,
    input,
  );
  const number = formatDecisionNumber(decision.sequence);
  const outcome = await withLockedDecision(ctx.db.prisma, workspace.id, decision.id, async (tx, current) => {
    if (current.version !== version) throw conflict(current);
    const textChanged = changedTextFields(current, text).length > 0;
    const ownerChanged = current.owner !== text.owner;
    if (textChanged) {
      const check = checkTextEdit(number, current.status, editAfterAcceptance);
      if (!check.ok) throw refused(check.reason, "immutable");
      if (check.flagged && !note) {
        throw invalidInput([
          { field: "note", message: "say what an edit after acceptance corrects (it is kept in the history)" },
        ]);
      }
    }
    const before = await readDecisionRelations(tx, current.id);
    const relations = await resolveRelations(tx, workspace.id, current, { supersedes, amends, relatesTo, governs });
    const linkKey = (l: { kind: string; toId: string }) => `${l.kind}:${l.toId}`;
    const bindingBefore = before.links
      .filter((l) => l.direction === "outgoing" && l.kind !== "relates_to")
      .map((l) => linkKey({ kind: l.kind, toId: l.other.id }))
      .sort();
    const bindingAfter = relations.links
      .filter((l) => l.kind !== "relates_to")
      .map(linkKey)
      .sort();
    if (current.status !== "draft" && current.status !== "proposed" && bindingBefore.join() !== bindingAfter.join()) {
      throw refused(`${number} is ${current.status}: what it supersedes or amends can no longer change`, "immutable");
    }
    const saved = await updateDecisionRow(tx, current.id, version, text);
    if (!saved) throw conflict(current);
    await replaceDecisionLinks(tx, current.id, relations.links);
    await replaceGovernedRecords(tx, current.id, relations.governs);
    let revision: number | null = null;
    let reviewsReset: string[] = [];
    if (textChanged || ownerChanged) {
      revision = (
        await appendRevision(tx, saved, {
          authorId: ctx.actor.id,
          authorName: ctx.actor.name,
          editAfterAcceptance: current.status === "accepted",
          note,
        })
      ).number;
      if (textChanged) reviewsReset = await resetReviews(tx, current.id, new Date());
    }
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      origin: ctx.origin,
      workspaceId: workspace.id,
      action: current.status === "accepted" && revision ? "decision.edit-after-acceptance" : "decision.update",
      entityKind: "decision",
      entityId: current.id,
      before: {
        ...pickText(current),
        links: before.links.filter((l) => l.direction === "outgoing").map((l) => ({ kind: l.kind, toId: l.other.id })),
        governs: before.governs.map((g) => g.id),
      },
      after: { ...pickText(saved), ...relations, revision, reviewsReset, note: note || undefined },
    });
    return saved;
  });
  if (!outcome) throw notFound(`No decision ${ref} in workspace "${slug}"`);
  return getDecision(ctx, slug, decision.id);
}

const pickText = (d: DecisionText) => ({
  title: d.title,
  context: d.context,
  decision: d.decision,
  rationale: d.rationale,
  implications: d.implications,
  owner: d.owner,
});

export const decisionTransitionSchema = z.object({
  to: decisionStatusSchema,
  version: z.number({ error: "version is required: the version your change is based on" }).int().min(1),
});

/**
 * Moves a decision through its lifecycle. Accepting it needs the workspace's approvals and
 * supersedes, in the same transaction, every decision it supersedes.
 */
export async function transitionDecision(
  ctx: ServiceContext,
  slug: string,
  ref: string,
  input: unknown,
): Promise<DecisionDetail> {
  const { workspace, decision } = await loadDecision(ctx, slug, ref);
  requirePermission(ctx.actor, "decision:edit");
  const { to, version } = parseInput(decisionTransitionSchema, input);
  const now = new Date();
  const outcome = await withLockedDecision(ctx.db.prisma, workspace.id, decision.id, async (tx, current) => {
    if (current.version !== version) throw conflict(current);
    const number = formatDecisionNumber(current.sequence);
    const context = { approvals: await countApprovals(tx, current.id), requiredApprovals: workspace.requiredApprovals };
    let changes: { id: string; from: DecisionStatus; to: DecisionStatus }[];
    if (to === "accepted") {
      const relations = await readDecisionRelations(tx, current.id);
      const superseded = relations.links
        .filter((l) => l.kind === "supersedes" && l.direction === "outgoing")
        .map((l) => ({ id: l.other.id, number: formatDecisionNumber(l.other.sequence), status: l.other.status }));
      const plan = planAcceptance({ id: current.id, number, status: current.status }, context, superseded);
      if (!plan.ok) throw refused(plan.reason);
      changes = plan.changes;
    } else {
      const check = checkTransition(number, current.status, to, context);
      if (!check.ok) throw refused(check.reason);
      if (to === "proposed" && !current.decision.trim()) {
        throw refused(`${number} cannot be proposed without its decision text: say what is decided first`);
      }
      changes = [{ id: current.id, from: current.status, to }];
    }
    for (const change of changes) {
      const target = change.id === current.id ? current : await findDecisionRow(tx, workspace.id, { id: change.id });
      if (!target) throw conflict(current);
      const dates =
        change.to === "proposed"
          ? { proposedAt: now }
          : change.to === "accepted" || change.to === "rejected"
            ? { decidedAt: now }
            : change.to === "deprecated" || change.to === "superseded"
              ? { retiredAt: now }
              : {};
      const saved = await updateDecisionRow(tx, target.id, target.version, { status: change.to, ...dates });
      if (!saved) throw conflict(current);
      await recordAuditEvent(tx, {
        actor: ctx.actor,
        origin: ctx.origin,
        workspaceId: workspace.id,
        action: change.id === current.id ? "decision.transition" : "decision.supersede",
        entityKind: "decision",
        entityId: target.id,
        before: { status: change.from },
        after: { status: change.to, ...(change.id === current.id ? {} : { supersededBy: number }) },
      });
    }
    return true;
  });
  if (!outcome) throw notFound(`No decision ${ref} in workspace "${slug}"`);
  scheduleEvaluation(ctx.db, workspace.id, "decision");
  return getDecision(ctx, slug, decision.id);
}

/** A person who can review decisions (their role, from their last sign-in, grants decision review). */
export type ReviewCandidate = { id: string; name: string };

async function listReviewers(ctx: ServiceContext): Promise<ReviewCandidate[]> {
  const [users, roles] = await Promise.all([
    listUserRecords(ctx.db.prisma),
    loadRoleMapping(ctx.db.prisma, getEnv().auth.defaultRoleGroups),
  ]);
  return users
    .filter((u) => can({ role: resolveRole(u.groups, roles.mapping) }, "decision:review"))
    .map((u) => ({ id: u.subject, name: u.name }));
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
  const workspace = await loadWorkspace(ctx, slug);
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

export const reviewRequestSchema = z.object({
  reviewers: z
    .array(z.string().min(1), { error: "reviewers must be a list of user ids" })
    .min(1, { error: "name at least one reviewer" })
    .max(20),
});

/** Asks people for their review of a draft or proposal. */
export async function requestReviews(
  ctx: ServiceContext,
  slug: string,
  ref: string,
  input: unknown,
): Promise<DecisionDetail> {
  const { workspace, decision } = await loadDecision(ctx, slug, ref);
  requirePermission(ctx.actor, "decision:edit");
  const { reviewers } = parseInput(reviewRequestSchema, input);
  const candidates = new Map((await listReviewers(ctx)).map((r) => [r.id, r]));
  const problems: FieldProblem[] = [];
  reviewers.forEach((id, index) => {
    if (id === decision.createdById) {
      problems.push({ field: `reviewers.${index}`, message: "the author of a decision cannot review it" });
    } else if (!candidates.has(id)) {
      problems.push({ field: `reviewers.${index}`, message: `no user ${id} who may review decisions` });
    }
  });
  if (problems.length) throw invalidInput(problems);
  await withLockedDecision(ctx.db.prisma, workspace.id, decision.id, async (tx, current) => {
    const number = formatDecisionNumber(current.sequence);
    if (current.status !== "draft" && current.status !== "proposed") {
      throw refused(`${number} is ${current.status}: reviews are asked for drafts and proposals`, "not_reviewable");
    }
    const added = await requestReviewRows(
      tx,
      current.id,
      reviewers.map((id) => candidates.get(id)!),
    );
    if (added.length) {
      await recordAuditEvent(tx, {
        actor: ctx.actor,
        origin: ctx.origin,
        workspaceId: workspace.id,
        action: "decision.review-request",
        entityKind: "decision",
        entityId: current.id,
        after: { reviewers: added.map((r) => r.name) },
      });
    }
  });
  return getDecision(ctx, slug, decision.id);
}

export const decisionReviewSchema = z
  .object({
    verdict: z.enum(["approved", "changes_requested"], { error: "verdict must be approved or changes_requested" }),
    note: z.string().trim().max(2000, { error: "note has at most 2,000 characters" }).default(""),
    revision: z.number({ error: "revision is required: the revision you reviewed" }).int().min(1),
  })
  .refine((r) => r.verdict === "approved" || r.note.length > 0, {
    error: "say which changes you request",
    path: ["note"],
  });

/**
 * Records a reviewer's verdict on the revision they read; 409 when the text changed since, so
 * that an approval never applies to text its reviewer has not seen.
 */
export async function reviewDecision(
  ctx: ServiceContext,
  slug: string,
  ref: string,
  input: unknown,
): Promise<DecisionDetail> {
  const { workspace, decision } = await loadDecision(ctx, slug, ref);
  requirePermission(ctx.actor, "decision:review");
  const review = parseInput(decisionReviewSchema, input);
  await withLockedDecision(ctx.db.prisma, workspace.id, decision.id, async (tx, current) => {
    const number = formatDecisionNumber(current.sequence);
    if (current.createdById === ctx.actor.id) {
      throw new ServiceError(
        403,
        "forbidden",
        `${ctx.actor.name} wrote ${number} and cannot review it; ask someone else`,
      );
    }
    if (current.status !== "draft" && current.status !== "proposed") {
      throw refused(`${number} is ${current.status}: only drafts and proposals are reviewed`, "not_reviewable");
    }
    const latest = await latestRevisionNumber(tx, current.id);
    if (review.revision !== latest) {
      throw new ServiceError(
        409,
        "conflict",
        `${number} changed since you read it (revision ${review.revision}; now ${latest}); read the new text before you review it.`,
        { latestRevision: latest },
      );
    }
    await writeVerdict(tx, current.id, {
      reviewerId: ctx.actor.id,
      reviewerName: ctx.actor.name,
      verdict: review.verdict,
      note: review.note,
      revision: latest,
      at: new Date(),
    });
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      origin: ctx.origin,
      workspaceId: workspace.id,
      action: "decision.review",
      entityKind: "decision",
      entityId: current.id,
      after: { verdict: review.verdict, note: review.note, revision: latest },
    });
  });
  return getDecision(ctx, slug, decision.id);
}

/** A revision with its full text, for the history view. */
export type DecisionRevisionDetail = DecisionRevisionRow;

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

function toExportable(detail: DecisionDetail): ExportableDecision {
  const last = detail.retiredAt ?? detail.decidedAt ?? detail.proposedAt ?? detail.createdAt;
  return {
    ...detail,
    date: last.toISOString().slice(0, 10),
    links: detail.links.map((l) => ({
      kind: l.kind,
      direction: l.direction,
      sequence: l.other.sequence,
      title: l.other.title,
    })),
    governs: detail.governs.map((g) => ({ label: g.label, title: g.title })),
    approvedBy: detail.reviews.filter((r) => r.verdict === "approved" && !r.staleAt).map((r) => r.reviewerName),
  };
}

/** One decision as a MADR Markdown file. */
export async function exportDecisionMadr(
  ctx: ServiceContext,
  slug: string,
  ref: string,
): Promise<{ filename: string; markdown: string }> {
  const detail = await getDecision(ctx, slug, ref);
  const name = detail.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return {
    filename: `${detail.number.toLowerCase()}-${name || "decision"}.md`,
    markdown: formatMadr(toExportable(detail)),
  };
}

/** Every decision of a workspace as the template's `Id | Decision | Rationale | Implication` table. */
export async function exportDecisionTable(ctx: ServiceContext, slug: string): Promise<string> {
  return formatDecisionTable(await listExportableDecisions(ctx, slug));
}

/** Every decision of a workspace with what its export shows (links, governed records, approvals). */
export async function listExportableDecisions(ctx: ServiceContext, slug: string): Promise<ExportableDecision[]> {
  const workspace = await loadWorkspace(ctx, slug);
  const rows = await listDecisionRows(ctx.db.prisma, workspace.id);
  const details = await Promise.all(rows.map((r) => getDecision(ctx, slug, r.id)));
  return details.map(toExportable);
}
