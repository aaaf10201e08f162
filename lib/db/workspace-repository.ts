import { recordAuditEvent, type AuditInput } from "@/lib/db/audit-repository";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Workspace } from "@/lib/domain/workspace";

const columns = {
  id: true,
  slug: true,
  name: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  requiredApprovals: true,
} as const;

/** Every workspace, oldest first (the first is the default). */
export function listWorkspaceRecords(prisma: PrismaClient): Promise<Workspace[]> {
  return prisma.workspace.findMany({ select: columns, orderBy: [{ createdAt: "asc" }, { slug: "asc" }] });
}

export function findWorkspaceRecord(prisma: PrismaClient, slug: string): Promise<Workspace | null> {
  return prisma.workspace.findUnique({ where: { slug }, select: columns });
}

/** Creates a workspace and its audit event in one transaction. */
export function insertWorkspace(
  prisma: PrismaClient,
  input: { slug: string; name: string },
  audit: Omit<AuditInput, "action" | "entityKind" | "entityId" | "after" | "workspaceId">,
): Promise<Workspace> {
  return prisma.$transaction(async (tx) => {
    const created = await tx.workspace.create({ data: input, select: columns });
    await recordAuditEvent(tx, {
      ...audit,
      workspaceId: created.id,
      action: "workspace.create",
      entityKind: "workspace",
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

/** Changes a workspace's name or settings if it is still at `expectedVersion`; null when it changed meanwhile. */
export function updateWorkspaceRecord(
  prisma: PrismaClient,
  id: string,
  expectedVersion: number,
  changes: { name?: string; requiredApprovals?: number },
  audit: Omit<AuditInput, "action" | "entityKind" | "entityId" | "after" | "workspaceId">,
): Promise<Workspace | null> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.workspace.findUnique({ where: { id }, select: columns });
    const { count } = await tx.workspace.updateMany({
      where: { id, version: expectedVersion },
      data: { ...changes, version: { increment: 1 } },
    });
    if (!before || count === 0) return null;
    const after = await tx.workspace.findUniqueOrThrow({ where: { id }, select: columns });
    const fields = Object.keys(changes) as (keyof typeof changes)[];
    await recordAuditEvent(tx, {
      ...audit,
      workspaceId: id,
      action: fields.length === 1 && fields[0] === "name" ? "workspace.rename" : "workspace.update",
      entityKind: "workspace",
      entityId: id,
      before: Object.fromEntries(fields.map((f) => [f, before[f]])),
      after: Object.fromEntries(fields.map((f) => [f, after[f]])),
    });
    return after;
  });
}
