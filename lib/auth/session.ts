import { getToken } from "next-auth/jwt";
import { getEnv } from "@/lib/env";

/** Session claims kept in the Auth.js JWT (see lib/auth/auth.ts). */
export type SessionClaims = {
  sub?: string;
  name?: string | null;
  email?: string | null;
  groups?: unknown;
  idToken?: string;
};

/** The name of the session cookie, which depends on whether the portal is served over https. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}

/** Reads and verifies the session JWT of a request (null without a valid session). */
export async function readSessionClaims(headers: Headers): Promise<SessionClaims | null> {
  const { auth } = getEnv();
  const claims = await getToken({
    req: { headers },
    secret: auth.secret,
    secureCookie: auth.secureCookies,
    salt: sessionCookieName(auth.secureCookies),
    cookieName: sessionCookieName(auth.secureCookies),
  });
  return claims as SessionClaims | null;
}
