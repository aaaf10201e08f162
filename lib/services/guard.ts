import { can, type Actor, type Permission } from "@/lib/domain/access";
import { forbidden } from "@/lib/services/errors";

/** Refuses the call unless the actor's role grants the permission (checked in every service). */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw forbidden(`${actor.name} (role ${actor.role}) may not ${permission.replace(":", " ")}`);
  }
}
