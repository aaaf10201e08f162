// The tables of the architecture specification template (shared/reference/spec-template.md),
// recognised by their column headers. Header alternatives are compared normalised (case and
// punctuation ignored), exact first, then by prefix ("Role (e.g. Internal)" is "Role").

import { matchColumns, normaliseHeader, type ColumnSpec, type DocumentTable } from "@/lib/domain/document/markdown";
import type { SpecKind } from "@/lib/domain/spec/kinds";

export type TableId =
  | "key-systems"
  | "decisions"
  | "entitlements"
  | "business-groups"
  | "environments"
  | "vpcs"
  | "firewall-rules"
  | "vpns"
  | "load-balancers"
  | "tls-endpoints"
  | "mapping-rules"
  | "applications"
  | "sdlc-matching"
  | "teams"
  | "team-permissions"
  | "backend-systems"
  | "recovery-tiers"
  | "alerts"
  | "naming-conventions"
  | "principles";

/** A table of the template: what it holds, the sections it sits in, and its columns. */
export type TableSpec = {
  id: TableId;
  kind: SpecKind | "decision";
  /** What the report calls it. */
  label: string;
  /** Normalised names of the sections it usually sits in. */
  sections: readonly string[];
  columns: readonly ColumnSpec[];
};

const col = (field: string, headers: string[], required = false): ColumnSpec => ({ field, headers, required });

