import { createHash, randomBytes } from "node:crypto";

/** API token secrets start with this, so that scanners and people recognise them. */
export const API_TOKEN_PREFIX = "agp_";
const PREFIX_SHOWN = API_TOKEN_PREFIX.length + 8;

/** A new token secret (256 random bits) and the parts stored of it: a short prefix and a hash. */
export function generateApiTokenSecret(): { secret: string; prefix: string; secretHash: string } {
  const secret = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { secret, prefix: secret.slice(0, PREFIX_SHOWN), secretHash: hashApiTokenSecret(secret) };
}

/**
 * The stored form of a secret. A fast hash is enough: the secret is 256 random bits, so there
 * is nothing to guess, unlike a password.
 */
export function hashApiTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Tells whether an Authorization header value carries one of our tokens. */
export function readBearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1] ?? null;
}
