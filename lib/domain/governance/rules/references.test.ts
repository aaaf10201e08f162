import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/domain/governance/engine";
import { ruleset } from "@/lib/domain/governance/ruleset";
import type { SpecEntry } from "@/lib/domain/governance/types";
import { evaluationInput, specEntry } from "@/lib/testing/governance";

const run = (spec: SpecEntry[]) =>
  evaluate(
    ruleset.filter((r) => r.id === "GAP-REFERENCE" || r.id === "GAP-FIELD-EMPTY"),
    evaluationInput({ spec }),
    [],
  ).map((f) => [f.ruleId, f.severity, f.message]);

describe("GAP-REFERENCE", () => {
  const vpcs = [
    specEntry("vpc", { name: "vpc01-nonprod-de-c1", region: "eu-central-1", cidr: "10.10.0.0/20" }, "vpc-1"),
    specEntry("vpc", { name: "vpc01-prod-de-c1", region: "eu-central-1", cidr: "10.20.0.0/20" }, "vpc-2"),
  ];

  it("reports a record kept with a name that matches nothing, once, with the closest name and why", () => {
    const vpn = specEntry("vpn", {
      name: "vpn-nonprod-dc",
      routing: "static",
      remoteIp: "198.51.100.7",
      unresolved: { vpc: ["vpc01-nonprod-eu-frankfurt"] },
    });
    expect(run([...vpcs, vpn]).filter(([, , m]) => String(m).includes("vpn-nonprod-dc"))).toEqual([
      [
        "GAP-REFERENCE",
        "error",
        'VPN "vpn-nonprod-dc": VPC "vpc01-nonprod-eu-frankfurt" names no VPC; closest: vpc01-nonprod-de-c1 (same prefix "vpc01-nonprod-", same environment (nonprod), 11 edits apart)',
      ],
    ]);
  });

  it("is a warning for an optional reference, and names no closest record when none is close", () => {
    const vpc = specEntry("vpc", {
      name: "vpc-x",
      region: "eu-central-1",
      cidr: "10.30.0.0/20",
      unresolved: { businessGroup: ["Treasury Ops"] },
    });
    expect(run([vpc]).filter(([rule]) => rule === "GAP-REFERENCE")).toEqual([
      ["GAP-REFERENCE", "warning", 'VPC "vpc-x": Business group "Treasury Ops" names no business group'],
    ]);
  });

  it("says nothing of records whose references all resolved", () => {
    const vpn = specEntry("vpn", { name: "vpn-ok", vpc: "vpc-1", routing: "static", remoteIp: "198.51.100.8" });
    expect(run([...vpcs, vpn]).filter(([rule]) => rule === "GAP-REFERENCE")).toEqual([]);
  });

  it("says which record to choose in the editor, with the closest name", () => {
    const vpn = specEntry("vpn", {
      name: "vpn-nonprod-dc",
      routing: "static",
      remoteIp: "198.51.100.7",
      unresolved: { vpc: ["vpc01-nonprod-eu-frankfurt"] },
    });
    const findings = evaluate(
      ruleset.filter((r) => r.id === "GAP-REFERENCE"),
      evaluationInput({ spec: [...vpcs, vpn] }),
      [],
    );
    expect(findings.map((f) => f.remediation)).toEqual([
      'In the editor of VPN "vpn-nonprod-dc" (or the next import\'s preview), choose the VPC "vpc01-nonprod-eu-frankfurt" means (closest: vpc01-nonprod-de-c1); the name is remembered for later imports',
    ]);
  });
});
