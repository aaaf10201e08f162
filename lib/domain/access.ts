import { z } from "zod";

/** Roles, lowest to highest; a user in several mapped groups gets the highest. */
export const roleSchema = z.enum(["viewer", "delivery_lead", "architect", "admin"]);
export type Role = z.infer<typeof roleSchema>;

const rank: Record<Role, number> = { viewer: 0, delivery_lead: 1, architect: 2, admin: 3 };

/** Who is acting: a signed-in user, an API token, or the portal itself. */
export type Actor = {
  kind: "user" | "token" | "system";
  /** Okta subject for users, token id for tokens. */
  id: string;
  name: string;
  role: Role;
  /** A user's Okta groups (what their role was computed from). */
  groups?: readonly string[];
};

const readers: readonly Role[] = ["viewer", "delivery_lead", "architect", "admin"];
const leads: readonly Role[] = ["delivery_lead", "architect", "admin"];
const architects: readonly Role[] = ["architect", "admin"];
const admins: readonly Role[] = ["admin"];

/** What each role may do (DESIGN.md section 2); services check one of these on every call. */
export const permissionRoles = {
  "workspace:read": readers,
  "spec:edit": architects,
  "decision:edit": architects,
  "decision:review": leads,
  "convention:edit": architects,
  "waiver:request": leads,
  "waiver:grant": architects,
  "sync:run": architects,
  "evaluation:run": leads,
  "workspace:manage": admins,
  "settings:manage": admins,
  "connection:manage": admins,
  "tokens:manage": admins,
  "roles:manage": admins,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles;

/** Tells whether an actor's role grants a permission. */
export function can(actor: Pick<Actor, "role">, permission: Permission): boolean {
  return permissionRoles[permission].includes(actor.role);
}

/** The higher of two roles. */
export function higherRole(a: Role, b: Role): Role {
  return rank[a] >= rank[b] ? a : b;
}

const groupName = z
  .string()
  .trim()
  .min(1, { error: "a group name cannot be empty" })
  .max(256, { error: "a group name has at most 256 characters" });

/** Okta groups per role; edited by administrators in Settings. */
export const roleMappingSchema = z
  .object({
    admin: z.array(groupName).max(100),
    architect: z.array(groupName).max(100),
    delivery_lead: z.array(groupName).max(100),
    viewer: z.array(groupName).max(100),
  })
  .superRefine((mapping, ctx) => {
    const seen = new Map<string, Role>();
    // Highest role first, so that the duplicate is reported where it has no effect.
    for (const role of [...roleSchema.options].reverse()) {
      mapping[role].forEach((group, index) => {
        const earlier = seen.get(group);
        if (earlier) {
          ctx.addIssue({
            code: "custom",
            path: [role, index],
            message: `group "${group}" is already mapped to ${earlier}; a group maps to one role`,
          });
        }
        seen.set(group, role);
      });
    }
  });
export type RoleMapping = z.infer<typeof roleMappingSchema>;

/**
 * The role of a user from their Okta groups: the highest role any of their groups maps to,
 * viewer when none does (nobody gets more than the mapping gives).
 */
export function resolveRole(groups: readonly string[], mapping: RoleMapping): Role {
  const member = new Set(groups);
  let role: Role = "viewer";
  for (const candidate of roleSchema.options) {
    if (mapping[candidate].some((group) => member.has(group))) role = higherRole(role, candidate);
  }
  return role;
}

/** The actor for work the portal does on its own (start-up, schedules). */
export const systemActor: Actor = { kind: "system", id: "system", name: "Portal", role: "admin" };
