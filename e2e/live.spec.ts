import { northwindCredentials } from "../lib/fixtures/northwind/estate";
import { simulatorURL } from "../playwright.config";
import { expect, signIn, test } from "./fixtures";

test("an admin connects a workspace to Anypoint (the simulator), tests it, syncs, and reads the live estate", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "ada", "/w/default/settings");
  await page.getByRole("button", { name: "Create workspace" }).waitFor();
  await page.getByLabel("New workspace").fill("Northwind Live E2E");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/northwind-live-e2e\/specification$/);

  await page.goto("/w/northwind-live-e2e/live");
  await expect(page.getByText("Not connected to Anypoint.")).toBeVisible();
  await page.getByRole("link", { name: "Connect it in Settings" }).click();

  const panel = page.getByRole("region", { name: "Anypoint connection" });
  await panel.getByLabel("Control plane").selectOption("custom");
  await panel.getByLabel("Client id").fill(northwindCredentials.clientId);
  await panel.getByRole("button", { name: "Connect" }).click();
  // A new connection needs its base URL and secret; both are named at once.
  await expect(panel.getByText("baseUrl is required for a custom control plane")).toBeVisible();
  await expect(panel.getByText("clientSecret is required for a new connection")).toBeVisible();
  await expect(panel.getByLabel("Base URL")).toHaveAttribute("aria-invalid", "true");
  await panel.getByLabel("Base URL").fill(simulatorURL);
  await panel.getByLabel("Client secret").fill(northwindCredentials.clientSecret);
  await panel.getByRole("button", { name: "Connect" }).click();
  await expect(panel.getByText("Connection saved.")).toBeVisible();
  await expect(panel.getByLabel("Client secret")).toHaveValue("");
  await expect(panel.getByLabel("Client secret")).toHaveAttribute("placeholder", "set (leave empty to keep it)");

  await panel.getByRole("button", { name: "Test connection" }).click();
  await expect(panel.getByText("The connected app can read everything the portal needs.")).toBeVisible();
  await expect(panel.getByRole("list", { name: "Connection checks" })).toContainText(
    "Northwind Freight: 4 business group(s) below it",
  );

  // The secret never comes back from the API.
  const api = await page.request.get("/api/v1/workspaces/northwind-live-e2e/connection");
  const body = await api.text();
  expect(body).toContain('"clientSecret":"set"');
  expect(body).not.toContain(northwindCredentials.clientSecret);

  await page.goto("/w/northwind-live-e2e/live");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/Current snapshot from/)).toBeVisible({ timeout: 30_000 });
  const kinds = page.getByRole("navigation", { name: "Resource kinds" });
  await expect(kinds.getByRole("button", { name: /Applications 12/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /nwf-legacy-ftp-poller/ })).toBeVisible();

  const inventory = page.getByRole("region", { name: "Inventory" });
  await inventory.getByLabel("Environment").selectOption("PREPROD");
  await expect(inventory.getByRole("row")).toHaveCount(3); // header + two PREPROD apps
  await kinds.getByRole("button", { name: /VPCs 2/ }).click();
  await inventory.getByLabel("Environment").selectOption("");
  const prod = inventory.getByRole("row", { name: /vpc-nwf-prod/ });
  await prod.getByText("attributes").click();
  await expect(prod).toContainText("10.20.16.0/21");

  const history = page.getByRole("region", { name: "Sync history" });
  await expect(history.getByRole("row").nth(1)).toContainText("succeeded");
  await expect(history.getByRole("row").nth(1)).toContainText("Ada Admin");
});

test("a delivery lead reads the live estate but cannot start a sync", async ({ page }) => {
  await signIn(page, "della", "/w/northwind-live-e2e/live");
  await expect(page.getByText(/Current snapshot from/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(0);
});

test("an administrator sees why a sync was partial, and what it could not read", async ({ page, request }) => {
  test.setTimeout(90_000);
  // Every API's policies answer 500 and teams 403: the sync completes, and says what it could not read.
  const faults = (body: unknown[]) => request.post(`${simulatorURL}/_simulator/faults`, { data: body });
  const failing = [
    { kind: "status", match: "/policies$", status: 500 },
    { kind: "status", match: "/teams$", status: 403 },
  ];
  expect((await faults(failing)).ok()).toBe(true);
  try {
    await signIn(page, "ada", "/w/northwind-live-e2e/live");
    await page.getByRole("button", { name: "Sync now" }).click();
    // The workspace was read before: what this sync could not read is kept from that sync.
    const partial = page.getByText(
      /^Partial: \d+ parts? of the estate could not be read · \d+ kept from an earlier sync$/,
    );
    await expect(partial).toBeVisible({ timeout: 30_000 });
    const part = page.getByRole("row", { name: /policies of API instances/ }).first();
    await expect(part).toContainText(/Carried forward from \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    await expect(part).toContainText(/policies answered 500/);
    const history = page.getByRole("region", { name: "Sync history" });
    await expect(history.getByRole("row").nth(1)).toContainText("succeeded");
    await expect(history.getByRole("row").nth(1)).toContainText(/Not read: policies of API instances .* answered 500/);
    // The findings resting on what was kept (the teams, unplanned in this workspace) say how old their
    // data is, and the dashboard how many there are.
    await expect(async () => {
      await page.goto("/w/northwind-live-e2e/findings?rule=DRIFT-UNPLANNED");
      await expect(page.getByText(/^stale: live data of \d{4}-\d\d-\d\d \d\d:\d\d UTC$/).first()).toBeVisible({
        timeout: 2_000,
      });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByRole("listitem").filter({ hasText: "stale: live data of" }).first()).toContainText(
      /Team ".*" is in Anypoint but not in the specification/,
    );
    await page.goto("/w/northwind-live-e2e");
    await expect(page.getByRole("note")).toContainText(/\d+ findings? rests? on live data kept from the sync of/);
  } finally {
    await faults([]);
  }
});
