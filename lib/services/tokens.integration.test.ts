import { describe, expect, it } from "vitest";
import { hashApiTokenSecret } from "@/lib/auth/api-token";
import { isAuthFailure, resolveActor } from "@/lib/auth/actor";
import { upsertUserAtSignIn } from "@/lib/db/user-repository";
import type { Actor } from "@/lib/domain/access";
import type { ServiceContext } from "@/lib/services/context";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/services/tokens";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const admin: Actor = { kind: "user", id: "okta|ada", name: "Ada Admin", role: "admin", groups: ["agp-admins"] };

describe(`API tokens on ${testEngine}`, () => {
  const db = useTestDatabase();
  const ctx = async (actor: Actor = admin): Promise<ServiceContext> => {
    if (actor.kind === "user") {
      await upsertUserAtSignIn(
        db().prisma,
        { subject: actor.id, name: actor.name, email: null, groups: [] },
        actor,
        new Date(),
      );
    }
    return { db: db(), actor, origin: "api" };
  };
  const bearer = (secret: string) => new Headers({ authorization: `Bearer ${secret}` });

  it("never stores the secret in clear: not in any table, only its SHA-256", async () => {
    const { secret, token } = await createApiToken(await ctx(), {
      name: "GitHub Actions",
      role: "architect",
      expiresInDays: 30,
    });
    expect(secret).toMatch(/^agp_[A-Za-z0-9_-]{43}$/);
    expect(token.prefix).toBe(secret.slice(0, 12));

    const dump = await db().driver.withSession(async (session) => {
      const tables = await session.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`,
      );
      const rows = await Promise.all(
        tables.map((t) => session.query<{ row: unknown }>(`SELECT row_to_json(t) AS row FROM "${t.tablename}" t`)),
      );
      return JSON.stringify(rows);
    });
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(secret.slice(12)); // nor the part after the shown prefix
    const stored = await db().prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored.secretHash).toBe(hashApiTokenSecret(secret));
  });

  it("lists tokens without secrets or hashes, and records creation and revocation in the audit log", async () => {
    const { token, secret } = await createApiToken(await ctx(), { name: "Jenkins", role: "viewer", expiresInDays: 7 });
    const listed = await listApiTokens(await ctx());
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(Object.keys(listed[0]!)).not.toContain("secretHash");
    expect(listed[0]).toMatchObject({ name: "Jenkins", role: "viewer", createdBy: "Ada Admin", revokedAt: null });

    await revokeApiToken(await ctx(), token.id);
    const events = await db().prisma.auditEvent.findMany({ where: { entityId: token.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.action, e.actorName])).toEqual([
      ["token.create", "Ada Admin"],
      ["token.revoke", "Ada Admin"],
    ]);
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it("authenticates a valid token with its role and records when it was used", async () => {
    const { token, secret } = await createApiToken(await ctx(), {
      name: "CI",
      role: "delivery_lead",
      expiresInDays: 1,
    });
    const actor = await resolveActor(db(), bearer(secret), new Date());
    expect(actor).toEqual({ kind: "token", id: token.id, name: 'token "CI"', role: "delivery_lead" });
    const stored = await db().prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it("refuses expired, revoked and unknown tokens with the reason", async () => {
    const created = new Date("2026-01-01T00:00:00.000Z");
    const { secret: expired } = await createApiToken(
      await ctx(),
      { name: "old", role: "admin", expiresInDays: 1 },
      created,
    );
    const { token, secret: revoked } = await createApiToken(await ctx(), {
      name: "leaked",
      role: "admin",
      expiresInDays: 30,
    });
    await revokeApiToken(await ctx(), token.id);

    const reasons = await Promise.all(
      [expired, revoked, "agp_unknown"].map(async (secret) => {
        const result = await resolveActor(db(), bearer(secret), new Date());
        return isAuthFailure(result) ? result.failure : "accepted";
      }),
    );
    expect(reasons[0]).toBe('The API token "old" expired on 2026-01-02T00:00:00.000Z.');
    expect(reasons[1]).toMatch(/^The API token "leaked" was revoked on /);
    expect(reasons[2]).toBe("The API token is not valid.");
  });

  it("validates input naming the field: name, role and a mandatory, bounded expiry", async () => {
    const attempt = (input: unknown) => createApiToken({ db: db(), actor: admin, origin: "api" }, input);
    await ctx();
    await expect(attempt({ name: " ", role: "viewer", expiresInDays: 30 })).rejects.toMatchObject({
      status: 400,
      message: "name: name cannot be empty",
    });
    await expect(attempt({ name: "x", role: "root", expiresInDays: 30 })).rejects.toMatchObject({ status: 400 });
    await expect(attempt({ name: "x", role: "viewer" })).rejects.toMatchObject({
      status: 400,
      message: "expiresInDays: expiresInDays must be a number of days",
    });
    await expect(attempt({ name: "x", role: "viewer", expiresInDays: 4000 })).rejects.toMatchObject({
      message: "expiresInDays: expiresInDays must be at most 366: every token expires",
    });
    expect(await db().prisma.apiToken.count()).toBe(0);
  });

  it("lets only signed-in administrators manage tokens: not architects, not tokens", async () => {
    const architect: Actor = { kind: "user", id: "okta|archie", name: "Archie", role: "architect" };
    await expect(listApiTokens(await ctx(architect))).rejects.toMatchObject({ status: 403 });
    const adminToken: Actor = { kind: "token", id: "t1", name: 'token "ci"', role: "admin" };
    await expect(
      createApiToken({ db: db(), actor: adminToken, origin: "api" }, { name: "x", role: "admin", expiresInDays: 1 }),
    ).rejects.toMatchObject({
      status: 403,
      message: "API tokens are managed by signed-in administrators, not by tokens.",
    });
  });

  it("answers 409 for a second revocation and 404 for an unknown token", async () => {
    const { token } = await createApiToken(await ctx(), { name: "twice", role: "viewer", expiresInDays: 3 });
    await revokeApiToken(await ctx(), token.id);
    await expect(revokeApiToken(await ctx(), token.id)).rejects.toMatchObject({ status: 409 });
    await expect(revokeApiToken(await ctx(), "5b0c9a9e-0000-4000-8000-000000000000")).rejects.toMatchObject({
      status: 404,
    });
    await expect(revokeApiToken(await ctx(), "not-a-uuid")).rejects.toMatchObject({ status: 404 });
  });
});
