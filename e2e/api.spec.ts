import { expect, test } from "@playwright/test";

test("GET /api/v1/workspaces lists the workspaces as JSON", async ({ request }) => {
  const response = await request.get("/api/v1/workspaces");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.items).toEqual([
    expect.objectContaining({ slug: "default", name: "Default workspace", version: 1, id: expect.any(String) }),
  ]);
});

test("an unknown API path answers 404", async ({ request }) => {
  const response = await request.get("/api/v1/no-such-thing");
  expect(response.status()).toBe(404);
});
