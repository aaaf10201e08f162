import { recordAuditEvent } from "@/lib/db/audit-repository";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/access";

export type UserRecord = {
  id: string;
  subject: string;
  name: string;
  email: string | null;
  groups: string[];
  lastSignInAt: Date | null;
};

type Row = {
  id: string;
  subject: string;
  name: string;
  email: string | null;
  groups: unknown;
  lastSignInAt: Date | null;
};

function toRecord(row: Row): UserRecord {
  const groups = Array.isArray(row.groups) ? row.groups.filter((g): g is string => typeof g === "string") : [];
  return { id: row.id, subject: row.subject, name: row.name, email: row.email, groups, lastSignInAt: row.lastSignInAt };
}

/** Creates or refreshes a user at sign-in and records the sign-in, in one transaction. */
export async function upsertUserAtSignIn(
  prisma: PrismaClient,
  profile: { subject: string; name: string; email: string | null; groups: string[] },
  actor: Actor,
  at: Date,
): Promise<UserRecord> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.user.upsert({
      where: { subject: profile.subject },
      create: { ...profile, lastSignInAt: at },
      update: { name: profile.name, email: profile.email, groups: profile.groups, lastSignInAt: at },
    });
    await recordAuditEvent(tx, {
      actor,
      origin: "ui",
      action: "auth.sign-in",
      entityKind: "user",
      entityId: row.id,
      after: { name: profile.name, email: profile.email, groups: profile.groups, role: actor.role },
    });
    return toRecord(row);
  });
}

export async function findUserBySubject(prisma: PrismaClient, subject: string): Promise<UserRecord | null> {
  const row = await prisma.user.findUnique({ where: { subject } });
  return row ? toRecord(row) : null;
}

/** Everyone who has signed in, by name. */
export async function listUserRecords(prisma: PrismaClient): Promise<UserRecord[]> {
  const rows = await prisma.user.findMany({ orderBy: [{ name: "asc" }, { subject: "asc" }] });
  return rows.map(toRecord);
}

/**
 * The user row of someone acting through the command line on the database directly (who can
 * open the database holds every right anyway); tokens they mint name them as creator.
 */
export async function ensureOperatorUser(prisma: PrismaClient, subject: string, name: string): Promise<UserRecord> {
  const row = await prisma.user.upsert({ where: { subject }, create: { subject, name }, update: {} });
  return toRecord(row);
}
