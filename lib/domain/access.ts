import { z } from "zod";

/** Roles, lowest to highest; a user in several mapped groups gets the highest. */
export const roleSchema = z.enum(["viewer", "delivery_lead", "architect", "admin"]);
export type Role = z.infer<typeof roleSchema>;

/** Who is acting: a signed-in user, an API token, the system itself, or nobody signed in yet. */
export type Actor = {
  kind: "user" | "token" | "system" | "anonymous";
  id: string;
  name: string;
  role: Role;
};

/** What an actor may do; services check one of these before every read and write. */
export const permissionRoles = {
  "workspace:read": ["viewer", "delivery_lead", "architect", "admin"],
  "workspace:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles;

/** Tells whether an actor's role grants a permission. */
export function can(actor: Actor, permission: Permission): boolean {
  return (permissionRoles[permission] as readonly Role[]).includes(actor.role);
}

/** The actor for work the portal does on its own (start-up, schedules). */
export const systemActor: Actor = { kind: "system", id: "system", name: "Portal", role: "admin" };
