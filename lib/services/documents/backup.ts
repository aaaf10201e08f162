import { randomUUID } from "node:crypto";
import { z } from "zod";
import { readWorkspaceBackup, restoreWorkspaceRows } from "@/lib/db/backup-repository";
import { findWorkspaceRecord } from "@/lib/db/workspace-repository";
import { remapBackup, workspaceBackupSchema, type WorkspaceBackup } from "@/lib/domain/document/backup";
import { recordKey } from "@/lib/domain/spec/kinds";
import type { ServiceContext } from "@/lib/services/context";
import { exportFilename } from "@/lib/services/documents/export";
import { ServiceError } from "@/lib/services/errors";
import type { BodyLimit } from "@/lib/services/request-body";
import { scheduleEvaluation } from "@/lib/services/governance/evaluation";
import { authorizeWorkspace, requirePermission } from "@/lib/services/guard";
import { invalidInput, parseInput } from "@/lib/services/validation";
import { linksOf } from "@/lib/services/spec";
import { slugify, slugSchema, workspaceNameSchema } from "@/lib/services/workspaces";
import type { Workspace } from "@/lib/domain/workspace";

/** The whole workspace as JSON: specification, decisions with revisions and reviews, waivers (no secrets). */
export async function exportWorkspaceBackup(
  ctx: ServiceContext,
  slug: string,
  now = new Date(),
): Promise<{ filename: string; backup: WorkspaceBackup }> {
  const workspace = await authorizeWorkspace(ctx, slug);
  return {
    filename: exportFilename(workspace.slug, "backup", "json", now),
    backup: await readWorkspaceBackup(ctx.db.prisma, workspace.id, now),
  };
}

/** The largest workspace backup a restore reads: a spec of tens of thousands of records is a few MB. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** The limit on a body that may carry a backup (POST /workspaces), larger than other JSON bodies'. */
export function backupBodyLimit(maxJsonBytes: number): BodyLimit {
  const maxBytes = Math.max(maxJsonBytes, MAX_BACKUP_BYTES);
  return {
    maxBytes,
    refuse: (size) =>
      new ServiceError(
        413,
        "backup_too_large",
        `The request body is ${size}; a workspace backup is at most ${maxBytes / 1024 / 1024} MB.`,
      ),
  };
}

export const workspaceRestoreSchema = z.object({
  name: workspaceNameSchema.optional(),
  slug: slugSchema.optional(),
  backup: z.unknown(),
});

/**
 * Restores a backup into a new workspace (administrators): same specification, decisions,
 * revisions, reviews and waivers under new ids, in one transaction; a malformed backup is
 * refused with the path of each problem and nothing is written.
 */
export async function restoreWorkspace(ctx: ServiceContext, input: unknown): Promise<Workspace> {
  requirePermission(ctx.actor, "workspace:manage");
  const { name, slug, backup: raw } = parseInput(workspaceRestoreSchema, input);
  const parsed = workspaceBackupSchema.safeParse(raw);
  if (!parsed.success)
    throw invalidInput(
      parsed.error.issues.slice(0, 20).map((i) => ({ field: ["backup", ...i.path].join("."), message: i.message })),
    );
  const backup = parsed.data;
  const finalName = name ?? backup.workspace.name;
  const finalSlug = parseInput(z.object({ slug: slugSchema }), { slug: slug ?? slugify(finalName) }).slug;
  if (await findWorkspaceRecord(ctx.db.prisma, finalSlug))
    throw invalidInput([
      { field: "slug", message: `a workspace "${finalSlug}" already exists; restore under another name` },
    ]);
  const remapped = remapBackup(backup, randomUUID);
  if (remapped.problems.length)
    throw invalidInput(remapped.problems.slice(0, 20).map((p) => ({ field: `backup.${p.field}`, message: p.message })));
  await restoreWorkspaceRows(ctx.db.prisma, {
    name: finalName,
    slug: finalSlug,
    requiredApprovals: backup.workspace.requiredApprovals,
    records: remapped.records.map((r) => ({
      ...r,
      key: recordKey(r.kind, r.data)?.toLowerCase() ?? null,
      links: linksOf(r.kind, r.data),
    })),
    decisions: remapped.decisions,
    waivers: backup.waivers,
    referenceAliases: remapped.referenceAliases,
    actor: ctx.actor,
    origin: ctx.origin,
  });
  const restored = await findWorkspaceRecord(ctx.db.prisma, finalSlug);
  scheduleEvaluation(ctx.db, restored!.id, "spec");
  return restored!;
}
