import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "@/lib/services/secret-box";

const key = "k".repeat(32);

describe("secret box", () => {
  it("round-trips a secret and never stores it in the clear", () => {
    const sealed = sealSecret("client-secret-value", key);
    expect(sealed).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(sealed).not.toContain("client-secret-value");
    expect(openSecret(sealed, key)).toBe("client-secret-value");
  });

  it("seals the same secret differently each time (random IV)", () => {
    expect(sealSecret("same", key)).not.toBe(sealSecret("same", key));
  });

  it("refuses another key and tampered data, saying why", () => {
    const sealed = sealSecret("value", key);
    expect(() => openSecret(sealed, "z".repeat(32))).toThrow(/cannot be decrypted with the current AGP_SECRET_KEY/);
    const parts = sealed.split(":");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => openSecret(parts.join(":"), key)).toThrow(/cannot be decrypted/);
    expect(() => openSecret("plain", key)).toThrow(/not a sealed secret/);
  });
});
