import { decode, encode, type JWTDecodeParams } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { rememberingDecode } from "@/lib/auth/session";

const secret = "a-test-secret-of-at-least-thirty-two-characters";
const salt = "authjs.session-token";

describe("rememberingDecode", () => {
  const counting = () => {
    const calls: string[] = [];
    const inner = async (params: JWTDecodeParams) => {
      calls.push(params.token ?? "");
      return decode(params);
    };
    return { calls, inner };
  };

  it("decrypts a token once and answers the same claims again", async () => {
    const { calls, inner } = counting();
    const read = rememberingDecode(inner);
    const token = await encode({ token: { sub: "okta|ada", groups: ["agp-admins"] }, secret, salt });
    const first = await read({ token, secret, salt });
    expect(first).toMatchObject({ sub: "okta|ada", groups: ["agp-admins"] });
    const again = await read({ token, secret, salt });
    expect(again).toEqual(first);
    expect(calls).toHaveLength(1);
    // What callers do with their claims stays theirs.
    first!.name = "changed by a caller";
    again!.sub = "okta|mallory";
    const third = await read({ token, secret, salt });
    expect(third).toMatchObject({ sub: "okta|ada", groups: ["agp-admins"] });
    expect(third).not.toHaveProperty("name");
  });

  it("refuses a remembered token once it has expired", async () => {
    let clock = Date.now();
    const read = rememberingDecode(decode, { now: () => clock });
    const token = await encode({ token: { sub: "okta|ada" }, secret, salt, maxAge: 60 });
    expect(await read({ token, secret, salt })).toMatchObject({ sub: "okta|ada" });
    clock += 60_000 + 16_000;
    expect(await read({ token, secret, salt })).toBeNull();
  });

  it("does not remember a token that does not decrypt, nor one of another salt", async () => {
    const { calls, inner } = counting();
    const read = rememberingDecode(inner);
    const token = await encode({ token: { sub: "okta|ada" }, secret, salt });
    await expect(read({ token, secret: "another-secret-of-at-least-thirty-two-chars", salt })).rejects.toThrow();
    await expect(read({ token, secret, salt: "__Secure-authjs.session-token" })).rejects.toThrow();
    expect(await read({ token, secret, salt })).toMatchObject({ sub: "okta|ada" });
    // Remembered with one secret, the token is decrypted again, and refused, with another.
    await expect(read({ token, secret: "another-secret-of-at-least-thirty-two-chars", salt })).rejects.toThrow();
    expect(calls).toHaveLength(4);
  });

  it("keeps at most `max` tokens, forgetting the oldest", async () => {
    const { calls, inner } = counting();
    const read = rememberingDecode(inner, { max: 2 });
    const tokens = await Promise.all(["a", "b", "c"].map((sub) => encode({ token: { sub }, secret, salt })));
    for (const token of tokens) await read({ token, secret, salt });
    await read({ token: tokens[2], secret, salt });
    await read({ token: tokens[0], secret, salt });
    expect(calls).toEqual([tokens[0], tokens[1], tokens[2], tokens[0]]);
  });
});
