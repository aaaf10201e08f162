import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import { chromium, type APIRequestContext } from "playwright-core";
import { demoAccounts } from "@/lib/auth/local-idp/demo-accounts";
import { childProcessEnv, getEnv } from "@/lib/env";
import { line, median } from "./report";

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function waitForHealth(base: string, child: ChildProcess, output: () => string) {
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`the portal exited: ${output()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the portal did not answer: ${output()}`);
}

/** Server time of one request as the client sees it on loopback: until the whole body has arrived. */
async function timeRequest(request: APIRequestContext, url: string): Promise<number> {
  const started = performance.now();
  const response = await request.get(url, { maxRedirects: 0 });
  await response.body();
  const ms = performance.now() - started;
  if (response.status() !== 200) throw new Error(`${url} answered ${response.status()}`);
  return ms;
}

const warmUps = 10;
const runs = 15;

/**
 * Median time of each URL: first `warmUps` requests of each (the server's JIT and caches warm,
 * as in a server that has been up for a while), then `runs` rounds that request every URL once,
 * so that drift in the machine's speed touches every figure alike.
 */
async function measureRoundRobin(request: APIRequestContext, urls: string[]): Promise<Map<string, number>> {
  for (const url of urls) for (let i = 0; i < warmUps; i += 1) await timeRequest(request, url);
  const times = new Map<string, number[]>(urls.map((u) => [u, []]));
  for (let round = 0; round < runs; round += 1)
    for (const url of urls) times.get(url)!.push(await timeRequest(request, url));
  return new Map([...times].map(([url, t]) => [url, median(t)]));
}

/**
 * The dashboard, the findings page (which opens with its first page of results) and an API list
 * call, each as a ratio to a trivial page (the signed-out page) served by the same production
 * server in the same run, on the workspaces the sync benchmark wrote.
 */
export async function benchPages(pgliteDir: string, sizes = [1_000, 10_000, 50_000]): Promise<void> {
  // A production build (made when there is none or the sources changed), its output kept off stdout.
  const built = spawnSync("node", ["scripts/ensure-build.mjs"], {
    stdio: ["ignore", 2, 2],
    env: { ...childProcessEnv(), NODE_ENV: "production", AGP_BUILD_WITHOUT_TYPECHECK: "1" },
  });
  if (built.status !== 0) throw new Error("next build failed");
  const port = await freePort();
  // The address the portal calls itself by (AUTH_URL defaults to localhost and PORT).
  const base = `http://localhost:${port}`;
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: {
      ...childProcessEnv(),
      PORT: String(port),
      DATABASE_URL: `file:${pgliteDir}`,
      AGP_DEMO_IDP_PORT: String(await freePort()),
      AGP_DEMO_SIMULATOR_PORT: String(await freePort()),
      AGP_LOG_LEVEL: "warn",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const browser = await chromium.launch({ executablePath: getEnv().chromiumPath, args: ["--no-sandbox"] });
  try {
    await waitForHealth(base, child, () => output);
    // Signed in the way users are: the portal's sign-in, the identity provider's form, back.
    const page = await browser.newPage({ baseURL: base });
    const ada = demoAccounts.find((a) => a.username === "ada")!;
    await page.goto("/sign-in?callbackUrl=%2F");
    await page.getByRole("button", { name: "Sign in with Okta" }).click();
    await page.getByLabel("Username").fill(ada.username);
    await page.getByLabel("Password").fill(ada.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.port === String(port) && !url.pathname.startsWith("/sign-in"));
    const request = page.context().request;
    for (const apps of sizes) {
      const ws = `acme-${apps}`;
      const urls = {
        trivial: "/signed-out",
        dashboard: `/w/${ws}`,
        findings: `/w/${ws}/findings`,
        findingsApi: `/api/v1/workspaces/${ws}/findings?status=open&status=waived&limit=50`,
        apiList: `/api/v1/workspaces/${ws}/live/resources?kind=application&limit=100`,
        // A signed-in page of the same shell with (nearly) nothing to show: what every page costs.
        shell: `/w/${ws}/decisions`,
      };
      // The findings page must open with its first page of results, not ask for them afterwards.
      const first = (await (await request.get(urls.findingsApi)).json()) as { items: { id: string }[] };
      const html = await (await request.get(urls.findings)).text();
      if (!first.items[0] || !html.includes(first.items[0].id))
        throw new Error(`${urls.findings} does not carry its first page of findings`);
      const times = await measureRoundRobin(request, Object.values(urls));
      const at = (url: string) => times.get(url)!;
      const [trivial, dashboard, findings, findingsApi, apiList, shell] = [
        at(urls.trivial),
        at(urls.dashboard),
        at(urls.findings),
        at(urls.findingsApi),
        at(urls.apiList),
        at(urls.shell),
      ];
      const size = `${apps} apps`;
      line("pages: trivial page", size, trivial, "ms");
      line("pages: signed-in page, no data (decisions)", size, shell, "ms");
      line("pages: dashboard", size, dashboard, "ms");
      line("pages: dashboard / trivial", size, dashboard / trivial, "x", apps === 10_000 ? 3 : undefined);
      line("pages: findings (page with first 50)", size, findings, "ms");
      line("pages: findings / trivial", size, findings / trivial, "x", apps === 10_000 ? 3 : undefined);
      line("pages: findings API, first 50", size, findingsApi, "ms");
      line("pages: API list call (live apps)", size, apiList, "ms");
      line("pages: API list / trivial", size, apiList / trivial, "x");
    }
  } finally {
    await browser.close();
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}
