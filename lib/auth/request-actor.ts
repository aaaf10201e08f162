import "server-only";
import type { Actor } from "@/lib/domain/access";

/**
 * The actor of the current request. Until sign-in lands (issue: Okta sign-in), every visitor
 * is an anonymous viewer: they can read, and every write is refused by the services.
 */
export async function getRequestActor(): Promise<Actor> {
  return { kind: "anonymous", id: "anonymous", name: "Anonymous visitor", role: "viewer" };
}
