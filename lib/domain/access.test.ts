import { describe, expect, it } from "vitest";
import { can, roleSchema, type Actor } from "@/lib/domain/access";

const actor = (role: Actor["role"]): Actor => ({ kind: "user", id: role, name: role, role });

describe("can", () => {
  it("lets every role read a workspace", () => {
    for (const role of roleSchema.options) expect(can(actor(role), "workspace:read")).toBe(true);
  });

  it("keeps workspace management to admins", () => {
    expect(roleSchema.options.filter((role) => can(actor(role), "workspace:manage"))).toEqual(["admin"]);
  });
});
