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

test("the API describes itself: OpenAPI 3.1 at /api/v1/openapi.json and a readable reference at /api/docs", async ({
  page,
  request,
}) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths["/api/v1/workspaces/{workspace}/check"]!)).toEqual(["get", "post"]);

  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Anypoint Governance Portal API");
  await expect(page.getByRole("heading", { name: "Pipelines", level: 2 })).toBeVisible();
  const check = page.locator("section.op", { hasText: "/api/v1/workspaces/{workspace}/check" }).first();
  await expect(check).toContainText("Roles: viewer, delivery_lead, architect, admin.");
  // Its own stylesheet applies (inline, allowed by its CSP); nothing else loads.
  expect(await page.locator("header").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(6, 42, 79)");
  // The rest of the API keeps the strict policy.
  for (const path of [
    "/api/v1/openapi.json",
    "/api/v1/workspaces/default/check",
    "/api/v1/workspaces/default/findings",
  ])
    expect((await request.get(path)).headers()["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
});
