import { defineConfig, devices } from "@playwright/test";
import { DEMO_AUTH } from "./lib/env";

// e2e runs against a production build (`next build` runs first in test:e2e) in PRODUCTION mode,
// signing in through the real OpenID Connect flow at the local identity provider, which stands
// in for Okta exactly as a customer's Okta would (issuer, client, groups claim).
const port = Number(process.env.E2E_PORT ?? 3100);
const idpPort = port + 1;
export const baseURL = `http://localhost:${port}`;
export const idpURL = `http://localhost:${idpPort}`;
/** The Anypoint simulator serving the demo estate, which e2e connects a workspace to. */
export const simulatorURL = `http://127.0.0.1:${port + 2}`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        // Debian's Chromium: Playwright's own browser download is not reachable from these machines.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `node --import tsx scripts/simulator.ts --estate demo --port ${port + 2}`,
      // 401 without a token: the simulator is up.
      url: `${simulatorURL}/accounts/api/me`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      command: `node --import tsx scripts/local-idp.ts --port ${idpPort} --app-url ${baseURL}`,
      url: `${idpURL}/.well-known/openid-configuration`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      // node_modules/.bin/next, not npx: stopping npm would orphan the server.
      command: `node_modules/.bin/next start -p ${port}`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "pipe",
      env: {
        DATABASE_URL: "memory://",
        AGP_LOG_LEVEL: "warn",
        AGP_MODE: "production",
        AUTH_URL: baseURL,
        AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789",
        AGP_SECRET_KEY: "e2e-only-key-0123456789abcdef0123456789ab",
        AUTH_OKTA_ISSUER: idpURL,
        AUTH_OKTA_ID: DEMO_AUTH.clientId,
        AUTH_OKTA_SECRET: DEMO_AUTH.clientSecret,
        // Production refuses loopback Anypoint hosts: the simulator is allowed as an administrator would.
        AGP_ANYPOINT_ALLOWED_HOSTS: new URL(simulatorURL).hostname,
      },
    },
  ],
});