export const tableSpecs: readonly TableSpec[] = [
  {
    id: "decisions",
    kind: "decision",
    label: "Architecture decisions",
    sections: ["architecture decisions", "decisions", "architecture decision log"],
    columns: [
      col("id", ["Id", "Decision id", "#", "No"], true),
      col("decision", ["Decision"], true),
      col("rationale", ["Rationale"]),
      col("implications", ["Implication", "Implications", "Consequences"]),
    ],
  },
  {
    id: "key-systems",
    kind: "system",
    label: "Key systems",
    sections: ["key systems"],
    columns: [
      col("name", ["System", "System name", "Key system"], true),
      col("description", ["Description"]),
      col("deploymentModel", ["Deployment Model", "Deployment"]),
      col("integrationConcerns", ["Key integration concerns", "Integration concerns"]),
    ],
  },
  {
    id: "entitlements",
    kind: "entitlement",
    label: "Licensed capabilities",
    sections: ["licensed capabilities", "anypoint platform licensed capabilities", "anypoint platform"],
    columns: [
      col("name", ["Capability", "Licensed capability"], true),
      col("quantity", ["Quantity"]),
      col("value", ["Value"]),
      col("notes", ["Notes"]),
    ],
  },
  {
    id: "business-groups",
    kind: "business-group",
    label: "Business groups",
    sections: ["business groups"],
    columns: [
      col("name", ["Business Group", "Business group name", "Name"], true),
      col("description", ["Description"]),
      col("parent", ["Parent", "Parent group", "Parent business group"]),
    ],
  },
  {
    id: "environments",
    kind: "environment",
    label: "Environments",
    sections: ["environments model", "environments", "environment model"],
    columns: [
      col("name", ["Environment", "Environment name", "Name"], true),
      col("description", ["Description"]),
      col("classification", ["Classification (vCore)", "Classification", "Type"], true),
      col("highAvailability", ["High Availability?", "High availability", "HA"]),
      col("deployedBy", ["Deployed By"]),
      col("businessGroup", ["Business Group"]),
      col("minimumRuntime", ["Minimum Mule runtime", "Minimum runtime"]),
    ],
  },
  {
    id: "vpcs",
    kind: "vpc",
    label: "VPCs",
    sections: ["virtual private cloud", "vpc", "vpcs", "anypoint vpc"],
    columns: [
      col("name", ["VPC name", "VPC", "Name"], true),
      col("region", ["Region"], true),
      col("cidr", ["CIDR", "CIDR block", "CIDR range"], true),
      col("environments", ["Environments"]),
      col("businessGroup", ["Business Group"]),
    ],
  },
  {
    id: "firewall-rules",
    kind: "firewall-rule",
    label: "VPC firewall rules",
    sections: ["vpc firewall rules", "firewall rules", "virtual private cloud"],
    columns: [
      col("source", ["Source CIDR Range", "Source CIDR", "Source"], true),
      col("ports", ["Destination Port Range", "Port range", "Ports", "Destination ports"], true),
      col("scope", ["Scope"]),
      col("vpc", ["VPC", "VPC name"]),
      col("protocol", ["Protocol"]),
    ],
  },
  {
    id: "vpns",
    kind: "vpn",
    label: "VPNs",
    sections: ["secure connectivity vpn", "secure connectivity", "vpn", "vpns"],
    columns: [
      col("name", ["VPN name", "VPN", "Name"], true),
      col("vpc", ["VPC association", "VPC"], true),
      col("routing", ["Routing"]),
      col("localAsn", ["Local ASN"]),
      col("remoteAsn", ["Remote ASN"]),
      col("asns", ["ASNs", "ASN"]),
      col("remoteIp", ["Remote IP", "Remote IP address"]),
      col("staticRoutes", ["Static Routes", "Routes"]),
    ],
  },
  {
    id: "load-balancers",
    kind: "load-balancer",
    label: "Load balancers",
    sections: ["load balancing", "dedicated load balancers", "load balancers"],
    columns: [
      col("name", ["DLB Name", "DLB", "Load balancer", "Name"], true),
      col("vpc", ["VPC Name", "VPC"], true),
      col("role", ["Role"], true),
      col("allowlistedCidrs", ["Allowlisted CIDRs", "Allowlist", "Whitelisted CIDRs", "Allowed CIDRs"]),
      col("httpMode", ["HTTP mode", "HTTP"]),
      col("tls10Allowed", ["TLS 1.0 allowed", "TLS 1.0"]),
      col("defaultEndpoint", ["Default endpoint"]),
    ],
  },
  {
    id: "tls-endpoints",
    kind: "tls-endpoint",
    label: "TLS endpoints",
    sections: ["ssl endpoint and dns configuration", "tls endpoints", "ssl endpoints", "dns configuration"],
    columns: [
      col("environment", ["Environment"]),
      col("publicDns", ["Public Endpoint DNS", "Endpoint DNS", "Public DNS", "DNS"], true),
      col("certificate", ["Certificate Config", "Certificate"]),
      col("cname", ["CNAME configuration", "CNAME"]),
      col("loadBalancer", ["Load balancer", "DLB", "DLB name"]),
    ],
  },
  {
    id: "mapping-rules",
    kind: "mapping-rule",
    label: "DLB mapping rules",
    sections: ["routing mapping rules", "mapping rules", "routing rules"],
    columns: [
      col("order", ["Order", "Detail", "#"]),
      col("inputPath", ["Input path", "Input"], true),
      col("targetApp", ["Target App", "Target application", "Target"], true),
      col("outputPath", ["Output path", "Output"]),
      col("protocol", ["Protocol"]),
      col("loadBalancer", ["Load balancer", "DLB", "DLB name"]),
    ],
  },
  {
    id: "applications",
    kind: "application",
    label: "Application inventory",
    sections: ["application inventory", "applications", "planned applications"],
    columns: [
      col("name", ["Application", "Application name", "App name", "App"], true),
      col("layer", ["Layer", "API layer", "API-led layer"], true),
      col("system", ["System"]),
      col("apiVersion", ["API version", "Version"]),
      col("environments", ["Environments"]),
      col("workers", ["Workers", "Worker count", "Replicas"]),
      col("workerSize", ["Worker size", "vCores"]),
      col("drTier", ["DR Tier", "Recovery tier", "Tier"]),
      col("securityCategory", ["Security Category", "Security"]),
    ],
  },
  {
    id: "sdlc-matching",
    kind: "application",
    label: "API, artifact and CloudHub domain matching",
    sections: ["naming conventions", "naming convention", "sdlc"],
    columns: [
      col("api", ["API", "API name"], true),
      col("artifactId", ["Maven Artifact Id", "Artifact Id"], true),
      col("domain", ["Cloudhub domain", "CloudHub application", "Domain"], true),
    ],
  },
  {
    id: "teams",
    kind: "team",
    label: "Teams",
    sections: ["anypoint team profiles and permissions model", "teams", "team structure", "teams structure"],
    columns: [
      col("number", ["#.#", "#", "No", "Number"]),
      col("name", ["Team", "Team name"], true),
      col("description", ["Description"]),
      col("parent", ["Parent team", "Parent"]),
    ],
  },
  {
    id: "team-permissions",
    kind: "team-permission",
    label: "Team permissions",
    sections: ["team permissions", "anypoint team profiles and permissions model"],
    columns: [
      col("team", ["Team"], true),
      col("product", ["Product"], true),
      col("permission", ["Permission"], true),
      col("businessGroup", ["Business Group"]),
      col("environments", ["Environments"]),
    ],
  },
  {
    id: "backend-systems",
    kind: "system",
    label: "Backend systems catalog",
    sections: ["backend systems catalog", "backend systems"],
    columns: [
      col("name", ["System name", "System"], true),
      col("location", ["Location"]),
      col("protocol", ["Access Protocol", "Protocol"]),
      col("host", ["Host"]),
      col("access", ["Access"]),
      col("description", ["Description"]),
      col("deploymentModel", ["Deployment Model", "Deployment"]),
      col("integrationConcerns", ["Key integration concerns", "Integration concerns"]),
    ],
  },
  {
    id: "recovery-tiers",
    kind: "recovery-tier",
    label: "Recovery tiers",
    sections: ["recovery tiers", "disaster recovery", "high availability and disaster recovery"],
    columns: [
      col("name", ["Tier", "Recovery tier"], true),
      col("examples", ["Examples"]),
      col("rtoMinutes", ["RTO"], true),
      col("rpoMinutes", ["RPO"]),
      col("strategy", ["Strategy"]),
      col("costMultiplier", ["Cost Multiplier", "Cost"]),
    ],
  },
  {
    id: "alerts",
    kind: "alert-policy",
    label: "Platform alerts",
    sections: ["platform alerts", "alerts", "monitoring"],
    columns: [
      col("name", ["Alert name", "Alert", "Name"]),
      col("source", ["Source/Server type", "Source", "Server type"], true),
      col("condition", ["Condition"], true),
      col("severity", ["Severity Level", "Severity"], true),
      col("config", ["Config details", "Configuration", "Config"]),
    ],
  },
  {
    id: "naming-conventions",
    kind: "naming-convention",
    label: "Naming conventions",
    sections: ["naming conventions", "naming convention"],
    columns: [
      col("name", ["Name", "Convention"]),
      col("resourceKind", ["Resource", "Resource kind", "Resource type"], true),
      col("pattern", ["Pattern"], true),
      col("maxLength", ["Max length", "Maximum length"]),
      col("environments", ["Environments"]),
      col("description", ["Description"]),
    ],
  },
  {
    id: "principles",
    kind: "principle",
    label: "Integration principles",
    sections: ["integration architecture principles", "principles"],
    columns: [col("name", ["Principle", "Name"], true), col("statement", ["Statement", "Description"], true)],
  },
];

