import { isDeepStrictEqual } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAnypointClient } from "@/lib/anypoint/client";
import { readEstate, type ReadProgress } from "@/lib/anypoint/collect";
import { mapEstate } from "@/lib/anypoint/mapper";
import { createSimulator, type Fault, type Simulator } from "@/lib/anypoint/simulator/server";
import { describeReadScope, unreadableScope, wasRead, type ReadScope } from "@/lib/domain/live/read-scope";
import { describeReadWarning } from "@/lib/domain/live/read-warning";
import { countByKind, type LiveResource } from "@/lib/domain/live/snapshot";
import { buildEstate, fixtureIds, fixtureSecrets } from "@/lib/fixtures/estate-fixture";

describe("reading and mapping an estate", () => {
  let simulator: Simulator;
  let baseUrl: string;
  const client = () =>
    createAnypointClient({
      baseUrl,
      clientId: "portal-reader",
      clientSecret: fixtureSecrets.clientSecret,
      sleep: async () => {},
    });

  beforeAll(async () => {
    simulator = createSimulator({ estate: buildEstate() });
    baseUrl = await simulator.listen();
  });
  afterAll(() => simulator.close());
  afterEach(() => {
    expect(simulator.requests.filter((r) => !r.handled).map((r) => r.path)).toEqual([]);
    simulator.resetRequests();
    simulator.setFaults([]);
  });

  it("walks the business groups, networks, applications, APIs and teams, reporting progress", async () => {
    const steps: ReadProgress[] = [];
    const read = await readEstate(client(), { onProgress: (p) => steps.push(p) });
    expect(read.rootOrgId).toBe(fixtureIds.root);
    expect(read.warnings).toEqual([]);
    expect(steps.map((s) => s.step)).toEqual([
      "business-group",
      "environment",
      "vpc",
      "private-space",
      "application",
      "api-instance",
      "team",
    ]);
    const resources = mapEstate(read);
    const counts = countByKind(resources);
    expect(counts).toEqual({
      "business-group": 2,
      environment: 3,
      application: 4,
      vpc: 1,
      "firewall-rule": 3,
      vpn: 2,
      "load-balancer": 1,
      "tls-endpoint": 2,
      "mapping-rule": 2,
      team: 2,
      "team-permission": 2,
      "private-space": 1,
      "api-instance": 1,
      entitlement: 7,
      // This estate runs only on CloudHub: the other runtimes' calls answer empty lists.
      "runtime-fabric": 0,
      "mule-server": 0,
      "mule-cluster": 0,
      "server-group": 0,
      "mq-destination": 0,
      "object-store": 0,
    });
  });

  it("normalises what the rules compare: names of business groups and environments, sizes, allowlists", async () => {
    const resources = mapEstate(await readEstate(client()));
    const find = (kind: string, name: string) => resources.find((r) => r.kind === kind && r.name === name);
    expect(find("application", "acme-prd-orders-papi")).toMatchObject({
      businessGroup: "ACME",
      environment: "PRD",
      attributes: { platform: "cloudhub-1", workers: 2, workerSize: "Small", vCores: 0.4, runtimeVersion: "4.6.9" },
    });
    expect(find("application", "acme-int-prd-orders-sapi")).toMatchObject({
      businessGroup: "ACME-Integration",
      environment: "INT-PRD",
      attributes: { platform: "cloudhub-2-private-space", target: "acme-int-prd-ps", replicas: 2, vCores: 1 },
    });
    expect(find("vpc", "acme-eu-prd-vpc")?.attributes).toMatchObject({
      cidr: "10.30.0.0/22",
      environments: ["PRD", "INT-PRD"],
      sharedWith: ["ACME-Integration"],
    });
    expect(find("load-balancer", "acme-eu-prd-dlb")?.attributes.allowlist).toEqual(["203.0.113.0/24"]);
    expect(find("mapping-rule", "acme-eu-prd-dlb /{app}/ -> acme-prd-{app}")?.attributes).toMatchObject({ order: 2 });
    expect(find("team-permission", "Platform-Admins: Read Applications")).toMatchObject({
      businessGroup: "ACME-Integration",
      environment: "INT-PRD",
    });
    expect(find("entitlement", "vCoresProduction")?.attributes).toEqual({ assigned: 4, reassigned: 1, consumed: 2.2 });
    expect(find("api-instance", "orders-papi-prd")?.attributes.policies).toEqual([
      { policy: "client-id-enforcement", version: "1.3.2", disabled: false },
    ]);
  });

  it("lets no secret of the estate through the mapper", async () => {
    const text = JSON.stringify(mapEstate(await readEstate(client())));
    for (const secret of Object.values(fixtureSecrets)) expect(text).not.toContain(secret);
    expect(text).toContain("db.password"); // the name of a secure property is not a secret; its value is
  });

  it("leaves out a business group the connected app may not read, reporting it unreadable by id", async () => {
    simulator.setFaults([{ kind: "forbidden-org", orgId: fixtureIds.bg }]);
    const read = await readEstate(client());
    expect(read.scopes).toEqual([
      {
        kinds: expect.arrayContaining(["business-group", "environment", "application", "api-instance", "vpc"]),
        attribute: null,
        businessGroup: null,
        businessGroupId: fixtureIds.bg,
        environment: null,
        // The business group itself and everything read through it (the last snapshot names it).
        resource: fixtureIds.bg,
        idPrefix: null,
        status: "unreadable",
        reason: `GET /accounts/api/organizations/${fixtureIds.bg} answered 403`,
      },
    ]);
    expect(read.warnings).toEqual(read.scopes.map(describeReadScope));
    expect(read.organizations.map((o) => o.name)).toEqual(["ACME"]);
  });

  it("completes a read with fields left out, null and malformed records, reporting each record it left out", async () => {
    const clean = mapEstate(await readEstate(client()));
    simulator.setFaults([
      { kind: "omit-field", match: "/loadbalancers$", field: "sslEndpoints.*.mappings.*.upstreamProtocol" },
      { kind: "null-field", match: "/deployments/", field: "target.deploymentSettings" },
      { kind: "malformed-record", match: "/deployments$" },
      { kind: "malformed-record", match: "/teams$" },
      { kind: "null-field", match: "/ipsec$", field: "name" },
    ]);
    const read = await readEstate(client());
    const vpn = `GET /cloudhub/api/organizations/${fixtureIds.root}/vpcs/${fixtureIds.vpc}/ipsec`;
    expect(read.readWarnings).toEqual(
      expect.arrayContaining([
        {
          endpoint: vpn,
          recordId: "62a07860f052884d1d129a31",
          path: "data.0.name",
          message: expect.any(String),
          leftOut: "record",
        },
        expect.objectContaining({ recordId: "42", path: "data.0.team_id" }),
        expect.objectContaining({ recordId: "42", path: "items.0.id" }),
      ]),
    );
    // Each record left out is a scope of its own: the sync keeps what it knew of exactly that record.
    expect(read.scopes.map((s) => [s.kinds.join(","), s.resource])).toEqual(
      expect.arrayContaining([
        ["vpn", "62a07860f052884d1d129a31"],
        ["application", "ch2:42"],
        ["team,team-permission", "42"],
      ]),
    );
    expect(read.warnings).toEqual([
      ...read.scopes.map(describeReadScope),
      ...read.readWarnings.map(describeReadWarning),
    ]);
    const resources = mapEstate(read);
    const byId = (list: typeof resources) => new Map(list.map((r) => [`${r.kind}:${r.externalId}`, r]));
    const before = byId(clean);
    const after = byId(resources);
    // Only the VPN without a name is gone; every other resource is read.
    expect([...before.keys()].filter((key) => !after.has(key))).toEqual(["vpn:62a07860f052884d1d129a31"]);
    expect([...after.keys()].filter((key) => !before.has(key))).toEqual([]);
    // A mapping rule without a protocol is http, as the platform routes it.
    expect(resources.filter((r) => r.kind === "mapping-rule").map((r) => r.attributes.upstreamProtocol)).toEqual([
      "http",
      "http",
    ]);
    // Deployment settings answered null: unknown, not "off".
    const ch2 = after.get("application:ch2:3f2e1d0c-0000-4000-8000-0000000000d1");
    expect(ch2?.attributes).toMatchObject({ clustered: null, autoscaling: null, lastMileSecurity: null });
  });

  it("leaves out a deployment whose detail lacks a field the portal needs, as an unread scope of that one record", async () => {
    simulator.setFaults([{ kind: "omit-field", match: "/deployments/", field: "name" }]);
    const read = await readEstate(client());
    expect(read.deployments).toEqual([]);
    expect(read.scopes).toEqual([
      expect.objectContaining({
        kinds: ["application"],
        resource: "ch2:3f2e1d0c-0000-4000-8000-0000000000d1",
        reason: expect.stringMatching(/\/deployments\/3f2e1d0c-0000-4000-8000-0000000000d1 answered in a shape .*name/),
      }),
    ]);
  });

  describe("a failed call leaves out only what it reads", () => {
    const keyed = (resources: LiveResource[]) => new Map(resources.map((r) => [`${r.kind}:${r.externalId}`, r]));
    /** The resources a faulty read lost, and those whose attributes it changed, against a clean read. */
    const compare = async (faults: Fault[]) => {
      const before = keyed(mapEstate(await readEstate(client())));
      simulator.setFaults(faults);
      const read = await readEstate(client());
      const after = keyed(mapEstate(read));
      expect([...after.keys()].filter((key) => !before.has(key))).toEqual([]);
      return {
        read,
        after,
        lost: [...before.keys()].filter((key) => !after.has(key)),
        changed: [...after.keys()].filter((key) => !isDeepStrictEqual(after.get(key), before.get(key))),
      };
    };
    const scope = ({ kinds = [], reason = "", ...place }: Partial<ReadScope>) => unreadableScope(kinds, reason, place);

    it.each([
      ["the root organisation", fixtureIds.root, "ACME"],
      ["a business group", fixtureIds.bg, "ACME-Integration"],
    ])(
      "403 on %s's usage: its consumption unknown, its environments, applications and networks read",
      async (_, orgId, name) => {
        const usage = `/accounts/api/cs/organizations/${orgId}/usage`;
        const { read, after, lost, changed } = await compare([{ kind: "status", match: `${usage}$`, status: 403 }]);
        expect(read.scopes).toEqual([
          unreadableScope(["entitlement"], `GET ${usage} answered 403`, {
            attribute: "consumed",
            businessGroup: name,
            businessGroupId: orgId,
          }),
        ]);
        expect(read.warnings).toEqual([describeReadScope(read.scopes[0]!)]);
        expect(lost).toEqual([]);
        expect(changed.length).toBeGreaterThan(0);
        expect(changed.every((key) => key.startsWith(`entitlement:${orgId}:`))).toBe(true);
        for (const key of changed) expect(after.get(key)?.attributes.consumed).toBeNull();
        expect(countByKind([...after.values()])).toMatchObject({ environment: 3, application: 4, vpc: 1, vpn: 2 });
        expect(wasRead(read.scopes, { kind: "entitlement", businessGroup: name, attribute: "consumed" })).toBe(false);
        expect(wasRead(read.scopes, { kind: "entitlement", businessGroup: name })).toBe(true);
        expect(wasRead(read.scopes, { kind: "application", businessGroup: name })).toBe(true);
      },
    );

    it("a persistent 503 on one API's policies makes only its policies unknown", async () => {
      const { read, after, lost, changed } = await compare([{ kind: "status", match: "/policies$", status: 503 }]);
      expect(read.scopes).toEqual([
        scope({
          kinds: ["api-instance"],
          attribute: "policies",
          businessGroup: "ACME",
          businessGroupId: fixtureIds.root,
          environment: "PRD",
          resource: String(fixtureIds.api),
          resourceName: "orders-papi-prd",
          reason: expect.stringMatching(/\/apis\/19876543\/policies answered 503, still after 5 retries$/),
        }),
      ]);
      expect(lost).toEqual([]);
      expect(changed).toEqual([`api-instance:${fixtureIds.api}`]);
      expect(after.get(`api-instance:${fixtureIds.api}`)?.attributes.policies).toBeNull();
      const api = { kind: "api-instance", businessGroup: "ACME", environment: "PRD" } as const;
      expect(wasRead(read.scopes, { ...api, resource: String(fixtureIds.api), attribute: "policies" })).toBe(false);
      expect(wasRead(read.scopes, { ...api, resource: "1", attribute: "policies" })).toBe(true);
      expect(wasRead(read.scopes, api)).toBe(true);
    });

    it("a 404 on a VPC's VPNs leaves out only those VPNs", async () => {
      const { read, lost, changed } = await compare([{ kind: "status", match: "/ipsec$", status: 404 }]);
      expect(read.scopes).toEqual([
        scope({
          kinds: ["vpn"],
          businessGroup: "ACME",
          businessGroupId: fixtureIds.root,
          resource: fixtureIds.vpc,
          resourceName: "acme-eu-prd-vpc",
          reason: `GET /cloudhub/api/organizations/${fixtureIds.root}/vpcs/${fixtureIds.vpc}/ipsec answered 404`,
        }),
      ]);
      expect(lost).toEqual(["vpn:62a07860f052884d1d129a31"]);
      expect(changed).toEqual([]);
      expect(wasRead(read.scopes, { kind: "vpn", businessGroup: "ACME", resource: fixtureIds.vpc })).toBe(false);
      expect(wasRead(read.scopes, { kind: "load-balancer", businessGroup: "ACME" })).toBe(true);
    });

    it("a 500 on one environment's deployments leaves out only its CloudHub 2.0 applications", async () => {
      const deployments = `/organizations/${fixtureIds.bg}/environments/${fixtureIds.bgPrd}/deployments`;
      const { read, lost, changed } = await compare([{ kind: "status", match: `${deployments}$`, status: 500 }]);
      expect(read.scopes).toEqual([
        scope({
          kinds: ["application"],
          businessGroup: "ACME-Integration",
          businessGroupId: fixtureIds.bg,
          environment: "INT-PRD",
          idPrefix: "ch2:",
          reason: `GET /amc/application-manager/api/v2${deployments} answered 500`,
        }),
      ]);
      expect(lost).toEqual(["application:ch2:3f2e1d0c-0000-4000-8000-0000000000d1"]);
      expect(changed).toEqual([]);
      const apps = { kind: "application", businessGroup: "ACME-Integration" } as const;
      expect(wasRead(read.scopes, { ...apps, environment: "INT-PRD" })).toBe(false);
      expect(wasRead(read.scopes, { kind: "application", businessGroup: "ACME", environment: "PRD" })).toBe(true);
    });

    it("a 404 on a deployment's detail leaves out only that application", async () => {
      const { read, lost } = await compare([{ kind: "status", match: "/deployments/", status: 404 }]);
      expect(read.scopes).toEqual([
        scope({
          kinds: ["application"],
          businessGroup: "ACME-Integration",
          businessGroupId: fixtureIds.bg,
          environment: "INT-PRD",
          resource: "ch2:3f2e1d0c-0000-4000-8000-0000000000d1",
          resourceName: "acme-int-prd-orders-sapi",
          reason: expect.stringMatching(/deployments\/3f2e1d0c-0000-4000-8000-0000000000d1 answered 404/),
        }),
      ]);
      expect(lost).toEqual(["application:ch2:3f2e1d0c-0000-4000-8000-0000000000d1"]);
    });

    it("a 403 on teams leaves out teams and permissions; a 500 on one team's members makes only its counts unknown", async () => {
      const teams = await compare([{ kind: "status", match: "/teams$", status: 403 }]);
      expect(teams.read.scopes).toEqual([
        scope({
          kinds: ["team", "team-permission"],
          reason: `GET /accounts/api/organizations/${fixtureIds.root}/teams answered 403`,
        }),
      ]);
      expect(teams.lost.every((key) => key.startsWith("team"))).toBe(true);
      expect(countByKind([...teams.after.values()])).toMatchObject({ team: 0, "team-permission": 0, application: 4 });

      simulator.setFaults([]);
      const members = await compare([
        { kind: "status", match: `/teams/${fixtureIds.teamAdmins}/members$`, status: 500 },
      ]);
      expect(members.read.scopes).toEqual([
        scope({
          kinds: ["team"],
          attribute: "members",
          resource: fixtureIds.teamAdmins,
          resourceName: "Platform-Admins",
          reason: expect.any(String),
        }),
      ]);
      expect(members.lost).toEqual([]);
      expect(members.changed).toEqual([`team:${fixtureIds.teamAdmins}`]);
      expect(members.after.get(`team:${fixtureIds.teamAdmins}`)?.attributes).toMatchObject({
        members: null,
        maintainers: null,
        externalMembers: null,
      });
    });

    it("a 403 on a business group's private spaces leaves them out, and the platform of what runs on them unknown", async () => {
      const spaces = `/runtimefabric/api/organizations/${fixtureIds.bg}/privatespaces`;
      const { read, after, lost, changed } = await compare([{ kind: "status", match: `${spaces}$`, status: 403 }]);
      expect(read.scopes).toEqual([
        scope({
          kinds: ["private-space", "firewall-rule", "vpn", "tls-endpoint"],
          businessGroup: "ACME-Integration",
          businessGroupId: fixtureIds.bg,
          reason: `GET ${spaces} answered 403`,
        }),
      ]);
      expect(lost).toContain(`private-space:${fixtureIds.privateSpace}`);
      const ch2 = "application:ch2:3f2e1d0c-0000-4000-8000-0000000000d1";
      expect(changed).toEqual([ch2]);
      expect(after.get(ch2)?.attributes.platform).toBeNull();
    });

    it("still fails the read when the token is refused or the root organisation cannot be read", async () => {
      const refused = createAnypointClient({ baseUrl, clientId: "portal-reader", clientSecret: "wrong" });
      await expect(readEstate(refused)).rejects.toThrow(/oauth2\/token answered 401/);
      simulator.setFaults([{ kind: "status", match: `/organizations/${fixtureIds.root}$`, status: 500 }]);
      await expect(readEstate(client(), { orgId: fixtureIds.root })).rejects.toThrow(/answered 500/);
    });
  });

  it("uses a configured organisation id instead of asking /me", async () => {
    await readEstate(client(), { orgId: fixtureIds.root });
    expect(simulator.requests.some((r) => r.path === "/accounts/api/me")).toBe(false);
  });
});
