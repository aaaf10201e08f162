import { describe, expect, it } from "vitest";
import { can, resolveRole, roleMappingSchema, roleSchema, type RoleMapping } from "@/lib/domain/access";

const mapping: RoleMapping = {
  admin: ["okta-platform-admins"],
  architect: ["okta-architects", "okta-integration-leads"],
  delivery_lead: ["okta-delivery"],
  viewer: ["okta-everyone"],
};

describe("resolveRole", () => {
  it("maps a user's group to its role", () => {
    expect(resolveRole(["okta-architects"], mapping)).toBe("architect");
    expect(resolveRole(["okta-delivery"], mapping)).toBe("delivery_lead");
    expect(resolveRole(["okta-platform-admins"], mapping)).toBe("admin");
  });

  it("makes a user in no mapped group a viewer", () => {
    expect(resolveRole([], mapping)).toBe("viewer");
    expect(resolveRole(["contractors", "OKTA-ARCHITECTS"], mapping)).toBe("viewer");
  });

  it("gives a user in several mapped groups the highest role, whatever the order", () => {
    expect(resolveRole(["okta-delivery", "okta-integration-leads", "okta-everyone"], mapping)).toBe("architect");
    expect(resolveRole(["okta-platform-admins", "okta-delivery"], mapping)).toBe("admin");
    expect(resolveRole(["okta-everyone", "okta-delivery"], mapping)).toBe("delivery_lead");
  });

  it("gives nothing for a role whose group list is empty", () => {
    expect(resolveRole(["okta-platform-admins"], { ...mapping, admin: [] })).toBe("viewer");
  });
});

describe("roleMappingSchema", () => {
  it("trims group names and accepts a valid mapping", () => {
    const parsed = roleMappingSchema.parse({ ...mapping, viewer: ["  okta-everyone "] });
    expect(parsed.viewer).toEqual(["okta-everyone"]);
  });

  it("refuses a group mapped to two roles, naming the group and both roles", () => {
    const result = roleMappingSchema.safeParse({ ...mapping, viewer: ["okta-architects"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["viewer", 0],
      message: 'group "okta-architects" is already mapped to architect; a group maps to one role',
    });
  });

  it("refuses empty group names", () => {
    const result = roleMappingSchema.safeParse({ ...mapping, admin: ["  "] });
    expect(result.error?.issues[0]).toMatchObject({ path: ["admin", 0], message: "a group name cannot be empty" });
  });
});

describe("can", () => {
  const who = (permission: Parameters<typeof can>[1]) => roleSchema.options.filter((role) => can({ role }, permission));

  it("follows DESIGN.md section 2", () => {
    expect(who("workspace:read")).toEqual(["viewer", "delivery_lead", "architect", "admin"]);
    expect(who("waiver:request")).toEqual(["delivery_lead", "architect", "admin"]);
    expect(who("decision:review")).toEqual(["delivery_lead", "architect", "admin"]);
    expect(who("spec:edit")).toEqual(["architect", "admin"]);
    expect(who("decision:edit")).toEqual(["architect", "admin"]);
    expect(who("convention:edit")).toEqual(["architect", "admin"]);
    expect(who("waiver:grant")).toEqual(["architect", "admin"]);
    expect(who("settings:manage")).toEqual(["admin"]);
    expect(who("connection:manage")).toEqual(["admin"]);
    expect(who("tokens:manage")).toEqual(["admin"]);
    expect(who("roles:manage")).toEqual(["admin"]);
  });
});
