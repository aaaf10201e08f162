import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { demoAccounts } from "../lib/auth/local-idp/demo-accounts";

export { expect };

/** Fails on serious or critical WCAG 2.1 A/AA violations of the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  // Check a settled document: a client refresh streams the new <head> in after the body, and
  // axe would otherwise report the moment in between as a page without a title.
  // A page that really has no title still gets axe's report below, after at most 5 s.
  await page
    .waitForFunction(() => document.readyState === "complete" && document.title.trim() !== "", undefined, {
      timeout: 5_000,
    })
    .catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
    }));
  expect(blocking, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Types a demo account's credentials into the identity provider's login form. */
export async function submitIdpLogin(page: Page, username: string, password?: string): Promise<void> {
  const account = demoAccounts.find((a) => a.username === username);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password ?? account?.password ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in through the whole OpenID Connect flow: portal sign-in page, the identity provider's
 * login form, and back to `path`.
 */
export async function signIn(page: Page, username: string, path = "/"): Promise<void> {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByRole("button", { name: "Sign in with Okta" }).click();
  await submitIdpLogin(page, username);
  await page.waitForURL((url) => url.port === new URL(page.url()).port && !url.pathname.startsWith("/sign-in"));
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** Signs out from the shell and waits until the identity provider sent the browser back. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/signed-out/);
}

/**
 * Every e2e test gets a page whose `goto` runs the accessibility check after loading, and whose
 * final state is checked too (covering navigation by clicks). Only the portal's pages are
 * checked: the identity provider stands in for Okta's own pages.
 */
export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const ours = (url: string) => !!baseURL && url.startsWith(new URL(baseURL).origin);
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (ours(page.url())) await expectAccessible(page);
      return response;
    };
    await use(page);
    if (ours(page.url())) await expectAccessible(page);
  },
});
