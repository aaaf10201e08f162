import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createAnypointClient } from "@/lib/anypoint/client";
import { createAnypointHttp } from "@/lib/anypoint/http";
import {
  checkDestination,
  createGuardedFetch,
  OutboundRefusedError,
  urlProblem,
  type OutboundPolicy,
  type Resolver,
} from "@/lib/anypoint/outbound";

const production: OutboundPolicy = { controlPlanesOnly: true, allowedHosts: [] };
const demo: OutboundPolicy = { controlPlanesOnly: false, allowedHosts: [] };
/** A resolver that answers from a table, as DNS would (an attacker's name may point anywhere). */
const resolverOf =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as Error,
  );

describe("which URLs the portal calls, by the URL alone", () => {
  it("allows only the control planes and their Object Store hosts in production, over https", () => {
    expect(urlProblem(new URL("https://anypoint.mulesoft.com"), production)).toBeNull();
    expect(urlProblem(new URL("https://eu1.anypoint.mulesoft.com/accounts"), production)).toBeNull();
    expect(urlProblem(new URL("https://gov.anypoint.mulesoft.com"), production)).toBeNull();
    expect(urlProblem(new URL("https://object-store-us-east-1.anypoint.mulesoft.com"), production)).toBeNull();
    expect(urlProblem(new URL("https://evil.example.com"), production)).toMatch(
      /^evil\.example\.com is not an Anypoint control plane .*AGP_ANYPOINT_ALLOWED_HOSTS/,
    );
    expect(urlProblem(new URL("https://anypoint.mulesoft.com.evil.example"), production)).toMatch(/not an Anypoint/);
    expect(urlProblem(new URL("http://anypoint.mulesoft.com"), production)).toBe(
      "http://anypoint.mulesoft.com must use https",
    );
  });

  it("allows an allowlisted host in production, over http too", () => {
    const policy = { ...production, allowedHosts: ["127.0.0.1", "anypoint.internal.example", "::1"] };
    expect(urlProblem(new URL("http://127.0.0.1:3102"), policy)).toBeNull();
    expect(urlProblem(new URL("https://ANYPOINT.internal.example."), policy)).toBeNull();
    expect(urlProblem(new URL("http://[::1]:8080"), policy)).toBeNull();
    expect(urlProblem(new URL("http://127.0.0.2"), policy)).toMatch(/not an Anypoint control plane/);
  });

  it("refuses literal non-public addresses in any mode, however the URL spells them", () => {
    expect(urlProblem(new URL("http://169.254.169.254/latest/meta-data"), demo)).toMatch(
      /^169\.254\.169\.254 is a link-local address/,
    );
    expect(urlProblem(new URL("http://2130706433"), demo)).toMatch(/^127\.0\.0\.1 is a loopback address/);
    expect(urlProblem(new URL("http://0x7f.1"), demo)).toMatch(/^127\.0\.0\.1 is a loopback/);
    expect(urlProblem(new URL("http://[::ffff:10.0.0.1]"), demo)).toMatch(/is a private address/);
    expect(urlProblem(new URL("http://[fe80::1]"), demo)).toMatch(/is a link-local address/);
    expect(urlProblem(new URL("http://100.100.100.200"), demo)).toMatch(/carrier-grade NAT/);
    expect(urlProblem(new URL("https://simulator.example.com"), demo)).toBeNull();
  });
});

