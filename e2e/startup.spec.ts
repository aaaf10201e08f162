import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// These start their own `next start` processes (on the build test:e2e made) to check how the
// server itself starts: the browser is not needed.

type Server = { child: ChildProcess; port: number; output: () => string; exit: Promise<number | null> };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const started: Server[] = [];

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: { ...process.env, AGP_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const server = { child, port, output: () => output, exit };
  started.push(server);
  return server;
}

async function waitForHealth(server: Server): Promise<Response> {
  for (let i = 0; i < 100; i++) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    try {
      return await fetch(`http://127.0.0.1:${server.port}/api/health`);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`server did not answer: ${server.output()}`);
}

test.afterEach(async () => {
  for (const server of started.splice(0)) {
    if (server.child.exitCode === null) {
      server.child.kill("SIGTERM");
      await server.exit;
    }
  }
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
    const first = await startServer({ DATABASE_URL: `file:${dataDir}` });
    const health = await waitForHealth(first);
    expect(health.status).toBe(200);
    expect((await health.json()).database.kind).toBe("embedded");

    const second = await startServer({ DATABASE_URL: `file:${dataDir}` });
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
