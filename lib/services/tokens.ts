import { z } from "zod";
import { generateApiTokenSecret } from "@/lib/auth/api-token";
import { findTokenRecord, insertToken, listTokenRecords, revokeTokenRecord } from "@/lib/db/token-repository";
import { ensureOperatorUser, findUserBySubject } from "@/lib/db/user-repository";
import { roleSchema } from "@/lib/domain/access";
import type { ServiceContext } from "@/lib/services/context";
import { forbidden, notFound, ServiceError } from "@/lib/services/errors";
import { requirePermission } from "@/lib/services/guard";
import { parseInput } from "@/lib/services/validation";
import type { ApiToken } from "@/lib/domain/api-token";

export const MAX_TOKEN_DAYS = 366;

export const createApiTokenSchema = z.object({
  name: z
    .string({ error: "name is required" })
    .trim()
    .min(1, { error: "name cannot be empty" })
    .max(80, { error: "name has at most 80 characters" }),
  role: roleSchema,
  expiresInDays: z
    .number({ error: "expiresInDays must be a number of days" })
    .int({ error: "expiresInDays must be a whole number of days" })
    .min(1, { error: "expiresInDays must be at least 1" })
    .max(MAX_TOKEN_DAYS, { error: `expiresInDays must be at most ${MAX_TOKEN_DAYS}: every token expires` }),
});
export type CreateApiToken = z.infer<typeof createApiTokenSchema>;

// Tokens are minted by people only: a leaked token must not be able to mint itself successors.
// The command line on the database directly (`agp token create`) acts for the person at the
// console, who holds the database itself.
async function requireTokenAdmin(ctx: ServiceContext) {
  requirePermission(ctx.actor, "tokens:manage");
  if (ctx.actor.kind === "system" && ctx.origin === "cli")
    return ensureOperatorUser(ctx.db.prisma, ctx.actor.id, ctx.actor.name);
  if (ctx.actor.kind !== "user") throw forbidden("API tokens are managed by signed-in administrators, not by tokens.");
  const user = await findUserBySubject(ctx.db.prisma, ctx.actor.id);
  if (!user) throw new ServiceError(403, "forbidden", "Sign in again: your user record is missing.");
  return user;
}

/** Lists every token (no secrets). */
export async function listApiTokens(ctx: ServiceContext): Promise<ApiToken[]> {
  await requireTokenAdmin(ctx);
  return listTokenRecords(ctx.db.prisma);
}

/** Creates a token; the secret is returned this once and only its hash is kept. */
export async function createApiToken(
  ctx: ServiceContext,
  input: unknown,
  now: Date = new Date(),
): Promise<{ token: ApiToken; secret: string }> {
  const user = await requireTokenAdmin(ctx);
  const { name, role, expiresInDays } = parseInput(createApiTokenSchema, input);
  const { secret, prefix, secretHash } = generateApiTokenSecret();
  const expiresAt = new Date(now.getTime() + expiresInDays * 86_400_000);
  const token = await insertToken(
    ctx.db.prisma,
    { name, role, prefix, secretHash, createdById: user.id, expiresAt },
    { actor: ctx.actor, origin: ctx.origin },
  );
  return { token, secret };
}

/** Revokes a token: from now on it answers 401. Revoking twice is refused with 409. */
export async function revokeApiToken(ctx: ServiceContext, id: string, now: Date = new Date()): Promise<ApiToken> {
  const user = await requireTokenAdmin(ctx);
  if (!z.uuid().safeParse(id).success) throw notFound(`No API token ${id}`);
  const existing = await findTokenRecord(ctx.db.prisma, id);
  if (!existing) throw notFound(`No API token ${id}`);
  const revoked = await revokeTokenRecord(
    ctx.db.prisma,
    id,
    { userId: user.id, at: now },
    { actor: ctx.actor, origin: ctx.origin },
  );
  if (!revoked) throw new ServiceError(409, "already_revoked", `The API token "${existing.name}" is already revoked.`);
  return revoked;
}
