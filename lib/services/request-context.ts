import "server-only";
import { headers as requestHeaders } from "next/headers";
import { cache } from "react";
import { isAuthFailure, resolveActor } from "@/lib/auth/actor";
import type { AuditOrigin } from "@/lib/db/audit-repository";
import { getDatabase } from "@/lib/db/connection";
import { getEnv } from "@/lib/env";
import type { ServiceContext } from "@/lib/services/context";
import { ServiceError } from "@/lib/services/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Raised when a request carries no valid credentials; pages send the visitor to sign in. */
export class UnauthenticatedError extends ServiceError {
  constructor(reason: string) {
    super(401, "unauthenticated", reason);
  }
}

async function contextFor(headers: Headers, origin: AuditOrigin): Promise<ServiceContext> {
  const db = await getDatabase();
  const actor = await resolveActor(db, headers, new Date());
  if (isAuthFailure(actor)) throw new UnauthenticatedError(actor.failure);
  return { db, actor, origin };
}

/**
 * The context of the page or server component being rendered (session cookie), resolved once per
 * request: the layout and the page both ask, and each resolution decrypts the session and reads
 * the role mapping.
 */
export const getPageContext = cache(async (): Promise<ServiceContext> => contextFor(await requestHeaders(), "ui"));

/**
 * The context of a REST request: an API token or the session cookie. A cookie-authenticated
 * change must come from the portal's own pages (Origin check), so another site cannot make a
 * signed-in browser change anything (CSRF); token requests carry no ambient credentials.
 */
export async function getApiContext(request: Request): Promise<ServiceContext> {
  const ctx = await contextFor(request.headers, "api");
  if (ctx.actor.kind !== "user") return ctx;
  if (!SAFE_METHODS.has(request.method.toUpperCase())) assertSameOrigin(request.headers);
  return { ...ctx, origin: "ui" };
}

/** Refuses a cookie-authenticated change that does not come from the portal's own pages (CSRF). */
export function assertSameOrigin(headers: Headers): void {
  const expected = new URL(getEnv().auth.url).origin;
  const origin = headers.get("origin");
  if (origin ? origin === expected : headers.get("sec-fetch-site") === "same-origin") return;
  throw new ServiceError(
    403,
    "cross_site_request",
    `Refused a change requested from ${origin ?? "an unknown origin"}: changes must come from ${expected}.`,
  );
}
