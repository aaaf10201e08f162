import fs from "node:fs";
import path from "node:path";
import { expect, expectAccessible, signIn, test } from "./fixtures";

const sections = [
  // Other tests may have changed this workspace already, which runs the rules: then the pages show results.
  { label: "Dashboard", path: "", heading: "Dashboard", empty: /^(No evaluation yet|Environments)$/ },
  { label: "Specification", path: "/specification", heading: "Specification", empty: "Platform architecture" },
  // Other tests may have recorded decisions already: the list heading counts them, none or some.
  { label: "Decisions", path: "/decisions", heading: "Decisions", empty: /^\d+ decisions?$/ },
  { label: "Topology", path: "/topology", heading: "Topology", empty: "Nothing to draw yet" },
  { label: "Findings", path: "/findings", heading: "Findings", empty: /^(No findings yet|\d+ findings?)$/ },
  { label: "Live estate", path: "/live", heading: "Live estate", empty: "Not synchronised yet" },
  { label: "Audit", path: "/audit", heading: "Audit", empty: "Events" },
  { label: "Settings", path: "/settings", heading: "Settings", empty: "Settings are managed by administrators" },
];

test.beforeEach(async ({ page }) => {
  await signIn(page, "vic");
});

test("the portal opens on the default workspace with the shell, naming the user and role", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/w\/default$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
  await expect(page.getByText("Demo mode")).toHaveCount(0); // production mode
  await expect(page.getByLabel("Workspace")).toHaveValue("default");
  await expect(page.getByTestId("current-user")).toHaveText("Vic Viewer viewer");

  const nav = page.getByRole("navigation", { name: "Sections" });
  await expect(nav.getByRole("link")).toHaveText(sections.map((s) => s.label));
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
});

test("every section is reachable from the navigation and explains its empty state", async ({ page }) => {
  await page.goto("/w/default");
  const nav = page.getByRole("navigation", { name: "Sections" });
  for (const section of sections) {
    await nav.getByRole("link", { name: section.label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/w/default${section.path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(section.heading);
    await expect(page.getByRole("heading", { level: 2, name: section.empty })).toBeVisible();
    await expect(nav.getByRole("link", { name: section.label, exact: true })).toHaveAttribute("aria-current", "page");
    await expectAccessible(page);
  }
});

test("the keyboard reaches the content through the skip link", async ({ page }) => {
  await page.goto("/w/default/findings");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("an unknown workspace answers 404 with a way back", async ({ page }) => {
  const response = await page.goto("/w/no-such-workspace/findings");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
  await page.getByRole("link", { name: "Go to the portal" }).click();
  await expect(page).toHaveURL(/\/w\/default$/);
});

test("/api/health reports the embedded database at the current migration level", async ({ request }) => {
  const latest = fs
    .readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .at(-1);
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const { lastSyncAt, lastEvaluationAt, ...health } = (await response.json()) as Record<string, string | null>;
  expect(health).toEqual({
    status: "ok",
    database: { kind: "embedded", migrationLevel: latest, pendingMigrations: 0 },
  });
  // Null before any sync or evaluation; other tests may have synced and evaluated a workspace already.
  for (const at of [lastSyncAt, lastEvaluationAt]) expect(at === null || !Number.isNaN(Date.parse(at!))).toBe(true);
});