// Headers that say little on their own: a table matched only through them needs its section to agree.
const generic = new Set(["name", "description", "id", "detail", "details", "notes", "environment", "environments"]);

/** A table matched to a spec: the spec and which column holds each field. */
export type TableMatch = { spec: TableSpec; columns: Record<string, number> };

/** A table that looks like a spec's but misses a required column. */
export type TableMiss = { spec: TableSpec; missing: string[] };

/**
 * Finds the spec a table is: every required column present, and either its section is one the
 * spec sits in or it has at least two recognised columns of which one is distinctive. Among
 * several, the one with the most recognised columns (the section breaks ties).
 */
export function recogniseTable(table: DocumentTable, section: string): TableMatch | TableMiss | null {
  const inSection = (spec: TableSpec) => spec.sections.includes(normaliseHeader(section));
  let best: (TableMatch & { score: number }) | null = null;
  for (const spec of tableSpecs) {
    const columns = matchColumns(table, spec.columns);
    if (!columns) continue;
    const matched = Object.values(columns);
    const distinctive = matched.filter((i) => !generic.has(normaliseHeader(table.headers[i] ?? ""))).length;
    if (!inSection(spec) && !(matched.length >= 2 && distinctive >= 1)) continue;
    const score = matched.length + (inSection(spec) ? 0.5 : 0);
    if (!best || score > best.score) best = { spec, columns, score };
  }
  if (best) return { spec: best.spec, columns: best.columns };
  // In a section that should hold one of these tables, say which columns are missing.
  for (const spec of tableSpecs.filter(inSection)) {
    const found =
      matchColumns(
        table,
        spec.columns.map((c) => ({ ...c, required: false })),
      ) ?? {};
    const missing = spec.columns.filter((c) => c.required && found[c.field] === undefined).map((c) => c.headers[0]!);
    if (Object.keys(found).length > 0 && missing.length > 0) return { spec, missing };
  }
  return null;
}
