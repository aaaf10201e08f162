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

/**
 * The dashboard, the findings page (its HTML and the first page of results it asks for) and an
 * API list call, each as a ratio to a trivial page (the signed-out page) served by the same
 * production server in the same run, on the workspaces the persistence benchmark wrote.
 */
export async function benchPages(pgliteDir: string, sizes = [1_000, 10_000, 50_000]): Promise<void> {
  // A production build (made when there is none or the sources changed), its output kept off stdout.
  const built = spawnSync("node", ["scripts/ensure-build.mjs"], { stdio: ["ignore", 2, 2] });
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
    const runs = 9;
    const measure = async (url: string) => {
      for (let i = 0; i < 2; i += 1) await timeRequest(request, url); // compiled and cached paths warm
      const times: number[] = [];
      for (let i = 0; i < runs; i += 1) times.push(await timeRequest(request, url));
      return median(times);
    };
    for (const apps of sizes) {
      const ws = `acme-${apps}`;
      const findingsApi = `/api/v1/workspaces/${ws}/findings?status=open&status=waived&limit=50`;
      // The trivial page is timed between the others, so that drift in the machine's speed shows in both.
      const trivial = await measure("/signed-out");
      const dashboard = await measure(`/w/${ws}`);
      const findingsHtml = await measure(`/w/${ws}/findings`);
      const findingsFirstPage = await measure(findingsApi);
      const apiList = await measure(`/api/v1/workspaces/${ws}/live/resources?kind=application&limit=100`);
      // A signed-in page of the same shell with (nearly) nothing to show: what every page costs.
      const shell = await measure(`/w/${ws}/decisions`);
      const trivialAgain = await measure("/signed-out");
      const reference = (trivial + trivialAgain) / 2;
      const size = `${apps} apps`;
      line("pages: trivial page", size, reference, "ms");
      line("pages: signed-in page, no data (decisions)", size, shell, "ms");
      line("pages: dashboard", size, dashboard, "ms");
      line("pages: dashboard / trivial", size, dashboard / reference, "x", apps === 10_000 ? 3 : undefined);
      line("pages: findings (page + first 50)", size, findingsHtml + findingsFirstPage, "ms");
      line(
        "pages: findings / trivial",
        size,
        (findingsHtml + findingsFirstPage) / reference,
        "x",
        apps === 10_000 ? 3 : undefined,
      );
      line("pages: API list call (live apps)", size, apiList, "ms");
      line("pages: API list / trivial", size, apiList / reference, "x");
    }
  } finally {
    await browser.close();
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}
