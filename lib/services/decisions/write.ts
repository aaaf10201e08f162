import { z } from "zod";
import { recordAuditEvent } from "@/lib/db/audit-repository";
import {
  appendRevision,
  findDecisionsBySequence,
  inTransaction,
  insertDecisionRow,
  isUniqueViolation,
  readDecisionRelations,
  replaceDecisionLinks,
  replaceGovernedRecords,
  resetReviews,
  updateDecisionRow,
  withLockedDecision,
  type DecisionTx,
} from "@/lib/db/decision-repository";
import { findRecordKinds } from "@/lib/db/spec-repository";
import { formatDecisionNumber, parseDecisionNumber, type DecisionLinkKind } from "@/lib/domain/decisions/lifecycle";
import {
  changedTextFields,
  checkTextEdit,
  decisionLinksSchema,
  decisionTextSchema,
  linkKindByField,
  type DecisionText,
} from "@/lib/domain/decisions/record";
import type { ServiceContext } from "@/lib/services/context";
import { getDecision } from "@/lib/services/decisions/read";
import { conflict, loadDecision, refused, type DecisionDetail } from "@/lib/services/decisions/shared";
import { notFound } from "@/lib/services/errors";
import { authorizeWorkspace } from "@/lib/services/guard";
import { invalidInput, parseInput, type FieldProblem } from "@/lib/services/validation";
import type { DecisionRecord } from "@/lib/domain/decisions/stored";

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
  self: DecisionRecord | null,
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
  const workspace = await authorizeWorkspace(ctx, slug, "decision:edit");
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
  const { workspace, decision } = await loadDecision(ctx, slug, ref, "decision:edit");
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
