import { recordAuditEvent } from "@/lib/db/audit-repository";
import type { Database } from "@/lib/db/database";
import { loadRoleMapping } from "@/lib/db/role-mapping-repository";
import { upsertUserAtSignIn, type UserRecord } from "@/lib/db/user-repository";
import { resolveRole, type Actor } from "@/lib/domain/access";
import { getEnv } from "@/lib/env";

export type SignInProfile = { subject: string; name: string; email: string | null; groups: string[] };

/** Records a completed Okta sign-in: refreshes the user and appends `auth.sign-in` to the audit log. */
export async function recordSignIn(db: Database, profile: SignInProfile, at: Date): Promise<UserRecord> {
  const { mapping } = await loadRoleMapping(db.prisma, getEnv().auth.defaultRoleGroups);
  const actor: Actor = {
    kind: "user",
    id: profile.subject,
    name: profile.name,
    role: resolveRole(profile.groups, mapping),
    groups: profile.groups,
  };
  return upsertUserAtSignIn(db.prisma, profile, actor, at);
}

/** Appends `auth.sign-out` for a user who signed out. */
export async function recordSignOut(db: Database, user: { subject: string; name: string }): Promise<void> {
  await recordAuditEvent(db.prisma, {
    actor: { kind: "user", id: user.subject, name: user.name, role: "viewer" },
    origin: "ui",
    action: "auth.sign-out",
    entityKind: "user",
    entityId: user.subject,
  });
}
