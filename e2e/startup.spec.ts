import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { northwindCredentials } from "../lib/fixtures/northwind/estate";
import { expect, test } from "./fixtures";
import { freePort, startServer, stopServers, waitForHealth } from "./servers";

// These start their own `next start` processes (on the build test:e2e made) to check how the
// server itself starts: the browser is not needed.

test.afterEach(stopServers);

test("production mode without its Okta settings refuses to start, naming each one", async () => {
  const server = await startServer({ AGP_MODE: "production", DATABASE_URL: "memory://" });
  expect(await server.exit).toBe(1);
  for (const variable of [
    "AUTH_OKTA_ISSUER",
    "AUTH_OKTA_ID",
    "AUTH_OKTA_SECRET",
    "AUTH_SECRET",
    "AUTH_URL",
    "AGP_SECRET_KEY",
  ]) {
    expect(server.output()).toContain(`${variable}: required in production mode`);
  }
});

test("demo mode starts its own identity provider, signs in a demo account, and shows the demo workspace", async ({
  page,
}) => {
  // Start-up seeds the demo workspace and syncs it with the simulator before the checks below.
  test.setTimeout(60_000);
  const port = await freePort();
  const idpPort = await freePort();
  const server = await startServer(
    {
      DATABASE_URL: "memory://",
      AGP_DEMO_IDP_PORT: String(idpPort),
      AGP_DEMO_SIMULATOR_PORT: String(await freePort()),
      AGP_LOG_LEVEL: "debug",
    },
    port,
  );
  await waitForHealth(server);
  await page.goto(`http://localhost:${port}/`);
  await expect(page.getByRole("heading", { name: "Demo accounts" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in with Okta" }).click();
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${idpPort}/interaction/`));
  await page.getByLabel("Username").fill("ada");
  await page.getByLabel("Password").fill("ada-admin");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Demo mode opens on the seeded Northwind Freight workspace, with every section filled in part.
  await expect(page).toHaveURL(`http://localhost:${port}/w/northwind`);
  await expect(page.getByTestId("current-user")).toHaveText("Ada Admin admin");
  await expect(page.getByRole("status").filter({ hasText: "Demo mode" })).toBeVisible();
  await page.goto(`http://localhost:${port}/w/northwind/specification`);
  await expect(page.getByRole("row", { name: /^VPCs/ })).toContainText("3 records");
  await expect(page.getByRole("row", { name: /^VPCs/ })).toContainText("vpc-nwf-dr: CIDR (placeholder)");

  // The demo simulator was started and the demo workspace synced against it.
  await page.goto(`http://localhost:${port}/w/northwind/live`);
  await expect(page.getByText(/Current snapshot from/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("navigation", { name: "Resource kinds" })).toContainText("Applications 12");
  // No secret of the demo estate or its connection reaches a log line, even at debug level.
  for (const secret of [
    northwindCredentials.clientSecret,
    "nwf-demo-psk-tunnel-a",
    "nwf-demo-sap-password",
    "nwf-demo-push-api-key",
    "nwf-demo-private-key-digest",
    "rtf-activation-secret-do-not-store",
  ]) {
    expect(server.output()).not.toContain(secret);
  }
  expect(server.output()).toContain('"msg":"ready"');
});

test("a bad environment stops start-up with a message naming the variable", async () => {
  const server = await startServer({ AGP_MODE: "staging", DATABASE_URL: "memory://" });
  expect(await server.exit).toBe(1);
  expect(server.output()).toContain("The portal cannot start.");
  expect(server.output()).toContain('AGP_MODE: must be "demo" or "production"');
});

test("a second server on an embedded directory owned by a running one refuses to start", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "agp-e2e-data-"));
  try {
    const first = await startServer({
      DATABASE_URL: `file:${dataDir}`,
      AGP_DEMO_IDP_PORT: String(await freePort()),
      AGP_DEMO_SIMULATOR_PORT: String(await freePort()),
    });
    const health = await waitForHealth(first);
    expect(health.status).toBe(200);
    expect((await health.json()).database.kind).toBe("embedded");

    const second = await startServer({
      DATABASE_URL: `file:${dataDir}`,
      AGP_DEMO_IDP_PORT: String(await freePort()),
      AGP_DEMO_SIMULATOR_PORT: String(await freePort()),
    });
    expect(await second.exit).toBe(1);
    expect(second.output()).toContain(
      `The embedded database in ${dataDir} is already open in process ${first.child.pid}`,
    );

    // The first server is unharmed and still serving.
    expect((await waitForHealth(first)).status).toBe(200);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
