import { z } from "zod";
import {
  findWorkspaceRecord,
  insertWorkspace,
  listWorkspaceRecords,
  updateWorkspaceRecord,
} from "@/lib/db/workspace-repository";
import { systemActor } from "@/lib/domain/access";
import type { Database } from "@/lib/db/database";
import type { ServiceContext } from "@/lib/services/context";
import { ServiceError } from "@/lib/services/errors";
import { invalidInput, parseInput } from "@/lib/services/validation";
import { authorizeWorkspace, requirePermission } from "@/lib/services/guard";
import type { Workspace } from "@/lib/domain/workspace";

/** Lists the workspaces the actor can read. */
export async function listWorkspaces(ctx: ServiceContext): Promise<Workspace[]> {
  requirePermission(ctx.actor, "workspace:read");
  return listWorkspaceRecords(ctx.db.prisma);
}

/** Finds one workspace by its slug, or fails with 404. */
export async function getWorkspace(ctx: ServiceContext, slug: string): Promise<Workspace> {
  return authorizeWorkspace(ctx, slug);
}

/** Creates the "default" workspace on a fresh installation, so the portal has somewhere to start. */
export async function ensureDefaultWorkspace(db: Database): Promise<Workspace | null> {
  const existing = await listWorkspaceRecords(db.prisma);
  if (existing.length > 0) return null;
  return insertWorkspace(
    db.prisma,
    { slug: "default", name: "Default workspace" },
    { actor: systemActor, origin: "system" },
  );
}

export const slugSchema = z
  .string()
  .trim()
  .min(2, { error: "slug has at least 2 characters" })
  .max(40, { error: "slug has at most 40 characters" })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "slug may hold lowercase letters, digits and single hyphens" });

export const workspaceNameSchema = z
  .string({ error: "name is required" })
  .trim()
  .min(1, { error: "name is required" })
  .max(80, { error: "name has at most 80 characters" });

/** A slug from a name: "ACME Corp (EU)" -> "acme-corp-eu". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

/** Creates a workspace (administrators); the slug defaults to one made from the name. */
export async function createWorkspace(ctx: ServiceContext, input: unknown): Promise<Workspace> {
  requirePermission(ctx.actor, "workspace:manage");
  const { name, slug } = parseInput(z.object({ name: workspaceNameSchema, slug: slugSchema.optional() }), input);
  const finalSlug = parseInput(z.object({ slug: slugSchema }), { slug: slug ?? slugify(name) }).slug;
  if (await findWorkspaceRecord(ctx.db.prisma, finalSlug)) {
    throw invalidInput([{ field: "slug", message: `a workspace "${finalSlug}" already exists` }]);
  }
  return insertWorkspace(ctx.db.prisma, { slug: finalSlug, name }, { actor: ctx.actor, origin: ctx.origin });
}

export const workspaceUpdateSchema = z
  .object({
    name: workspaceNameSchema.optional(),
    requiredApprovals: z
      .number({ error: "requiredApprovals must be a number" })
      .int({ error: "requiredApprovals must be a whole number" })
      .min(0, { error: "requiredApprovals cannot be negative" })
      .max(10, { error: "requiredApprovals is at most 10" })
      .optional(),
    version: z.number({ error: "version is required (the version you edited)" }).int().min(1),
  })
  .refine((input) => input.name !== undefined || input.requiredApprovals !== undefined, {
    error: "nothing to change: send name or requiredApprovals",
    path: ["name"],
  });

/**
 * Renames a workspace (its slug, and so its links, stay) or changes the approvals decisions
 * need; 409 if it changed since `version`.
 */
export async function updateWorkspace(ctx: ServiceContext, slug: string, input: unknown): Promise<Workspace> {
  requirePermission(ctx.actor, "workspace:manage");
  const { version, ...changes } = parseInput(workspaceUpdateSchema, input);
  const workspace = await getWorkspace(ctx, slug);
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const updated = await updateWorkspaceRecord(ctx.db.prisma, workspace.id, version, defined, {
    actor: ctx.actor,
    origin: ctx.origin,
  });
  if (!updated) {
    throw new ServiceError(409, "conflict", "Someone else changed this workspace; reload and try again.", {
      current: await findWorkspaceRecord(ctx.db.prisma, slug),
    });
  }
  return updated;
}
