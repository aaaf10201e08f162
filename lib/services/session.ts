import { readSessionClaims, sessionCookieName } from "@/lib/auth/session";
import { recordSignOut } from "@/lib/auth/sign-in-events";
import { buildSignOutRedirect } from "@/lib/auth/sign-out";
import { getDatabase } from "@/lib/db/connection";
import { getEnv } from "@/lib/env";
import { assertSameOrigin } from "@/lib/services/request-context";

/**
 * Signs the requester out: records it, and returns where to send the browser (the identity
 * provider's end_session_endpoint, so the Okta session ends too) and the cookies to clear.
 */
export async function signOut(headers: Headers): Promise<{ location: string; clearCookies: string[] }> {
  assertSameOrigin(headers);
  const claims = await readSessionClaims(headers);
  if (claims?.sub) {
    await recordSignOut(await getDatabase(), { subject: claims.sub, name: claims.name ?? claims.sub });
  }
  const { secureCookies } = getEnv().auth;
  // Auth.js splits a large session into name.0, name.1, …: clear every part present.
  const name = sessionCookieName(secureCookies);
  const present = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("=")[0] ?? "")
    .filter((cookie) => cookie.startsWith(`${name}.`));
  const attributes = `Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secureCookies ? "; Secure" : ""}`;
  return {
    location: await buildSignOutRedirect(claims?.idToken),
    clearCookies: [name, ...present].map((cookie) => `${cookie}=; ${attributes}`),
  };
}
