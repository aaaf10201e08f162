import path from "node:path";
import { northwindCredentials } from "../lib/fixtures/northwind/estate";
import { runAgp } from "../lib/testing/run-agp";
import { baseURL, simulatorURL } from "../playwright.config";
import { expect, signIn, test } from "./fixtures";

// A pipeline running `agp` against the running portal with API tokens (--server/--token):
// the same services behind the same authorisation as the UI, so the same results.

const root = process.cwd();
const agp = (args: string[], token: string, env: Record<string, string> = {}) =>
  runAgp(path.join(root, "bin", "agp.mjs"), args, {
    cwd: root,
    env: { AGP_SERVER: baseURL, AGP_TOKEN: token, ...env },
  });

test("a pipeline imports, connects, syncs and checks through the REST API with tokens; a viewer's token may only read", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "ada", "/w/default/settings");
  const mint = async (role: string) => {
    const response = await page.request.post("/api/v1/tokens", {
      data: { name: `agp e2e ${role}`, role, expiresInDays: 1 },
      headers: { Origin: baseURL },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { secret: string }).secret;
  };
  const admin = await mint("admin");
  const viewer = await mint("viewer");

  const imported = await agp(
    ["import", path.join(root, "lib/testing/documents/half-filled.md"), "-w", "cli-e2e", "--json"],
    admin,
  );
  expect(imported.code, imported.stderr).toBe(0);
  expect(JSON.parse(imported.stdout)).toMatchObject({ workspace: "cli-e2e", imported: { vpc: 1 } });

  const connected = await agp(
    ["connect", "--base-url", simulatorURL, "--client-id", northwindCredentials.clientId, "-w", "cli-e2e"],
    admin,
    { ANYPOINT_CLIENT_SECRET: northwindCredentials.clientSecret },
  );
  expect(connected.code, connected.stderr).toBe(0);
  const synced = await agp(["sync", "-w", "cli-e2e", "--json"], admin);
  expect(synced.code, synced.stderr).toBe(0);
  expect(JSON.parse(synced.stdout)).toMatchObject({ status: "succeeded" });

  const checked = await agp(["check", "-w", "cli-e2e", "--json"], admin);
  expect(checked.code, checked.stderr).toBe(1);
  const remote = JSON.parse(checked.stdout) as { findings: { fingerprint: string }[]; summary: object };
  // The portal's own answer for the same evaluation: the same findings.
  const api = (await (await page.request.get("/api/v1/workspaces/cli-e2e/check")).json()) as typeof remote;
  expect(remote.summary).toEqual(api.summary);
  expect(remote.findings.map((f) => f.fingerprint)).toEqual(api.findings.map((f) => f.fingerprint));
  const sarif = await page.request.get("/api/v1/workspaces/cli-e2e/check", {
    headers: { Accept: "application/sarif+json" },
  });
  expect(sarif.headers()["content-type"]).toContain("application/sarif+json");
  expect(sarif.headers()["x-agp-check-result"]).toBe("fail");
  expect(((await sarif.json()) as { version: string }).version).toBe("2.1.0");

  // A viewer's token reads the latest evaluation but may not run the rules or change anything.
  const refused = await agp(["check", "-w", "cli-e2e"], viewer);
  expect(refused.code).toBe(4);
  expect(refused.stderr).toContain("may not run the rules");
  const latest = await agp(["check", "-w", "cli-e2e", "--latest", "--format", "junit", "--fail-on", "never"], viewer);
  expect(latest.code, latest.stderr).toBe(0);
  expect(latest.stdout).toContain('<testsuites name="agp check cli-e2e"');
  const noImport = await agp(["import", path.join(root, "lib/testing/documents/complete.md"), "-w", "cli-e2e"], viewer);
  expect(noImport.code).toBe(4);
  const exported = await agp(["export", "-w", "cli-e2e"], viewer);
  expect(exported.code).toBe(0);
  expect(exported.stdout).toContain("vpc-main");

  const wrong = await agp(["check", "-w", "cli-e2e"], "agp_not-a-real-token");
  expect(wrong.code).toBe(4);
  const down = await agp(["check", "-w", "cli-e2e", "--server", "http://127.0.0.1:9"], admin);
  expect(down.code).toBe(3);
  expect(down.stderr).toContain("Could not reach the portal at http://127.0.0.1:9");
});
