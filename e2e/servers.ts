import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

// Extra `next start` processes (on the build test:e2e made), for tests that need a server of
// their own: start-up checks, and the demo mode with its seeded and synced workspace.

export type Server = { child: ChildProcess; port: number; output: () => string; exit: Promise<number | null> };

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Servers started by the current test file; stop them with stopServers. */
const started: Server[] = [];

/** Starts `next start` with a clean environment plus `env`. */
export async function startServer(env: Record<string, string>, port?: number): Promise<Server> {
  port ??= await freePort();
  // A clean environment: the e2e server's production settings must not leak into these servers.
  const inherited: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(AUTH_|AGP_|DATABASE_URL)/.test(key)),
  );
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: { ...inherited, PORT: String(port), AGP_LOG_LEVEL: "warn", ...env } as unknown as NodeJS.ProcessEnv,
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

/** Waits until the server answers /api/health (or fails with its output when it exits). */
export async function waitForHealth(server: Server): Promise<Response> {
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

/** Starts a server in demo mode (its own identity provider and simulator, the demo workspace seeded and synced). */
export async function startDemoServer(): Promise<Server & { idpPort: number }> {
  const port = await freePort();
  const idpPort = await freePort();
  const server = await startServer(
    {
      DATABASE_URL: "memory://",
      AGP_DEMO_IDP_PORT: String(idpPort),
      AGP_DEMO_SIMULATOR_PORT: String(await freePort()),
    },
    port,
  );
  await waitForHealth(server);
  return { ...server, idpPort };
}

/** Stops the servers started so far. */
export async function stopServers(): Promise<void> {
  for (const server of started.splice(0)) {
    if (server.child.exitCode === null) {
      server.child.kill("SIGTERM");
      await server.exit;
    }
  }
}
