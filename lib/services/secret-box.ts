import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// AES-256-GCM with a random 96-bit IV per value; the key is SHA-256 of AGP_SECRET_KEY so that any
// 32+ character secret works. The stored form names its version, so the scheme can change later.
const version = "v1";

const keyOf = (secretKey: string) => createHash("sha256").update(secretKey, "utf8").digest();

/** Encrypts a secret for storage: "v1:<iv>:<tag>:<ciphertext>" (base64url parts). */
export function sealSecret(plain: string, secretKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secretKey), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    version,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    data.toString("base64url"),
  ].join(":");
}

/** Decrypts what sealSecret stored; throws when the key is not the one it was sealed with. */
export function openSecret(sealed: string, secretKey: string): string {
  const [tag, iv, auth, data] = sealed.split(":");
  if (tag !== version || !iv || !auth || data === undefined) throw new Error("not a sealed secret");
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(secretKey), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(auth, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("the stored secret cannot be decrypted with the current AGP_SECRET_KEY (was the key changed?)");
  }
}
