import { idpURL } from "../playwright.config";
import { expect, signIn, signOut, submitIdpLogin, test } from "./fixtures";

test("an unsigned visitor is sent to sign in and comes back to the page asked for", async ({ page }) => {
  await page.goto("/w/default/findings");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fw%2Fdefault%2Ffindings$/);
  await expect(page.getByText("Demo accounts")).toHaveCount(0); // production mode shows no demo accounts
  await page.getByRole("button", { name: "Sign in with Okta" }).click();
  await expect(page).toHaveURL(new RegExp(`^${idpURL}/interaction/`));
  await submitIdpLogin(page, "archie");
  await expect(page).toHaveURL(/\/w\/default\/findings$/);
  await expect(page.getByTestId("current-user")).toHaveText("Archie Architect architect");
});

test("a wrong password stays on the identity provider with an error", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Okta" }).click();
  await submitIdpLogin(page, "archie", "not-the-password");
  await expect(page).toHaveURL(new RegExp(`^${idpURL}/interaction/`));
  await expect(page.getByRole("alert")).toHaveText("Wrong username or password.");
  // The portal has no session.
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});

test("sign-out ends the identity provider's session too: revisiting asks for the password again", async ({ page }) => {
  await signIn(page, "della", "/w/default");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signed-out$/);
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  await expect(page.getByText("You are signed out of the portal and of Okta.")).toBeVisible();
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);

  await page.goto("/w/default");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("button", { name: "Sign in with Okta" }).click();
  await expect(page).toHaveURL(new RegExp(`^${idpURL}/interaction/`));
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("roles come from Okta groups: several groups give the highest, none gives viewer", async ({ page }) => {
  await signIn(page, "mira", "/w/default");
  await expect(page.getByTestId("current-user")).toHaveText("Mira Multi architect");
  await signOut(page);
  await signIn(page, "nora", "/w/default");
  await expect(page.getByTestId("current-user")).toHaveText("Nora Nogroup viewer");
});

test("a delivery lead finds no settings controls; an admin does", async ({ page }) => {
  await signIn(page, "della", "/w/default/settings");
  await expect(page.getByRole("heading", { name: "Settings are managed by administrators" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Save mapping|Create token/ })).toHaveCount(0);
  await expect(page.getByRole("textbox")).toHaveCount(0);
  expect((await page.request.get("/api/v1/tokens")).status()).toBe(403);

  await signOut(page);
  await signIn(page, "ada", "/w/default/settings");
  await expect(page.getByRole("button", { name: "Save mapping" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create token" })).toBeVisible();
});

test("an admin creates an API token, sees its secret once, CI uses it, and revoking it stops it", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page, "ada", "/w/default/settings");
  await page.getByLabel("Name", { exact: true }).fill("GitHub Actions e2e");
  await page.getByLabel("Role", { exact: true }).selectOption("delivery_lead");
  await page.getByLabel("Expires in").selectOption("30");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Copy it now: it will not be shown again.")).toBeVisible();
  const secret = await page.getByLabel("New token").inputValue();
  expect(secret).toMatch(/^agp_/);
  const row = page.getByRole("row", { name: /GitHub Actions e2e/ });
  await expect(row).toContainText("delivery lead");
  await expect(row).toContainText("active");

  // A pipeline: no cookies, only the token.
  const ci = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  const me = await ci.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ kind: "token", role: "delivery_lead", name: 'token "GitHub Actions e2e"' });
  expect((await ci.get("/api/v1/tokens")).status()).toBe(403); // role and kind both refuse

  // The secret is never shown again: not in the page after reload, not in the list API.
  await page.reload();
  await expect(page.getByLabel("New token")).toHaveCount(0);
  expect(await (await page.request.get("/api/v1/tokens")).text()).not.toContain(secret);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Revoke GitHub Actions e2e" }).click();
  await expect(page.getByRole("row", { name: /GitHub Actions e2e/ })).toContainText("revoked");
  const refused = await ci.get("/api/v1/me");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toMatch(/was revoked on/);
  await ci.dispose();
});

test("a cookie-authenticated change from another origin is refused (CSRF)", async ({ page }) => {
  await signIn(page, "ada", "/w/default");
  const forged = await page.request.post("/api/v1/tokens", {
    headers: { Origin: "http://evil.example" },
    data: { name: "forged", role: "admin", expiresInDays: 30 },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe("cross_site_request");
  const tokens = await (await page.request.get("/api/v1/tokens")).json();
  expect(tokens.items.map((t: { name: string }) => t.name)).not.toContain("forged");
});

test("pages carry a nonce-based CSP the app works under, and refuse framing", async ({ page }) => {
  await signIn(page, "vic", "/w/default");
  const response = await page.goto("/w/default/findings");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain(`form-action 'self' ${idpURL}`);
  expect(response?.headers()["x-frame-options"]).toBe("DENY");
  expect(response?.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Client-side navigation works, so the scripts ran under the policy.
  await page.getByRole("link", { name: "Decisions" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Decisions");
});
