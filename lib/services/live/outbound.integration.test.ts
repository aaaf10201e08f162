import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import { listAuditEvents } from "@/lib/services/audit";
import type { ServiceContext } from "@/lib/services/context";
import { getConnection, saveConnection } from "@/lib/services/live/connection";
import { testConnection } from "@/lib/services/live/connection-check";
import { runSync } from "@/lib/services/live/syncs";
import { ensureDefaultWorkspace } from "@/lib/services/workspaces";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const admin: Actor = { kind: "user", id: "okta|ada", name: "Ada Admin", role: "admin" };
const secret = "sk_live_0ddba11-do-not-leak";

// Tests run in demo mode: 127.0.0.1 (where demo mode's own simulator listens) is the only loopback host allowed.
describe(`outbound calls of a connection on ${testEngine}`, () => {
  const db = useTestDatabase();
  const as = (): ServiceContext => ({ db: db(), actor: admin, origin: "api" });
  let server: Server;
  let port = 0;
  const requests: string[] = [];

  beforeAll(async () => {
    // An internal service that answers everything with a 500 and a secret in its body.
    server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      response.writeHead(500, { "Content-Type": "application/json" }).end(JSON.stringify({ message: secret }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(async () => {
    requests.length = 0;
    await ensureDefaultWorkspace(db());
  });

  const connect = (baseUrl: string, version = 0) =>
    saveConnection(as(), "default", {
      controlPlane: "custom",
      baseUrl,
      clientId: "app",
      clientSecret: "s3cret",
      version,
    });

  it.each([
    ["http://169.254.169.254/latest", /^baseUrl is refused: 169\.254\.169\.254 is a link-local address/],
    ["http://10.0.0.8:8080", /^baseUrl is refused: 10\.0\.0\.8 is a private address/],
    ["http://[::1]:3002", /^baseUrl is refused: ::1 is a loopback address/],
    ["http://[::ffff:192.168.1.1]", /^baseUrl is refused: ::ffff:c0a8:101 is a private address/],
  ])("refuses to store a connection to %s, writing nothing", async (baseUrl, message) => {
    const error = await connect(baseUrl).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, details: { fields: [{ field: "baseUrl", message }] } });
    expect(await getConnection(as(), "default")).toBeNull();
  });

  it("stores a name, but sends nothing when it resolves to loopback (localhost is not 127.0.0.1)", async () => {
    await connect(`http://localhost:${port}`);
    const check = await testConnection(as(), "default");
    expect(check.ok).toBe(false);
    expect(check.checks[0]).toMatchObject({
      check: "Token",
      ok: false,
      detail: expect.stringMatching(
        /^POST \/accounts\/api\/v2\/oauth2\/token not sent: localhost resolves to (127\.0\.0\.1|::1), a loopback address; add the host to AGP_ANYPOINT_ALLOWED_HOSTS/,
      ),
    });
    const run = await runSync(as(), "default");
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/not sent: localhost resolves to/);
    expect(requests).toEqual([]);
  });

  it("names the status and endpoint of a failed sync, and stores nothing of what the server answered", async () => {
    await connect(`http://127.0.0.1:${port}`);
    const check = await testConnection(as(), "default");
    expect(check.checks[0]?.detail).toBe("POST /accounts/api/v2/oauth2/token answered 500");
    const run = await runSync(as(), "default");
    expect(run).toMatchObject({ status: "failed", error: "POST /accounts/api/v2/oauth2/token answered 500" });
    expect(requests.length).toBeGreaterThan(0);
    const stored = JSON.stringify([await db().prisma.syncRun.findMany(), await listAuditEvents(as(), "default", {})]);
    expect(stored).not.toContain(secret);
  });
});
