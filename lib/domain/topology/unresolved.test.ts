import { describe, expect, it } from "vitest";
import { buildTopology } from "@/lib/domain/topology/build";
import { evaluate } from "@/lib/domain/governance/engine";
import { ruleset } from "@/lib/domain/governance/ruleset";
import { evaluationInput, specEntry } from "@/lib/testing/governance";

// Imported records may hold a required reference only as the name a document wrote (decision 0019).
describe("diagrams of records whose references did not resolve", () => {
  const vpc = specEntry("vpc", { name: "vpc-a", region: "eu-central-1", cidr: "10.0.0.0/20" }, "vpc-a");
  const spec = [
    vpc,
    specEntry("vpn", { name: "vpn-x", routing: "static", remoteIp: "198.51.100.7", unresolved: { vpc: ["vpc-b"] } }),
    specEntry("load-balancer", { name: "dlb-x", role: "internal", unresolved: { vpc: ["vpc-b"] } }),
    specEntry("mapping-rule", { order: 1, inputPath: "/a/", targetApp: "a", unresolved: { loadBalancer: ["dlb-y"] } }),
    specEntry("firewall-rule", {
      source: "10.0.0.0/8",
      protocol: "tcp",
      fromPort: 1,
      toPort: 2,
      unresolved: { vpc: ["v"] },
    }),
  ];

  it("draws every view without them, and without failing", () => {
    for (const view of ["platform", "api-led", "dr"] as const) {
      const graph = buildTopology(view, { spec, live: null, findings: [], controlPlane: "eu" });
      expect(graph.nodes.every((n) => typeof n.id === "string")).toBe(true);
    }
    const platform = buildTopology("platform", { spec, live: null, findings: [], controlPlane: "eu" });
    expect(platform.nodes.some((n) => n.label === "vpc-a")).toBe(true);
  });

  it("lets every rule run over them, and GAP-REFERENCE report each", () => {
    const findings = evaluate(ruleset, evaluationInput({ spec }), []);
    expect(
      findings
        .filter((f) => f.ruleId === "GAP-REFERENCE")
        .map((f) => f.resourceKind)
        .sort(),
    ).toEqual(["firewall-rule", "load-balancer", "mapping-rule", "vpn"]);
  });
});
