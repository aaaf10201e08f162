import { describe, expect, it } from "vitest";
import { carryForward, outsideScopes, scopeCovers, type PreviousSnapshot } from "@/lib/domain/live/carry-forward";
import { unreadableScope, wasRead, type ReadScope } from "@/lib/domain/live/read-scope";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import { liveResource } from "@/lib/testing/governance";

// A small estate: ACME with PRD, a VPC with a VPN and a load balancer, a private space with a rule.
const org = liveResource("business-group", "ACME", { externalId: "org" });
const sub = liveResource("business-group", "ACME-Int", { externalId: "sub", businessGroup: "ACME", parentId: "org" });
const prd = liveResource("environment", "PRD", { externalId: "env-prd", businessGroup: "ACME", parentId: "org" });
const subEnv = liveResource("environment", "INT", {
  externalId: "env-int",
  businessGroup: "ACME-Int",
  parentId: "sub",
});
const place = { businessGroup: "ACME", environment: "PRD" };
const ch1 = liveResource("application", "orders", { externalId: "ch1:env-prd:orders", ...place, parentId: "env-prd" });
const ch2 = liveResource("application", "billing", { externalId: "ch2:d1", ...place, parentId: "env-prd" });
const subApp = liveResource("application", "int-app", {
  externalId: "ch2:d9",
  businessGroup: "ACME-Int",
  environment: "INT",
  parentId: "env-int",
});
const api = liveResource("api-instance", "orders-api", {
  externalId: "42",
  ...place,
  parentId: "env-prd",
  attributes: { policies: [{ policy: "client-id-enforcement" }] },
});
const vpc = liveResource("vpc", "acme-vpc", { externalId: "vpc-1", businessGroup: "ACME", parentId: "org" });
const vpcRule = liveResource("firewall-rule", "vpc rule", {
  externalId: "vpc-1:0",
  businessGroup: "ACME",
  parentId: "vpc-1",
});
const vpn = liveResource("vpn", "acme-vpn", { externalId: "vpn-1", businessGroup: "ACME", parentId: "vpc-1" });
const dlb = liveResource("load-balancer", "acme-dlb", {
  externalId: "dlb-1",
  businessGroup: "ACME",
  parentId: "vpc-1",
});
const mapping = liveResource("mapping-rule", "acme-dlb /orders", {
  externalId: "dlb-1:0:0",
  businessGroup: "ACME",
  parentId: "dlb-1",
});
const space = liveResource("private-space", "acme-ps", { externalId: "ps-1", businessGroup: "ACME", parentId: "org" });
const spaceRule = liveResource("firewall-rule", "ps rule", {
  externalId: "ps-1:0",
  businessGroup: "ACME",
  parentId: "ps-1",
});
const team = liveResource("team", "Platform", {
  externalId: "t1",
  parentId: null,
  attributes: { members: 4, maintainers: 1, externalMembers: 0, type: "internal" },
});

const estate = [org, sub, prd, subEnv, ch1, ch2, subApp, api, vpc, vpcRule, vpn, dlb, mapping, space, spaceRule, team];
const previous = (scopes: ReadScope[] = [], resources: readonly LiveResource[] = estate): PreviousSnapshot => ({
  syncRunId: "run-1",
  readAt: "2026-12-01T08:00:00.000Z",
  resources,
  scopes,
});
const without = (...gone: LiveResource[]) => estate.filter((r) => !gone.includes(r));
const keys = (resources: readonly LiveResource[]) => resources.map((r) => r.externalId).sort();
const carriedKeys = (resources: readonly LiveResource[]) => keys(resources.filter((r) => r.carried));
const byId = new Map(estate.map((r) => [r.externalId, r]));

