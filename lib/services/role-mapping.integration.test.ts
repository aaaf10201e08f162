import { describe, expect, it } from "vitest";
import { resolveActor } from "@/lib/auth/actor";
import { encode } from "next-auth/jwt";
import type { Actor, RoleMapping } from "@/lib/domain/access";
import { getEnv } from "@/lib/env";
import { getRoleMapping, updateRoleMapping } from "@/lib/services/role-mapping";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const admin: Actor = { kind: "user", id: "okta|ada", name: "Ada", role: "admin", groups: ["agp-admins", "everyone"] };
const mapping: RoleMapping = {
  admin: ["agp-admins"],
  architect: ["okta-architects"],
  delivery_lead: ["everyone"],
  viewer: [],
};

async function sessionHeaders(groups: string[]): Promise<Headers> {
  const jwt = await encode({
    token: { sub: "okta|someone", name: "Someone", groups },
    secret: getEnv().auth.secret,
    salt: "authjs.session-token",
  });
  return new Headers({ cookie: `authjs.session-token=${jwt}` });
}

describe(`role mapping on ${testEngine}`, () => {
  const db = useTestDatabase();
  const ctx = (actor: Actor = admin) => ({ db: db(), actor, origin: "ui" as const });

  it("starts from the environment's defaults, version 0", async () => {
    expect(await getRoleMapping(ctx())).toEqual({
      mapping: getEnv().auth.defaultRoleGroups,
      version: 0,
      source: "environment",
    });
  });

  it("applies a saved mapping to the next request of a signed-in user", async () => {
    const headers = await sessionHeaders(["everyone"]);
    expect(await resolveActor(db(), headers, new Date())).toMatchObject({ role: "viewer" });
    const saved = await updateRoleMapping(ctx(), { mapping, version: 0 });
    expect(saved).toEqual({ mapping, version: 1, source: "settings" });
    expect(await resolveActor(db(), headers, new Date())).toMatchObject({ role: "delivery_lead", name: "Someone" });
    const [event] = await db().prisma.auditEvent.findMany({ where: { action: "setting.update" } });
    expect(event).toMatchObject({ actorName: "Ada", entityId: "role-mapping" });
  });

  it("answers 409 with the current mapping when someone saved first, and keeps theirs", async () => {
    await updateRoleMapping(ctx(), { mapping, version: 0 });
    const stale = updateRoleMapping(ctx(), { mapping: { ...mapping, viewer: ["late"] }, version: 0 });
    await expect(stale).rejects.toMatchObject({ status: 409, details: { current: { version: 1, mapping } } });
    expect((await getRoleMapping(ctx())).mapping).toEqual(mapping);
  });

  it("refuses a mapping that would lock the editing administrator out", async () => {
    const attempt = updateRoleMapping(ctx(), { mapping: { ...mapping, admin: ["someone-else"] }, version: 0 });
    await expect(attempt).rejects.toMatchObject({ status: 400 });
    await expect(attempt).rejects.toThrow(
      /mapping.admin: none of your groups \(agp-admins, everyone\) would be an administrator/,
    );
    expect((await getRoleMapping(ctx())).version).toBe(0);
  });

  it("refuses a group mapped twice, naming the field", async () => {
    const attempt = updateRoleMapping(ctx(), { mapping: { ...mapping, viewer: ["agp-admins"] }, version: 0 });
    await expect(attempt).rejects.toMatchObject({
      status: 400,
      details: {
        fields: [
          {
            field: "mapping.viewer.0",
            message: 'group "agp-admins" is already mapped to admin; a group maps to one role',
          },
        ],
      },
    });
  });

  it("is for administrators only", async () => {
    const architect: Actor = { kind: "user", id: "okta|archie", name: "Archie", role: "architect" };
    await expect(getRoleMapping(ctx(architect))).rejects.toMatchObject({ status: 403 });
    await expect(updateRoleMapping(ctx(architect), { mapping, version: 0 })).rejects.toMatchObject({ status: 403 });
  });
});
