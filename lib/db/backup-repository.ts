import { recordAuditEvent, type AuditOrigin } from "@/lib/db/audit-repository";
import { insertRows, refreshStatistics } from "@/lib/db/bulk";
import { specLinkColumns, specRecordColumns } from "@/lib/db/spec-repository";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/access";
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupRecord, type WorkspaceBackup } from "@/lib/domain/document/backup";
import type { SpecKind } from "@/lib/domain/spec/kinds";

/** Reads everything a workspace backup holds, in a stable order. */
export async function readWorkspaceBackup(
  prisma: PrismaClient,
  workspaceId: string,
  now: Date,
): Promise<WorkspaceBackup> {
  const [workspace, records, decisions, waivers, referenceAliases] = await Promise.all([
    prisma.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { name: true, slug: true, requiredApprovals: true },
    }),
    prisma.specRecord.findMany({
      where: { workspaceId },
      select: { id: true, kind: true, title: true, data: true, createdAt: true, updatedAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    prisma.decision.findMany({
      where: { workspaceId },
      orderBy: { sequence: "asc" },
      include: {
        revisions: { orderBy: { number: "asc" } },
        reviews: { orderBy: [{ requestedAt: "asc" }, { id: "asc" }] },
        linksFrom: { select: { kind: true, to: { select: { sequence: true } } }, orderBy: [{ kind: "asc" }] },
        governs: { select: { recordId: true }, orderBy: { recordId: "asc" } },
      },
    }),
    prisma.waiver.findMany({ where: { workspaceId }, orderBy: [{ requestedAt: "asc" }, { id: "asc" }] }),
    prisma.referenceAlias.findMany({
      where: { workspaceId },
      select: { kind: true, alias: true, recordId: true, actorName: true, createdAt: true },
      orderBy: [{ kind: "asc" }, { alias: "asc" }],
    }),
  ]);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    workspace,
    records: records.map((r) => ({ ...r, kind: r.kind as SpecKind, data: r.data as Record<string, unknown> })),
    decisions: decisions.map((d) => ({
      sequence: d.sequence,
      title: d.title,
      status: d.status as WorkspaceBackup["decisions"][number]["status"],
      context: d.context,
      decision: d.decision,
      rationale: d.rationale,
      implications: d.implications,
      owner: d.owner,
      createdById: d.createdById,
      createdAt: d.createdAt,
      proposedAt: d.proposedAt,
      decidedAt: d.decidedAt,
      retiredAt: d.retiredAt,
      revisions: d.revisions.map(({ id: _id, decisionId: _d, decision_, ...r }) => ({ ...r, decision: decision_ })),
      reviews: d.reviews.map(({ id: _id, decisionId: _d, ...r }) => r),
      links: d.linksFrom
        .map((l) => ({ kind: l.kind as "supersedes" | "amends" | "relates_to", to: l.to.sequence }))
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.to - b.to),
      governs: d.governs.map((g) => g.recordId),
    })),
    waivers: waivers.map(({ id: _id, workspaceId: _w, version: _v, ...w }) => w),
    referenceAliases: referenceAliases.map((a) => ({ ...a, kind: a.kind as SpecKind })),
  };
}

type RestoreInput = {
  name: string;
  slug: string;
  requiredApprovals: number;
  /** Remapped records with the key and links derived from their data (as every write stores them). */
  records: (BackupRecord & { kind: SpecKind; key: string | null; links: { field: string; toId: string }[] })[];
  decisions: WorkspaceBackup["decisions"];
  waivers: WorkspaceBackup["waivers"];
  referenceAliases: WorkspaceBackup["referenceAliases"];
  actor: Actor;
  origin: AuditOrigin;
};

/** Creates a workspace from a remapped backup, all in one transaction. */
export async function restoreWorkspaceRows(prisma: PrismaClient, input: RestoreInput): Promise<string> {
  const written = await prisma.$transaction(
    async (tx) => {
      const workspace = await tx.workspace.create({
        data: { name: input.name, slug: input.slug, requiredApprovals: input.requiredApprovals },
        select: { id: true },
      });
      const workspaceId = workspace.id;
      await insertRows(
        tx,
        "SpecRecord",
        specRecordColumns,
        input.records.map((r) => ({
          id: r.id,
          workspaceId,
          kind: r.kind,
          key: r.key,
          title: r.title,
          data: r.data,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
        })),
      );
      await insertRows(
        tx,
        "SpecLink",
        specLinkColumns,
        input.records.flatMap((r) => r.links.map((l) => ({ fromId: r.id, ...l }))),
      );

      const idBySequence = new Map<number, string>();
      for (const d of input.decisions) {
        const { revisions, reviews, links: _links, governs, ...row } = d;
        const created = await tx.decision.create({ data: { ...row, workspaceId }, select: { id: true } });
        idBySequence.set(d.sequence, created.id);
        if (revisions.length)
          await tx.decisionRevision.createMany({
            data: revisions.map(({ decision, ...r }) => ({ ...r, decision_: decision, decisionId: created.id })),
          });
        if (reviews.length)
          await tx.decisionReview.createMany({ data: reviews.map((r) => ({ ...r, decisionId: created.id })) });
        if (governs.length)
          await tx.decisionGovernedRecord.createMany({
            data: governs.map((recordId) => ({ decisionId: created.id, recordId })),
          });
      }
      const links = input.decisions.flatMap((d) =>
        d.links.map((l) => ({ fromId: idBySequence.get(d.sequence)!, kind: l.kind, toId: idBySequence.get(l.to)! })),
      );
      if (links.length) await tx.decisionLink.createMany({ data: links });
      if (input.waivers.length) await tx.waiver.createMany({ data: input.waivers.map((w) => ({ ...w, workspaceId })) });
      if (input.referenceAliases.length)
        await tx.referenceAlias.createMany({ data: input.referenceAliases.map((a) => ({ ...a, workspaceId })) });
      await recordAuditEvent(tx, {
        actor: input.actor,
        origin: input.origin,
        workspaceId,
        action: "workspace.restore",
        entityKind: "workspace",
        entityId: workspaceId,
        after: {
          name: input.name,
          slug: input.slug,
          records: input.records.length,
          decisions: input.decisions.length,
          waivers: input.waivers.length,
        },
      });
      return workspaceId;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  await refreshStatistics(prisma, input.records.length, ["SpecRecord", "SpecLink"]);
  return written;
}