describe("scopeCovers", () => {
  it("covers a resource and what was read through it", () => {
    const lbs = unreadableScope(["load-balancer", "tls-endpoint", "mapping-rule"], "500", { resource: "vpc-1" });
    expect(estate.filter((r) => scopeCovers(lbs, r, byId)).map((r) => r.name)).toEqual([
      "acme-dlb",
      "acme-dlb /orders",
    ]);
  });

  it("covers a place's records of the listed kind and their children, not a sibling network's", () => {
    const spaces = unreadableScope(["private-space", "firewall-rule", "vpn", "tls-endpoint"], "403", {
      businessGroup: "ACME",
    });
    expect(estate.filter((r) => scopeCovers(spaces, r, byId)).map((r) => r.name)).toEqual(["acme-ps", "ps rule"]);
  });

  it("tells CloudHub 1.0 from 2.0 applications of one environment by their id", () => {
    const ch1List = unreadableScope(["application"], "500", { ...place, idPrefix: "ch1:" });
    expect(estate.filter((r) => scopeCovers(ch1List, r, byId)).map((r) => r.name)).toEqual(["orders"]);
  });

  it("covers a business group's sub-groups and everything read through them", () => {
    const group = unreadableScope(["business-group", "environment", "application"], "403", {
      businessGroupId: "sub",
      resource: "sub",
    });
    expect(estate.filter((r) => scopeCovers(group, r, byId)).map((r) => r.name)).toEqual([
      "ACME-Int",
      "INT",
      "int-app",
    ]);
  });
});

