import { expect, test } from "@playwright/test";

test("the REST API answers 401 with the reason and a Bearer challenge without credentials", async ({ request }) => {
  const response = await request.get("/api/v1/workspaces");
  expect(response.status()).toBe(401);
  expect(response.headers()["www-authenticate"]).toContain("Bearer");
  expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to continue." } });
});

test("a made-up token is refused", async ({ request }) => {
  const response = await request.get("/api/v1/me", { headers: { Authorization: "Bearer agp_made-up" } });
  expect(response.status()).toBe(401);
  expect((await response.json()).error.message).toBe("The API token is not valid.");
});

test("an unknown API path answers 404", async ({ request }) => {
  const response = await request.get("/api/v1/no-such-thing");
  expect(response.status()).toBe(404);
});

test("API responses carry a restrictive CSP and nosniff", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
