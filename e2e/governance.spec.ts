import type { Browser, Page } from "@playwright/test";
import { northwindCredentials } from "../lib/fixtures/northwind/estate";
import { baseURL, simulatorURL } from "../playwright.config";
import { expect, expectAccessible, signIn, test } from "./fixtures";

const ws = "governance-e2e";
const api = (path: string) => `/api/v1/workspaces/${ws}${path}`;
const origin = { origin: baseURL };

async function openAs(browser: Browser, username: string, path: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signIn(page, username, path);
  return page;
}

test("the rules run after a sync and a spec change; the dashboard, findings, convention tester and waivers work", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "ada", "/w/default/settings");
  expect(
    (await page.request.post("/api/v1/workspaces", { headers: origin, data: { name: "Governance E2E" } })).status(),
  ).toBe(201);
  const connect = await page.request.put(api("/connection"), {
    headers: origin,
    data: { controlPlane: "custom", baseUrl: simulatorURL, ...northwindCredentials, version: 0 },
  });
  expect(connect.status()).toBe(200);
  expect((await page.request.post(api("/syncs"), { headers: origin, data: {} })).status()).toBe(202);

  // An architect adds a naming convention, trying names in the tester first.
  const archie = await openAs(browser, "archie", `/w/${ws}/specification/naming-convention`);
  const tester = archie.getByRole("region", { name: "Test a name" });
  await tester.getByLabel("Pattern").fill("{company}-{env:dev|prd}-{api}");
  await tester.getByLabel("Name to test").fill("nwf-prod-orders");
  await expect(tester.getByRole("status")).toContainText(
    'after "nwf-" expected {env} (one of dev, prd), found "prod-orders"',
  );
  await expect(tester.getByRole("status")).toContainText("Suggested: nwf-prd-orders");
  await tester.getByLabel("Name to test").fill("nwf-prd-orders");
  await expect(tester.getByRole("status")).toContainText("Passes. company = nwf, env = prd, api = orders");
  await expectAccessible(archie);
  const added = await archie.request.post(api("/spec/naming-convention"), {
    headers: origin,
    data: {
      name: "Applications",
      resourceKind: "application",
      pattern: "nwf-{layer:exp|prc|sys}-{system}-api-{version}",
      maxLength: 42,
    },
  });
  expect(added.status()).toBe(201);

  // The evaluation runs by itself shortly after the changes.
  await expect(async () => {
    await page.goto(`/w/${ws}`);
    await expect(page.getByRole("region", { name: "Readiness per environment" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const blockers = page.getByRole("region", { name: "Top blockers" });
  await expect(blockers).toContainText("CloudHub application name longer than 42 characters");
  // Each blocker shows its first findings' next steps; a live resource opens in the live estate.
  const tooLong = blockers
    .getByRole("listitem")
    .filter({ hasNot: page.getByRole("list") })
    .filter({ hasText: 'Shorten "nwf-sys-carrier-portal-file-exchange-api-v1-prod" by 6 characters or more' });
  await tooLong.getByRole("link", { name: /^Open in the live estate/ }).click();
  await expect(page).toHaveURL(/\/live\?kind=application&q=nwf-sys-carrier-portal-file-exchange-api-v1-prod$/);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(
    "nwf-sys-carrier-portal-file-exchange-api-v1-prod",
  );
  await page.goto(`/w/${ws}`);
  // An environment's card opens the findings that concern it, listed with the page.
  await page
    .getByRole("region", { name: "Readiness per environment" })
    .getByRole("link", { name: /^PROD: Not ready/ })
    .click();
  await expect(page).toHaveURL(/\/findings\?environment=PROD$/);
  await expect(page.getByLabel("Environment", { exact: true })).toHaveValue("PROD");
  await expect(page.getByRole("heading", { name: /^\d+ findings?$/ })).toBeVisible();

  await page.goto(`/w/${ws}/findings`);
  await page.getByLabel("Rule").selectOption("NAME-CONVENTION");
  await expect(
    page.getByText('Application "nwf-legacy-ftp-poller" in PROD breaks convention "Applications"'),
  ).toBeVisible();
  await page.getByLabel("Rule").selectOption("NAME-CLOUDHUB-LENGTH");
  // Scoped to the rule's group: until the filtered page arrives, the other rules' findings are still listed.
  const lengthGroup = (p: Page) => p.getByRole("region", { name: /^NAME-CLOUDHUB-LENGTH/ });
  const finding = lengthGroup(page)
    .getByRole("listitem")
    .filter({ hasText: "has 48 characters; CloudHub 1.0 allows at most 42" });
  await expect(finding).toBeVisible();

  // A delivery lead asks for a waiver; another architect approves it; the finding is reported as waived.
  const della = await openAs(browser, "della", `/w/${ws}/findings`);
  await della.getByLabel("Rule").selectOption("NAME-CLOUDHUB-LENGTH");
  const long = lengthGroup(della).getByRole("listitem").filter({ hasText: "has 48 characters" });
  await long.getByRole("button", { name: /Request a waiver/ }).click();
  const form = long.getByRole("form", { name: /Waiver for/ });
  await form.getByLabel("Reason").fill("Renamed with the carrier portal release in Q1");
  await form.getByRole("button", { name: "Request waiver" }).click();
  await expect(form.getByRole("alert")).toContainText("expiresAt is required");
  await form.getByLabel("Expires on").fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  await form.getByRole("button", { name: "Request waiver" }).click();
  await expect(della.getByRole("region", { name: "Waivers" })).toContainText("Requested for finding");

  await archie.goto(`/w/${ws}/findings`);
  await archie.getByRole("button", { name: /^Approve/ }).click();
  await expect(archie.getByRole("region", { name: "Waivers" })).toContainText("Approved for finding");

  // A finding says what to do with its own values, and its link opens its record's editor: here
  // the convention the name breaks.
  await archie.goto(`/w/${ws}/findings?rule=NAME-CONVENTION`);
  const broken = archie
    .getByRole("listitem")
    .filter({ hasText: 'Application "nwf-legacy-ftp-poller" in PROD breaks convention "Applications"' });
  await expect(broken).toContainText(
    'Next step: Rename application "nwf-legacy-ftp-poller" to follow nwf-{layer:exp|prc|sys}-{system}-api-{version} in at most 42 characters',
  );
  await broken.getByRole("link", { name: /^Edit the record/ }).click();
  await expect(archie).toHaveURL(/\/specification\/naming-convention\?edit=[0-9a-f-]{36}$/);
  const editor = archie.getByRole("complementary", { name: "Edit Applications" });
  await expect(editor.getByLabel("Pattern")).toHaveValue("nwf-{layer:exp|prc|sys}-{system}-api-{version}");
  await editor.getByRole("button", { name: "Cancel" }).click();
  await expect(archie).toHaveURL(/\/specification\/naming-convention$/);
  await expect(async () => {
    await page.reload();
    await page.getByLabel("Rule").selectOption("NAME-CLOUDHUB-LENGTH");
    await expect(lengthGroup(page).getByRole("listitem").filter({ hasText: "has 48 characters" })).toContainText(
      "waived",
      {
        timeout: 1000,
      },
    );
  }).toPass({ timeout: 20_000 });
  await della.context().close();
  await archie.context().close();
});

test("a delivery lead runs the rules on a workspace nobody has evaluated yet", async ({ page, browser }) => {
  await signIn(page, "ada", "/w/default/settings");
  expect(
    (await page.request.post("/api/v1/workspaces", { headers: origin, data: { name: "Fresh E2E" } })).status(),
  ).toBe(201);
  const della = await openAs(browser, "della", "/w/fresh-e2e");
  await expect(della.getByRole("heading", { level: 2, name: "No evaluation yet" })).toBeVisible();
  await della.getByRole("button", { name: "Run rules now" }).click();
  await expect(della.getByRole("region", { name: "Top blockers" })).toBeVisible();
  // An empty specification is a gap: its required sections are reported.
  await della.goto("/w/fresh-e2e/findings");
  await expect(della.getByText('Section "Environments" has no records')).toBeVisible();
  await expectAccessible(della);
  await della.context().close();
});

test("a dashboard of many environments shows the ones needing most attention, and all on demand", async ({ page }) => {
  await signIn(page, "ada", "/w/default/settings");
  expect(
    (await page.request.post("/api/v1/workspaces", { headers: origin, data: { name: "Many Envs E2E" } })).status(),
  ).toBe(201);
  for (let i = 1; i <= 10; i += 1) {
    const created = await page.request.post("/api/v1/workspaces/many-envs-e2e/spec/environment", {
      headers: origin,
      data: { name: `E${String(i).padStart(2, "0")}`, classification: i === 10 ? "production" : "sandbox" },
    });
    expect(created.status()).toBe(201);
  }
  expect(
    (await page.request.post("/api/v1/workspaces/many-envs-e2e/evaluations", { headers: origin })).status(),
  ).toBeLessThan(300);
  await page.goto("/w/many-envs-e2e");
  const environments = page.getByRole("region", { name: "Readiness per environment" });
  await expect(environments).toContainText("10 environments:");
  await expect(environments.getByRole("listitem")).toHaveCount(8);
  await environments.getByRole("link", { name: "Show all 10 environments" }).click();
  await expect(page).toHaveURL(/\?all=environments$/);
  await expect(environments.getByRole("listitem")).toHaveCount(10);
  await environments.getByRole("link", { name: "Show only the 8 needing most attention" }).click();
  await expect(environments.getByRole("listitem")).toHaveCount(8);
});
