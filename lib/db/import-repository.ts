import { recordAuditEvent, recordAuditEvents, type AuditOrigin } from "@/lib/db/audit-repository";
import { insertRows, refreshStatistics } from "@/lib/db/bulk";
import { specLinkColumns, specRecordColumns } from "@/lib/db/spec-repository";
import { appendRevision, resetReviews, updateDecisionRow } from "@/lib/db/decision-repository";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/access";
import { formatDecisionNumber, type DecisionStatus } from "@/lib/domain/decisions/lifecycle";
import type { ExistingDecision, ImportPlan } from "@/lib/domain/document/plan";
import type { ImportGap, ImportProblem } from "@/lib/domain/document/read-spec";
import type { SpecKind } from "@/lib/domain/spec/kinds";
import { rememberReferenceAliases } from "@/lib/db/reference-alias-repository";

/** A record of the plan as it is written: its key and links derived from its data. */
export type ImportedRecordWrite = {
  id: string;
  kind: string;
  key: string | null;
  title: string;
  data: Record<string, unknown>;
  links: { field: string; toId: string }[];
  action: "create" | "update";
  version?: number;
  before?: Record<string, unknown>;
};

export type ImportWrite = {
  workspaceId: string;
  records: ImportedRecordWrite[];
  decisions: ImportPlan["decisions"];
  files: { name: string; bytes: number }[];
  counts: { created: Record<string, number>; updated: Record<string, number>; unchanged: number };
  gaps: ImportGap[];
  problems: ImportProblem[];
  /** Names the preview resolved, remembered for later imports. */
  aliases?: { kind: SpecKind; alias: string; recordId: string }[];
  actor: Actor;
  origin: AuditOrigin;
};

/** Thrown inside the transaction when a record changed since the plan was made: everything rolls back. */
export class ImportConflict extends Error {}

/** The workspace's decisions, as an import compares them. */
export async function listDecisionsForImport(prisma: PrismaClient, workspaceId: string): Promise<ExistingDecision[]> {
  const rows = await prisma.decision.findMany({
    where: { workspaceId },
    select: {
      id: true,
      sequence: true,
      status: true,
      title: true,
      decision: true,
      rationale: true,
      implications: true,
      version: true,
    },
    orderBy: { sequence: "asc" },
  });
  return rows.map((r) => ({ ...r, status: r.status as DecisionStatus }));
}

/**
 * Writes an import in one transaction: new records, updates checked against the version the
 * plan read (a change since refuses the whole import), links, decisions with their revisions,
 * one audit event per record and decision, and the import's own row. All or nothing.
 */
export async function writeImport(prisma: PrismaClient, input: ImportWrite): Promise<string> {
  const audit = { actor: input.actor, origin: input.origin, workspaceId: input.workspaceId };
  // A large document writes thousands of rows: give the transaction room rather than the default 5 s.
  const written = await prisma.$transaction(
    async (tx) => {
      const creates = input.records.filter((r) => r.action === "create");
      const updates = input.records.filter((r) => r.action === "update");
      const at = new Date();
      await insertRows(
        tx,
        "SpecRecord",
        specRecordColumns,
        creates.map((r) => ({
          id: r.id,
          workspaceId: input.workspaceId,
          kind: r.kind,
          key: r.key,
          title: r.title,
          data: r.data,
          createdAt: at,
          updatedAt: at,
        })),
      );
      for (const r of updates) {
        const { count } = await tx.specRecord.updateMany({
          where: { id: r.id, workspaceId: input.workspaceId, version: r.version },
          data: { key: r.key, title: r.title, data: r.data as Prisma.InputJsonValue, version: { increment: 1 } },
        });
        if (count === 0) throw new ImportConflict(`${r.kind} "${r.title}" changed since the preview`);
      }
      if (updates.length) await tx.specLink.deleteMany({ where: { fromId: { in: updates.map((r) => r.id) } } });
      const links = input.records.flatMap((r) => r.links.map((l) => ({ fromId: r.id, ...l })));
      await insertRows(tx, "SpecLink", specLinkColumns, links);
      await recordAuditEvents(
        tx,
        input.records.map((r) => ({
          ...audit,
          action: r.action === "create" ? "spec.create" : "spec.update",
          entityKind: r.kind,
          entityId: r.id,
          before: r.before ? { title: r.title, version: r.version, data: r.before } : undefined,
          after: {
            title: r.title,
            version: r.action === "create" ? 1 : (r.version ?? 0) + 1,
            data: r.data,
            import: true,
          },
        })),
      );

      for (const d of input.decisions) {
        const text = { title: d.title, decision: d.decision, rationale: d.rationale, implications: d.implications };
        const meta = {
          authorId: input.actor.id,
          authorName: input.actor.name,
          editAfterAcceptance: false,
          note: `imported from ${d.place.file}`,
        };
        if (d.action === "create") {
          const now = new Date();
          const row = await tx.decision.create({
            data: {
              ...text,
              workspaceId: input.workspaceId,
              sequence: d.sequence,
              status: d.status,
              createdById: input.actor.id,
              proposedAt: d.status === "proposed" ? now : null,
            },
          });
          await appendRevision(tx, { ...row, status: row.status as DecisionStatus }, meta);
          await recordAuditEvent(tx, {
            ...audit,
            action: "decision.create",
            entityKind: "decision",
            entityId: row.id,
            after: { number: formatDecisionNumber(d.sequence), ...text, status: d.status, import: true },
          });
        } else if (d.action === "update") {
          const row = await updateDecisionRow(tx, d.id!, d.version!, text);
          if (!row) throw new ImportConflict(`${d.number} changed since the preview`);
          await appendRevision(tx, row, meta);
          const reviewsReset = await resetReviews(tx, row.id, new Date());
          await recordAuditEvent(tx, {
            ...audit,
            action: "decision.update",
            entityKind: "decision",
            entityId: row.id,
            after: { number: d.number, ...text, changed: d.changes, reviewsReset, import: true },
          });
        }
      }

      if (input.aliases?.length) await rememberReferenceAliases(tx, input.workspaceId, input.aliases, input.actor.name);
      const created = await tx.documentImport.create({
        data: {
          workspaceId: input.workspaceId,
          actorName: input.actor.name,
          files: input.files,
          created: input.counts.created,
          updated: input.counts.updated,
          unchanged: input.counts.unchanged,
          gaps: input.gaps as unknown as Prisma.InputJsonValue,
          problems: input.problems as unknown as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        ...audit,
        action: "document.import",
        entityKind: "document-import",
        entityId: created.id,
        after: { files: input.files, ...input.counts, gaps: input.gaps.length, problems: input.problems.length },
      });
      return created.id;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  await refreshStatistics(prisma, input.records.length, ["SpecRecord", "SpecLink"]);
  return written;
}

/** The latest import's gaps whose values could not be stored (the gap rules cannot see them in the records). */
export async function latestImportGaps(prisma: PrismaClient, workspaceId: string): Promise<ImportGap[]> {
  const row = await prisma.documentImport.findFirst({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    select: { gaps: true },
  });
  return ((row?.gaps ?? []) as ImportGap[]).filter((g) => !g.kept);
}

/** Past imports of a workspace, newest first. */
export async function listImports(prisma: PrismaClient, workspaceId: string, limit = 20) {
  return prisma.documentImport.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      createdAt: true,
      actorName: true,
      files: true,
      created: true,
      updated: true,
      unchanged: true,
      gaps: true,
      problems: true,
    },
  });
}