describe("checking where a call would go after DNS", () => {
  const dns = resolverOf({
    "anypoint.mulesoft.com": ["52.1.2.3", "2600:1f18::1"],
    "rebind.example.com": ["52.1.2.3", "127.0.0.1"],
    "metadata.example.com": ["169.254.169.254"],
    "mapped.example.com": ["::ffff:192.168.0.10"],
    "localhost.example.com": ["::1"],
    "allowed.example.com": ["10.0.0.5"],
  });

  it("answers every public address of a name, for the connection to use", async () => {
    expect(await checkDestination(new URL("https://anypoint.mulesoft.com"), production, dns)).toEqual([
      { address: "52.1.2.3", family: 4 },
      { address: "2600:1f18::1", family: 6 },
    ]);
  });

  it.each([
    ["rebind.example.com", /^rebind\.example\.com resolves to 127\.0\.0\.1, a loopback address/],
    ["metadata.example.com", /resolves to 169\.254\.169\.254, a link-local address/],
    ["mapped.example.com", /resolves to ::ffff:192\.168\.0\.10, a private address/],
    ["localhost.example.com", /resolves to ::1, a loopback address/],
    ["nowhere.example.com", /^nowhere\.example\.com does not resolve$/],
  ])("refuses %s when any of its addresses is not public", async (host, message) => {
    const error = await refusal(checkDestination(new URL(`https://${host}`), demo, dns));
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect(error?.message).toMatch(message);
  });

  it("does not resolve an allowlisted host: the administrator vouched for it", async () => {
    const policy = { ...production, allowedHosts: ["allowed.example.com"] };
    expect(await checkDestination(new URL("http://allowed.example.com"), policy, dns)).toBeNull();
  });
});

describe("the guarded fetch against a server on 127.0.0.1", () => {
  const secret = "AKIA-SECRET-f00dfeed";
  let server: Server;
  let base = "";
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === "/redirect") {
        response.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data" }).end();
      } else if (request.url === "/ok") {
        response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ method: request.method }));
      } else {
        response
          .writeHead(500, { "Content-Type": "application/json" })
          .end(JSON.stringify({ message: `internal error, key ${secret}`, stack: secret }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const allowed = { ...production, allowedHosts: ["127.0.0.1"] };
  const http = (policy: OutboundPolicy, resolve?: Resolver) =>
    createAnypointHttp({ baseUrl: base, fetch: createGuardedFetch(policy, { resolve }), sleep: async () => {} });

  it("calls an allowlisted loopback host", async () => {
    const answer = await http(allowed).request({ path: "/ok", schema: z.object({ method: z.string() }) });
    expect(answer).toEqual({ method: "GET" });
  });

  it("refuses loopback in production when it is not allowlisted, sending nothing and not retrying", async () => {
    const guarded = http(production);
    const error = await refusal(guarded.request({ path: "/ok", schema: z.unknown() }));
    expect(error).toMatchObject({ kind: "refused" });
    expect(error?.message).toMatch(/^GET \/ok not sent: 127\.0\.0\.1 is not an Anypoint control plane/);
    expect(guarded.stats).toEqual({ requests: 1, retries: 0 });
  });

  it("refuses a name that resolves to 127.0.0.1, though a server answers there", async () => {
    const resolve = resolverOf({ "sim.example.com": ["127.0.0.1"] });
    const guarded = createAnypointHttp({
      baseUrl: base.replace("127.0.0.1", "sim.example.com"),
      fetch: createGuardedFetch(demo, { resolve }),
    });
    const error = await refusal(guarded.request({ path: "/ok", schema: z.unknown() }));
    expect(error?.message).toMatch(/not sent: sim\.example\.com resolves to 127\.0\.0\.1, a loopback address/);
  });

  it("names the status and the endpoint of a failed call, never what the server answered", async () => {
    const error = await refusal(http(allowed).request({ path: "/accounts/api/me", schema: z.unknown() }));
    expect(error?.message).toBe("GET /accounts/api/me answered 500");
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(String(error?.stack)).not.toContain(secret);
  });

  it("keeps the secret of an error body out of a client's token failure too", async () => {
    const client = createAnypointClient({
      baseUrl: base,
      clientId: "app",
      clientSecret: "s",
      fetch: createGuardedFetch(allowed),
      sleep: async () => {},
    });
    const error = await refusal(client.me());
    expect(error?.message).toBe("POST /accounts/api/v2/oauth2/token answered 500");
  });

  it("does not follow a redirect (this one to the cloud metadata address)", async () => {
    const error = await refusal(http(allowed).request({ path: "/redirect", schema: z.unknown() }));
    expect(error?.message).toBe("GET /redirect answered 302 (a redirect, which the portal does not follow)");
  });
});
