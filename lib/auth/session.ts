import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
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

/** The clock tolerance Auth.js decodes with: a token is accepted until 15 s after its expiry. */
const clockToleranceMs = 15_000;

/**
 * Auth.js's decode, remembering the claims of the tokens it decrypted last. Decrypting costs a
 * key derivation and a decryption (~1.5 ms) and the proxy and the page both read the session of
 * every request; a token always decrypts to the same claims, so a remembered token is only
 * checked for expiry again. Failures are not remembered.
 */
export function rememberingDecode(
  inner: (params: JWTDecodeParams) => Promise<JWT | null> = decode,
  options: { max?: number; now?: () => number } = {},
): (params: JWTDecodeParams) => Promise<JWT | null> {
  const max = options.max ?? 1_000;
  const now = options.now ?? Date.now;
  const recent = new Map<string, JWT>();
  return async (params) => {
    if (!params.token) return null;
    const key = [...[params.secret].flat(), params.salt, params.token].join("\u0000");
    const known = recent.get(key);
    if (known) {
      if (typeof known.exp === "number" && known.exp * 1000 + clockToleranceMs <= now()) {
        recent.delete(key);
        return null;
      }
      // A copy: a caller changing its claims must not change what the next request reads.
      return { ...known };
    }
    const claims = await inner(params);
    if (claims) {
      // The oldest entry goes first (a Map iterates in insertion order).
      if (recent.size >= max) recent.delete(recent.keys().next().value!);
      recent.set(key, { ...claims });
    }
    return claims;
  };
}

const decodeSession = rememberingDecode();

/** Reads and verifies the session JWT of a request (null without a valid session). */
export async function readSessionClaims(headers: Headers): Promise<SessionClaims | null> {
  const { auth } = getEnv();
  const claims = await getToken({
    req: { headers },
    secret: auth.secret,
    secureCookie: auth.secureCookies,
    salt: sessionCookieName(auth.secureCookies),
    cookieName: sessionCookieName(auth.secureCookies),
    decode: decodeSession,
  });
  return claims as SessionClaims | null;
}
