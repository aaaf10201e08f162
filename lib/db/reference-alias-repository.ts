// Names documents write for records that are not their names (decision 0019): read by every
// import's plan, written when an import applies a preview's resolution or an editor chooses the
// record an unresolved name meant.
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { ReferenceAlias } from "@/lib/domain/document/plan";
import type { SpecKind } from "@/lib/domain/spec/kinds";

type Client = PrismaClient | Prisma.TransactionClient;

/** A workspace's remembered names, as the import plan takes them (targets are record ids). */
export async function listReferenceAliases(prisma: Client, workspaceId: string): Promise<ReferenceAlias[]> {
  const rows = await prisma.referenceAlias.findMany({
    where: { workspaceId },
    select: { kind: true, alias: true, recordId: true },
    orderBy: [{ kind: "asc" }, { alias: "asc" }],
  });
  return rows.map((r) => ({ kind: r.kind as SpecKind, alias: r.alias, target: r.recordId }));
}

/** Remembers names (a later choice for the same name replaces the earlier one). */
export async function rememberReferenceAliases(
  prisma: Client,
  workspaceId: string,
  aliases: readonly { kind: SpecKind; alias: string; recordId: string }[],
  actorName: string,
): Promise<void> {
  for (const a of aliases) {
    const alias = a.alias.trim().toLowerCase();
    await prisma.referenceAlias.upsert({
      where: { workspaceId_kind_alias: { workspaceId, kind: a.kind, alias } },
      create: { workspaceId, kind: a.kind, alias, recordId: a.recordId, actorName },
      update: { recordId: a.recordId, actorName },
    });
  }
}