describe("carryForward", () => {
  it("keeps what the previous snapshot knew of an unreadable scope, marked with the time it was read", () => {
    const scope = unreadableScope(["application"], "GET …/deployments answered 503", { ...place, idPrefix: "ch2:" });
    const merged = carryForward({ resources: without(ch2), scopes: [scope] }, previous());
    expect(keys(merged.resources)).toEqual(keys(estate));
    expect(merged.resources.find((r) => r.externalId === "ch2:d1")?.carried).toEqual({
      syncRunId: "run-1",
      readAt: "2026-12-01T08:00:00.000Z",
      attributes: null,
    });
    expect(carriedKeys(merged.resources)).toEqual(["ch2:d1"]);
    expect(merged.scopes).toEqual([
      {
        ...scope,
        status: "carried-forward",
        carriedFrom: { syncRunId: "run-1", readAt: "2026-12-01T08:00:00.000Z" },
        carriedRecords: 1,
      },
    ]);
    // Known again (stale), so the rules may conclude from it.
    expect(wasRead(merged.scopes, { kind: "application", ...place })).toBe(true);
  });

  it("never carries a record the new read has, nor one outside the scope (a deleted VPC rule stays deleted)", () => {
    const spaces = unreadableScope(["private-space", "firewall-rule", "vpn", "tls-endpoint"], "403", {
      businessGroup: "ACME",
    });
    const merged = carryForward({ resources: without(space, spaceRule, vpcRule), scopes: [spaces] }, previous());
    expect(carriedKeys(merged.resources)).toEqual(["ps-1", "ps-1:0"]);
    expect(keys(merged.resources)).not.toContain("vpc-1:0");
  });

  it("takes an attribute left unknown from the previous record, the rest of the record from the new read", () => {
    const policies = unreadableScope(["api-instance"], "GET …/policies answered 503", {
      ...place,
      attribute: "policies",
      resource: "42",
    });
    const fresh = { ...api, name: "orders-api-v2", attributes: { policies: null } };
    const members = unreadableScope(["team"], "GET …/members answered 500", { attribute: "members", resource: "t1" });
    const freshTeam = {
      ...team,
      attributes: { type: "internal", members: null, maintainers: null, externalMembers: null },
    };
    const merged = carryForward(
      { resources: [...without(api, team), fresh, freshTeam], scopes: [policies, members] },
      previous(),
    );
    const read = merged.resources.find((r) => r.externalId === "42")!;
    expect(read).toMatchObject({ name: "orders-api-v2", attributes: api.attributes });
    expect(read.carried).toEqual({ syncRunId: "run-1", readAt: "2026-12-01T08:00:00.000Z", attributes: ["policies"] });
    expect(merged.resources.find((r) => r.externalId === "t1")).toMatchObject({
      attributes: team.attributes,
      carried: { attributes: ["members", "maintainers", "externalMembers"] },
    });
    expect(merged.scopes.map((s) => [s.status, s.carriedRecords])).toEqual([
      ["carried-forward", 1],
      ["carried-forward", 1],
    ]);
  });

  it("names a business group read by id only from the previous snapshot, and keeps its sub-tree", () => {
    const scope = unreadableScope(["business-group", "environment", "application"], "403", {
      businessGroupId: "sub",
      resource: "sub",
    });
    const merged = carryForward({ resources: without(sub, subEnv, subApp), scopes: [scope] }, previous());
    expect(merged.scopes[0]).toMatchObject({ businessGroup: "ACME-Int", status: "carried-forward", carriedRecords: 3 });
    expect(carriedKeys(merged.resources)).toEqual(["ch2:d9", "env-int", "sub"]);
  });

  it("leaves a first sync's unreadable scope unknown, never empty", () => {
    const scope = unreadableScope(["entitlement"], "GET …/usage answered 403", {
      attribute: "consumed",
      businessGroup: "ACME",
    });
    const merged = carryForward({ resources: estate, scopes: [scope] }, null);
    expect(merged.scopes).toEqual([scope]);
    expect(wasRead(merged.scopes, { kind: "entitlement", businessGroup: "ACME", attribute: "consumed" })).toBe(false);
  });

  it("stays unreadable where the previous sync could not read it either, keeping the records it had", () => {
    const scope = unreadableScope(["application"], "503", { ...place, idPrefix: "ch2:" });
    const merged = carryForward({ resources: without(ch2), scopes: [scope] }, previous([{ ...scope, reason: "500" }]));
    expect(merged.scopes[0]).toMatchObject({ status: "unreadable", carriedRecords: 1 });
    expect(wasRead(merged.scopes, { kind: "application", ...place })).toBe(false);
  });

  it("keeps the age of data already carried by the previous sync", () => {
    const scope = unreadableScope(["application"], "503", { ...place, idPrefix: "ch2:" });
    const earlier = {
      ...ch2,
      carried: { syncRunId: "run-0", readAt: "2026-11-30T08:00:00.000Z", attributes: null },
    };
    const carriedBefore = {
      ...scope,
      status: "carried-forward" as const,
      carriedFrom: { syncRunId: "run-0", readAt: "2026-11-30T08:00:00.000Z" },
      carriedRecords: 1,
    };
    const merged = carryForward(
      { resources: without(ch2), scopes: [scope] },
      previous([carriedBefore], [...without(ch2), earlier]),
    );
    expect(merged.resources.find((r) => r.externalId === "ch2:d1")?.carried?.readAt).toBe("2026-11-30T08:00:00.000Z");
    expect(merged.scopes[0]?.carriedFrom?.readAt).toBe("2026-11-30T08:00:00.000Z");
  });

  it("changes nothing when everything was read", () => {
    expect(carryForward({ resources: estate, scopes: [] }, previous())).toEqual({ resources: estate, scopes: [] });
  });
});

describe("outsideScopes", () => {
  it("leaves out what a record scope covers, so that the deletion guard never counts it as removed", () => {
    const lbs = unreadableScope(["load-balancer", "tls-endpoint", "mapping-rule"], "500", { resource: "vpc-1" });
    const ch2List = unreadableScope(["application"], "503", { ...place, idPrefix: "ch2:" });
    const policies = unreadableScope(["api-instance"], "503", { attribute: "policies", resource: "42" });
    const outside = outsideScopes(estate, [lbs, ch2List, policies]);
    expect(keys(estate).filter((id) => !keys(outside).includes(id))).toEqual(["ch2:d1", "dlb-1", "dlb-1:0:0"]);
    // Nothing unread: everything counts.
    expect(outsideScopes(estate, [])).toEqual(estate);
  });
});
