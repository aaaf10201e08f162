import { describe, expect, it } from "vitest";
import {
  describeReadScope,
  readScopeSchema,
  unreadableScope,
  wasRead,
  type ReadScope,
} from "@/lib/domain/live/read-scope";

const scope = ({ kinds = ["application"], reason = "GET /x answered 500", ...place }: Partial<ReadScope>) =>
  readScopeSchema.parse(unreadableScope(kinds, reason, place));

describe("wasRead", () => {
  it("says everything was read when no scope is unreadable", () => {
    expect(wasRead([], { kind: "application", businessGroup: "ACME", environment: "PRD" })).toBe(true);
  });

  it("narrows by kind, business group and environment", () => {
    const scopes = [scope({ kinds: ["application", "api-instance"], businessGroup: "ACME", environment: "PRD" })];
    expect(wasRead(scopes, { kind: "application", businessGroup: "ACME", environment: "PRD" })).toBe(false);
    expect(wasRead(scopes, { kind: "api-instance", businessGroup: "ACME", environment: "PRD" })).toBe(false);
    expect(wasRead(scopes, { kind: "application", businessGroup: "ACME", environment: "DEV" })).toBe(true);
    expect(wasRead(scopes, { kind: "application", businessGroup: "Other", environment: "PRD" })).toBe(true);
    expect(wasRead(scopes, { kind: "vpc", businessGroup: "ACME" })).toBe(true);
    // A question about the whole business group (or organisation) overlaps the unread environment.
    expect(wasRead(scopes, { kind: "application", businessGroup: "ACME" })).toBe(false);
    expect(wasRead(scopes, { kind: "application" })).toBe(false);
  });

  it("reads a scope without a place as covering every place", () => {
    const scopes = [scope({ kinds: ["team", "team-permission"] })];
    expect(wasRead(scopes, { kind: "team-permission", businessGroup: "ACME", environment: "PRD" })).toBe(false);
  });

  it("covers every business group with one whose name could not be read", () => {
    const scopes = [scope({ kinds: ["business-group", "application"], businessGroupId: "b2c3" })];
    expect(wasRead(scopes, { kind: "business-group", businessGroup: "ACME-Integration" })).toBe(false);
    expect(wasRead(scopes, { kind: "application", businessGroup: "ACME", environment: "PRD" })).toBe(false);
  });

  it("narrows by resource: one record, or the parent whose children were not read", () => {
    const scopes = [scope({ kinds: ["vpn"], businessGroup: "ACME", resource: "vpc-1" })];
    expect(wasRead(scopes, { kind: "vpn", businessGroup: "ACME", resource: "vpc-1" })).toBe(false);
    expect(wasRead(scopes, { kind: "vpn", businessGroup: "ACME", resource: "vpc-2" })).toBe(true);
    expect(wasRead(scopes, { kind: "vpn", businessGroup: "ACME" })).toBe(false);
  });

  it("answers an attribute's scope only for that attribute; a record scope for all of them", () => {
    const policies = [
      scope({
        kinds: ["api-instance"],
        attribute: "policies",
        businessGroup: "ACME",
        environment: "PRD",
        resource: "7",
      }),
    ];
    const asked = { kind: "api-instance", businessGroup: "ACME", environment: "PRD" } as const;
    expect(wasRead(policies, { ...asked, resource: "7", attribute: "policies" })).toBe(false);
    expect(wasRead(policies, { ...asked, resource: "8", attribute: "policies" })).toBe(true);
    expect(wasRead(policies, { ...asked, resource: "7" })).toBe(true);
    const records = [scope({ kinds: ["api-instance"], businessGroup: "ACME", environment: "PRD" })];
    expect(wasRead(records, { ...asked, resource: "7", attribute: "policies" })).toBe(false);
  });
});

describe("describeReadScope", () => {
  it("names what was not read, where, and why", () => {
    expect(
      describeReadScope(
        scope({
          kinds: ["entitlement"],
          attribute: "consumed",
          businessGroup: "ACME",
          businessGroupId: "a1",
          reason: "GET /accounts/api/cs/organizations/a1/usage answered 403",
        }),
      ),
    ).toBe(
      "Not read: consumed of entitlements (business group ACME): GET /accounts/api/cs/organizations/a1/usage answered 403",
    );
    expect(describeReadScope(scope({ kinds: ["business-group", "vpc"], businessGroupId: "b2", reason: "403" }))).toBe(
      "Not read: business groups, VPCs (business group b2): 403",
    );
  });
});
