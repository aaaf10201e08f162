import type { SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import type { TopologyFinding, TopologyInput } from "@/lib/domain/topology/types";
import { liveResource, specEntry } from "@/lib/testing/governance";

/**
 * A small platform for diagram tests: one built VPC with a DLB, a VPN (planned, not built) and
 * applications in DEV and PROD; a DR VPC that exists only in the plan; an unplanned live
 * application; a mapping rule by pattern; a system; an active-active tier.
 */
export function topologyFixture(overrides: Partial<TopologyInput> = {}) {
  const bg = specEntry("business-group", { name: "Logistics" }, "bg");
  const dev = specEntry("environment", { name: "DEV", classification: "sandbox", businessGroup: "bg" }, "env-dev");
  const prod = specEntry(
    "environment",
    { name: "PROD", classification: "production", businessGroup: "bg" },
    "env-prod",
  );
  const drEnv = specEntry("environment", { name: "DR", classification: "production", businessGroup: "bg" }, "env-dr");
  const vpc = specEntry(
    "vpc",
    {
      name: "vpc-main",
      region: "eu-central-1",
      cidr: "10.20.0.0/20",
      environments: ["env-dev", "env-prod"],
      businessGroup: "bg",
    },
    "vpc-main",
  );
  const vpcDr = specEntry(
    "vpc",
    { name: "vpc-dr", region: "eu-west-1", cidr: "10.30.0.0/20", environments: ["env-dr"], businessGroup: "bg" },
    "vpc-dr",
  );
  const firewall = specEntry(
    "firewall-rule",
    { vpc: "vpc-main", source: "0.0.0.0/0", protocol: "tcp", fromPort: 8091, toPort: 8092 },
    "fw-1",
  );
  const dlb = specEntry("load-balancer", { name: "dlb-ext", vpc: "vpc-main", role: "external" }, "dlb-ext");
  const rule = specEntry(
    "mapping-rule",
    { loadBalancer: "dlb-ext", order: 1, inputPath: "/{system}/", targetApp: "{scope}-prc-{system}-api-{version}" },
    "rule-1",
  );
  const vpn = specEntry(
    "vpn",
    { name: "vpn-dc", vpc: "vpc-main", routing: "static", remoteIp: "203.0.113.10", staticRoutes: ["192.168.0.0/16"] },
    "vpn-dc",
  );
  const sap = specEntry("system", { name: "SAP S/4HANA", deploymentModel: "on-premise" }, "sys-sap");
  const tier = specEntry("recovery-tier", { name: "Tier 1", strategy: "Active-Active", rtoMinutes: 15 }, "tier-1");
  const orders = specEntry(
    "application",
    {
      name: "nwf-prc-orders-api-v1",
      layer: "process",
      environments: ["env-dev", "env-prod", "env-dr"],
      drTier: "tier-1",
      dependsOn: ["app-sap"],
    },
    "app-orders",
  );
  const sapApp = specEntry(
    "application",
    { name: "nwf-sys-sap-api-v1", layer: "system", system: "sys-sap", environments: ["env-prod"] },
    "app-sap",
  );
  const spec: SpecEntry[] = [bg, dev, prod, drEnv, vpc, vpcDr, firewall, dlb, rule, vpn, sap, tier, orders, sapApp];

  const live: LiveResource[] = [
    liveResource("environment", "DEV", { externalId: "e-dev", businessGroup: "Logistics" }),
    liveResource("environment", "PROD", { externalId: "e-prod", businessGroup: "Logistics" }),
    liveResource("vpc", "vpc-main", {
      externalId: "lv-main",
      attributes: { region: "eu-central-1", cidr: "10.20.0.0/20", environments: ["DEV", "PROD"] },
    }),
    liveResource("firewall-rule", "vpc-main 0.0.0.0/0 tcp 8091-8092", {
      externalId: "lv-main:0",
      attributes: { network: "vpc-main", cidr: "0.0.0.0/0" },
    }),
    liveResource("load-balancer", "dlb-ext", { externalId: "ldlb", attributes: { vpc: "vpc-main", state: "STARTED" } }),
    liveResource("mapping-rule", "dlb-ext /rogue/ -> rogue-app", {
      externalId: "ldlb:0:0",
      attributes: { loadBalancer: "dlb-ext", inputUri: "/rogue/", appName: "rogue-app" },
    }),
    liveResource("application", "nwf-prc-orders-api-v1", {
      externalId: "la-orders-prod",
      environment: "PROD",
      businessGroup: "Logistics",
      attributes: { platform: "cloudhub-1", region: "eu-central-1", workers: 1 },
    }),
    liveResource("application", "nwf-prc-orders-api-v1-dev", {
      externalId: "la-orders-dev",
      environment: "DEV",
      businessGroup: "Logistics",
      attributes: { platform: "cloudhub-1", region: "eu-central-1", workers: 1 },
    }),
    liveResource("application", "rogue-app", {
      externalId: "la-rogue",
      environment: "PROD",
      businessGroup: "Logistics",
      attributes: { platform: "cloudhub-1", region: "eu-central-1" },
    }),
  ];

  const finding = (
    f: Partial<TopologyFinding> & Pick<TopologyFinding, "ruleId" | "resourceKind" | "resourceName">,
  ) => ({
    fingerprint: `${f.ruleId}:${f.resourceName}:${f.environment ?? ""}`,
    severity: "warning" as const,
    category: "drift" as const,
    environment: null,
    message: `${f.ruleId} on ${f.resourceName}`,
    specRecordId: null,
    liveExternalId: null,
    ...f,
  });
  const findings: TopologyFinding[] = [
    finding({
      ruleId: "DRIFT-VALUE",
      resourceKind: "application",
      resourceName: "nwf-prc-orders-api-v1",
      environment: "PROD",
      specRecordId: "app-orders",
      liveExternalId: "la-orders-prod",
    }),
    finding({
      ruleId: "AVAIL-HA-WORKERS",
      category: "availability",
      severity: "error",
      resourceKind: "application",
      resourceName: "nwf-prc-orders-api-v1",
      environment: "PROD",
      liveExternalId: "la-orders-prod",
    }),
    finding({
      ruleId: "NET-FIREWALL-INTERNAL-OPEN",
      category: "network",
      resourceKind: "firewall-rule",
      resourceName: "x",
      specRecordId: "fw-1",
    }),
    finding({ ruleId: "DRIFT-MISSING", resourceKind: "vpc", resourceName: "vpc-dr", specRecordId: "vpc-dr" }),
    finding({
      ruleId: "DRIFT-UNPLANNED",
      resourceKind: "application",
      resourceName: "rogue-app",
      environment: "PROD",
      liveExternalId: "la-rogue",
    }),
  ];
  return { spec, live, findings, controlPlane: "eu", ...overrides } satisfies TopologyInput;
}
