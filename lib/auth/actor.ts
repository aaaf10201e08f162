import { hashApiTokenSecret, readBearerToken } from "@/lib/auth/api-token";
import type { Database } from "@/lib/db/database";
import { loadRoleMapping } from "@/lib/db/role-mapping-repository";
import { findTokenByHash, touchToken } from "@/lib/db/token-repository";
import { resolveRole, type Actor } from "@/lib/domain/access";
import { getEnv } from "@/lib/env";
import { readSessionClaims, type SessionClaims } from "@/lib/auth/session";

export { readSessionClaims, sessionCookieName } from "@/lib/auth/session";

/** Why a request has no actor: nobody signed in, or credentials that do not hold. */
export type AuthFailure = { failure: string };

function groupsOf(claims: SessionClaims): string[] {
  return Array.isArray(claims.groups) ? claims.groups.filter((g): g is string => typeof g === "string") : [];
}

/**
 * Who makes a request: an API token (`Authorization: Bearer agp_…`), else the signed-in user of
 * the session cookie, whose role is computed from their Okta groups and the mapping in force.
 */
export async function resolveActor(db: Database, headers: Headers, now: Date): Promise<Actor | AuthFailure> {
  const bearer = readBearerToken(headers.get("authorization"));
  if (bearer) {
    const token = await findTokenByHash(db.prisma, hashApiTokenSecret(bearer));
    if (!token) return { failure: "The API token is not valid." };
    if (token.revokedAt)
      return { failure: `The API token "${token.name}" was revoked on ${token.revokedAt.toISOString()}.` };
    if (token.expiresAt <= now)
      return { failure: `The API token "${token.name}" expired on ${token.expiresAt.toISOString()}.` };
    await touchToken(db.prisma, token.id, now);
    return { kind: "token", id: token.id, name: `token "${token.name}"`, role: token.role };
  }

  const claims = await readSessionClaims(headers);
  if (!claims?.sub) return { failure: "Sign in to continue." };
  const { mapping } = await loadRoleMapping(db.prisma, getEnv().auth.defaultRoleGroups);
  const groups = groupsOf(claims);
  return {
    kind: "user",
    id: claims.sub,
    name: claims.name || claims.email || claims.sub,
    role: resolveRole(groups, mapping),
    groups,
  };
}

/** Narrows a resolved actor. */
export function isAuthFailure(value: Actor | AuthFailure): value is AuthFailure {
  return "failure" in value;
}
