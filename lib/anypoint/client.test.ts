// Contract tests: every endpoint the client calls, checked for path, query, headers and paging
// against the simulator serving the reference's wire shapes. Any request the simulator cannot
// route, and anything but GET besides the token request, fails the test.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAnypointClient, type AnypointClient } from "@/lib/anypoint/client";
import { AnypointError } from "@/lib/anypoint/http";
import { createSimulator, type Fault, type Simulator } from "@/lib/anypoint/simulator/server";
import { buildEstate, fixtureIds, fixtureSecrets } from "@/lib/fixtures/estate-fixture";

const { root, bg, rootPrd, rootDev, bgPrd, vpc, privateSpace, teamAdmins, api } = fixtureIds;

describe("Anypoint client against the simulator", () => {
  let simulator: Simulator;
  let baseUrl: string;
  const delays: number[] = [];
  const client = (overrides: Partial<Parameters<typeof createAnypointClient>[0]> = {}): AnypointClient =>
    createAnypointClient({
      baseUrl,
      clientId: "portal-reader",
      clientSecret: fixtureSecrets.clientSecret,
      sleep: async (ms) => {
        delays.push(ms);
      },
      ...overrides,
    });

  beforeAll(async () => {
    simulator = createSimulator({ estate: buildEstate({ extraTeams: 5 }) });
    baseUrl = await simulator.listen();
  });
  afterAll(() => simulator.close());
  afterEach(() => {
    expect(
      simulator.requests.filter((r) => !r.handled).map((r) => r.path),
      "unrouted requests",
    ).toEqual([]);
    const writes = simulator.requests.filter((r) => r.method !== "GET" && r.path !== "/accounts/api/v2/oauth2/token");
    expect(writes, "requests other than GET").toEqual([]);
    simulator.resetRequests();
    simulator.setFaults([]);
    delays.length = 0;
  });

  const calls = (path: string | RegExp) =>
    simulator.requests.filter((r) => (typeof path === "string" ? r.path === path : path.test(r.path)));

  it("gets a client-credentials token (form-encoded) once and sends it as a bearer on every call", async () => {
    const anypoint = client();
    await anypoint.me();
    await anypoint.organization(root);
    const token = calls("/accounts/api/v2/oauth2/token");
    expect(token).toHaveLength(1);
    expect(token[0]).toMatchObject({
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const gets = simulator.requests.filter((r) => r.method === "GET");
    expect(gets.map((r) => r.headers.authorization)).toEqual([
      expect.stringMatching(/^Bearer [0-9a-f-]{36}$/),
      gets[0]!.headers.authorization,
    ]);
  });

  it("refreshes the token before it expires", async () => {
    let now = 1_000_000;
    const anypoint = client({ now: () => now });
    await anypoint.me();
    now += 3_600_000 - 30_000; // inside the one-minute margin
    await anypoint.me();
    expect(calls("/accounts/api/v2/oauth2/token")).toHaveLength(2);
  });

  it("names the endpoint and status when the credentials are wrong", async () => {
    await expect(client({ clientSecret: "wrong" }).me()).rejects.toMatchObject({
      status: 401,
      message: "POST /accounts/api/v2/oauth2/token answered 401 (the client id or secret is not accepted)",
    });
  });

  it("reads /me, organisations with entitlements and environments, and usage", async () => {
    const anypoint = client();
    expect((await anypoint.me()).client?.org_id).toBe(root);
    const org = await anypoint.organization(root);
    expect(org).toMatchObject({
      name: "ACME",
      subOrganizationIds: [bg],
      entitlements: { vCoresProduction: { assigned: 4 } },
    });
    expect((await anypoint.environments(bg)).map((e) => [e.name, e.type, e.isProduction])).toEqual([
      ["INT-PRD", "production", true],
    ]);
    expect((await anypoint.usage(root)).productionVCoresConsumed).toBe(2.2);
    expect(calls(`/accounts/api/organizations/${bg}/environments`)[0]?.query).toEqual({});
  });

  it("pages teams, members and roles with limit and offset until a short page", async () => {
    const anypoint = client({ pageSize: { accounts: 3 } });
    const teams = await anypoint.teams(root);
    expect(teams).toHaveLength(7);
    expect(calls(`/accounts/api/organizations/${root}/teams`).map((r) => r.query)).toEqual([
      { limit: "3", offset: "0" },
      { limit: "3", offset: "3" },
      { limit: "3", offset: "6" },
    ]);
    expect(await anypoint.teamMembers(root, teamAdmins)).toMatchObject([
      { name: "jdoe-acme", membership_type: "maintainer" },
    ]);
    expect((await anypoint.teamRoles(root, teamAdmins)).map((r) => r.context_params)).toEqual([
      { org: root },
      { org: bg, envId: bgPrd },
    ]);
  });

  it("lists CloudHub 1.0 applications (bare array) with the org and environment headers", async () => {
    const apps = await client().ch1Applications(root, rootPrd);
    expect(apps.map((a) => a.domain)).toEqual(["acme-prd-orders-papi", "acme-prd-customers-sapi"]);
    expect(calls("/cloudhub/api/v2/applications")[0]?.headers).toMatchObject({
      "x-anypnt-org-id": root,
      "x-anypnt-env-id": rootPrd,
    });
  });

  it("lists CloudHub 2.0 deployments ({total, items}) and reads each one's detail", async () => {
    const anypoint = client({ pageSize: { deployments: 1 } });
    const list = await anypoint.deployments(bg, bgPrd);
    expect(list.map((d) => d.name)).toEqual(["acme-int-prd-orders-sapi"]);
    const detail = await anypoint.deployment(bg, bgPrd, list[0]!.id);
    expect(detail).toMatchObject({ target: { replicas: 2 }, application: { vCores: 0.5 } });
    // A full page, but `total` says there is nothing after it: no second request.
    expect(calls(/\/deployments$/).map((r) => r.query)).toEqual([{ offset: "0", limit: "1" }]);
  });

  it("lists private spaces (Spring page) and reads details, connections and TLS contexts", async () => {
    const anypoint = client();
    const spaces = await anypoint.privateSpaces(bg);
    expect(spaces.map((s) => s.id)).toEqual([privateSpace]);
    expect((await anypoint.privateSpace(bg, privateSpace)).network?.cidrBlock).toBe("10.40.0.0/22");
    expect((await anypoint.privateSpaceConnections(bg, privateSpace))[0]?.vpns[0]?.name).toBe("acme-int-prd-ps-vpn");
    expect((await anypoint.privateSpaceTlsContexts(bg, privateSpace))[0]?.keyStore?.cn).toBe(
      "orders-sapi.int.acme.example",
    );
    expect(calls(`/runtimefabric/api/organizations/${bg}/privatespaces`)[0]?.query).toEqual({
      offset: "0",
      limit: "100",
    });
  });

  it("lists VPCs, their VPNs and load balancers ({data, total})", async () => {
    const anypoint = client();
    const vpcs = await anypoint.vpcs(root);
    expect(vpcs).toMatchObject([{ id: vpc, cidrBlock: "10.30.0.0/22", associatedEnvironments: [rootPrd, bgPrd] }]);
    expect((await anypoint.vpns(root, vpc))[0]?.spec?.remoteNetworks).toEqual(["10.10.0.0/16"]);
    const [dlb] = await anypoint.loadBalancers(root, vpc);
    expect(dlb?.sslEndpoints[0]?.mappings.map((m) => m.appName)).toEqual(["acme-prd-orders-papi", "acme-prd-{app}"]);
  });

  it("flattens API Manager instances out of their asset groups and reads their policies (bare array)", async () => {
    const anypoint = client();
    const apis = await anypoint.apiInstances(root, rootPrd);
    expect(apis.map((a) => [a.id, a.instanceLabel])).toEqual([[api, "orders-papi-prd"]]);
    expect((await anypoint.apiPolicies(root, rootPrd, api)).map((p) => p.assetId)).toEqual(["client-id-enforcement"]);
    expect(await anypoint.apiInstances(root, rootDev)).toEqual([]);
    expect(calls(/\/apis$/)[0]?.query).toEqual({ limit: "100", offset: "0" });
  });

  it("retries a 429 after the Retry-After the server asks for, and counts every request", async () => {
    simulator.setFaults([{ kind: "rate-limit", match: "/vpcs$", retryAfterSeconds: 2, times: 2 }]);
    const anypoint = client();
    expect(await anypoint.vpcs(root)).toHaveLength(1);
    expect(delays).toEqual([2000, 2000]);
    expect(anypoint.stats).toEqual({ requests: 4, retries: 2 }); // token + 3 attempts
  });

  it("retries a 503 until X-RateLimit-Reset", async () => {
    simulator.setFaults([{ kind: "rate-limit", status: 503, match: "/environments$", retryAfterSeconds: 5, times: 1 }]);
    await client().environments(root);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThan(3000);
    expect(delays[0]).toBeLessThanOrEqual(6000);
  });

  it("gives up after the retries with a message naming the endpoint and status", async () => {
    simulator.setFaults([{ kind: "rate-limit", match: "/vpcs$", retryAfterSeconds: 0 }]);
    await expect(client({ maxRetries: 3 }).vpcs(root)).rejects.toMatchObject({
      status: 429,
      message: `GET /cloudhub/api/organizations/${root}/vpcs answered 429, still after 3 retries`,
    });
  });

  it("backs off exponentially with jitter when the server gives no delay", async () => {
    simulator.setFaults([{ kind: "status", match: "/usage$", status: 503, times: 3 }]);
    await client({ random: () => 0.5, baseDelayMs: 100 }).usage(root);
    expect(delays).toEqual([50, 100, 200]);
  });

  it("fails at once on a 500, naming the endpoint and the status, never the server's body", async () => {
    simulator.setFaults([{ kind: "status", match: "/ipsec$", status: 500 }]);
    const error = await client()
      .vpns(root, vpc)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnypointError);
    expect(error).toMatchObject({
      status: 500,
      message: `GET /cloudhub/api/organizations/${root}/vpcs/${vpc}/ipsec answered 500`,
    });
    expect(delays).toEqual([]);
  });

  it("reports truncated JSON and an answer it cannot read as a whole, with the path of the missing field", async () => {
    simulator.setFaults([{ kind: "truncate", match: "/loadbalancers$" }]);
    await expect(client().loadBalancers(root, vpc)).rejects.toMatchObject({
      kind: "invalid_json",
      message: expect.stringMatching(/answered 200 with a body that is not valid JSON \(truncated\?\)$/),
    });
    simulator.setFaults([{ kind: "null-field", match: `/organizations/${root}$`, field: "name" }]);
    await expect(client().organization(root)).rejects.toMatchObject({
      kind: "unexpected_shape",
      path: "name",
      message: expect.stringContaining("name"),
    });
  });

  it("leaves out a list record without a field the portal needs, naming the endpoint, the record and the field", async () => {
    simulator.setEstate(
      buildEstate({
        vpcs: {
          [root]: [
            { name: "no-id", region: "eu-central-1" },
            { id: vpc, name: "no-cidr", region: "eu-central-1" },
          ],
        },
      }),
    );
    try {
      const anypoint = client();
      // cidrBlock is optional in MuleSoft's spec: that VPC is kept, its CIDR unknown.
      const vpcs = await anypoint.vpcs(root);
      expect(vpcs.map((v) => [v.id, v.cidrBlock])).toEqual([[vpc, undefined]]);
      expect(anypoint.warnings).toEqual([
        {
          endpoint: `GET /cloudhub/api/organizations/${root}/vpcs`,
          recordId: "no-id",
          path: "data.0.id",
          message: expect.stringMatching(/; the record is left out$/),
          leftOut: "record",
        },
      ]);
      // The sync asks which list it was left out of, to keep what it knew of that record.
      expect(anypoint.leftOut(vpcs)).toEqual(anypoint.warnings);
    } finally {
      simulator.setEstate(buildEstate({ extraTeams: 5 }));
    }
  });

  it("reads a field left out or null with the platform's default, and drops only the bad element of a nested list", async () => {
    const faults: Fault[] = [
      { kind: "omit-field", match: "/loadbalancers$", field: "sslEndpoints.*.mappings.*.upstreamProtocol" },
      { kind: "null-field", match: "/loadbalancers$", field: "sslEndpoints.*.verifyClientMode" },
      { kind: "omit-field", match: "/vpcs$", field: "firewallRules.0.cidrBlock" },
    ];
    const rules = (await client().vpcs(root))[0]?.firewallRules ?? [];
    simulator.setFaults(faults);
    const anypoint = client();
    const [dlb] = await anypoint.loadBalancers(root, vpc);
    expect(dlb?.sslEndpoints[0]?.mappings.map((m) => m.upstreamProtocol)).toEqual(["http", "http"]);
    expect(dlb?.sslEndpoints[0]?.verifyClientMode).toBe("off");
    const [first] = await anypoint.vpcs(root);
    expect(first?.firewallRules).toEqual(rules.slice(1));
    expect(anypoint.warnings).toEqual([
      {
        endpoint: `GET /cloudhub/api/organizations/${root}/vpcs`,
        recordId: vpc,
        path: "data.0.firewallRules.0.cidrBlock",
        message: expect.stringMatching(/; that firewallRules entry is left out$/),
        leftOut: "entry",
      },
    ]);
  });

  it("skips a malformed record in a paged list and still reads every page", async () => {
    simulator.setFaults([{ kind: "malformed-record", match: "/teams$", index: 1 }]);
    const anypoint = client({ pageSize: { accounts: 3 } });
    expect(await anypoint.teams(root)).toHaveLength(7);
    expect(anypoint.warnings.map((w) => [w.recordId, w.path])).toEqual([
      ["42", "data.1.team_id"],
      ["42", "data.1.team_id"],
      ["42", "data.1.team_id"],
    ]);
  });

  it("times out a slow answer, retrying it, then fails naming the endpoint", async () => {
    simulator.setFaults([{ kind: "slow", match: "/usage$", delayMs: 300 }]);
    await expect(client({ timeoutMs: 50, maxRetries: 1 }).usage(root)).rejects.toMatchObject({
      kind: "timeout",
      message: `GET /accounts/api/cs/organizations/${root}/usage did not answer within 0.05 s, still after 1 retries`,
    });
  });

  it("answers 403 for a business group the connected app may not read", async () => {
    simulator.setFaults([{ kind: "forbidden-org", orgId: bg }]);
    await expect(client().environments(bg)).rejects.toMatchObject({ status: 403 });
    expect(await client().environments(root)).toHaveLength(2);
  });

  it("stops at once when the sync is cancelled", async () => {
    const controller = new AbortController();
    simulator.setFaults([{ kind: "slow", match: "/usage$", delayMs: 200 }]);
    const pending = client({ signal: controller.signal }).usage(root);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ kind: "aborted" });
  });
});
