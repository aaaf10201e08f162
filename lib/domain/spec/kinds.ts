import { z } from "zod";
import type { Permission } from "@/lib/domain/access";
import { fieldValidator, type DataOf, type FieldDef, type FieldOption } from "@/lib/domain/spec/fields";

const opts = (...pairs: [string, string][]): readonly FieldOption[] =>
  pairs.map(([value, label]) => ({ value, label }));

/** CloudHub 2.0 / 1.0 regions an Anypoint VPC can live in. */
export const regionOptions = opts(
  ["us-east-1", "US East (N. Virginia)"],
  ["us-east-2", "US East (Ohio)"],
  ["us-west-1", "US West (N. California)"],
  ["us-west-2", "US West (Oregon)"],
  ["ca-central-1", "Canada (Central)"],
  ["eu-west-1", "EU (Ireland)"],
  ["eu-west-2", "EU (London)"],
  ["eu-central-1", "EU (Frankfurt)"],
  ["ap-southeast-1", "Asia Pacific (Singapore)"],
  ["ap-southeast-2", "Asia Pacific (Sydney)"],
  ["ap-northeast-1", "Asia Pacific (Tokyo)"],
  ["sa-east-1", "South America (São Paulo)"],
);

export const workerSizeOptions = opts(
  ["0.1", "0.1 vCore"],
  ["0.2", "0.2 vCore"],
  ["1", "1 vCore"],
  ["2", "2 vCores"],
  ["4", "4 vCores"],
  ["8", "8 vCores"],
  ["16", "16 vCores"],
);

const name = (label = "Name", help?: string) => ({ name: "name", label, type: "text", required: true, help }) as const;
const description = { name: "description", label: "Description", type: "longtext", tracked: true } as const;

/** One problem found across fields of a record (a field validator cannot see its siblings). */
export type RecordProblem = { field: string; message: string };

type KindShape = {
  readonly label: string;
  readonly plural: string;
  readonly chapter: ChapterId;
  readonly fields: readonly FieldDef[];
  /** The field whose value is unique per workspace; absent when records have no name. */
  readonly key?: string;
  readonly summary?: string;
};

export const chapters = [
  { id: "context", title: "Business and solution context" },
  { id: "capabilities", title: "Licensed capabilities" },
  { id: "platform", title: "Platform architecture" },
  { id: "resilience", title: "High availability and disaster recovery" },
  { id: "security", title: "Security architecture" },
  { id: "applications", title: "Application architecture" },
  { id: "operations", title: "Operations" },
  { id: "sdlc", title: "SDLC and naming conventions" },
  { id: "narrative", title: "Narrative sections" },
] as const;
export type ChapterId = (typeof chapters)[number]["id"];

/**
 * Every kind of record in a specification, with its fields. Everything else derives from this:
 * validation, types, the REST API, the editors and the completeness figures. Kind ids are stable
 * (they appear in URLs, the CLI and users' pipelines).
 */
export const specKinds = {
  "business-group": {
    label: "Business group",
    plural: "Business groups",
    chapter: "platform",
    key: "name",
    summary: "The organisation's business groups; the master group first.",
    fields: [name(), description, { name: "parent", label: "Parent group", type: "ref", ref: "business-group" }],
  },
  environment: {
    label: "Environment",
    plural: "Environments",
    chapter: "platform",
    key: "name",
    summary: "Environments, their classification and who deploys to them.",
    fields: [
      name(),
      description,
      {
        name: "classification",
        label: "Classification",
        type: "enum",
        required: true,
        options: opts(["sandbox", "Sandbox"], ["production", "Production"], ["design", "Design"]),
      },
      { name: "highAvailability", label: "High availability", type: "boolean" },
      { name: "deployedBy", label: "Deployed by", type: "text", tracked: true },
      { name: "businessGroup", label: "Business group", type: "ref", ref: "business-group", tracked: true },
      {
        name: "minimumRuntime",
        label: "Minimum Mule runtime",
        type: "text",
        help: "e.g. 4.6.0; applications on older runtimes are reported",
      },
    ],
  },
  vpc: {
    label: "VPC",
    plural: "VPCs",
    chapter: "platform",
    key: "name",
    summary: "Anypoint VPCs: region, CIDR block (/16 to /24), environments and business group.",
    fields: [
      name("VPC name"),
      { name: "region", label: "Region", type: "enum", required: true, options: regionOptions },
      {
        name: "cidr",
        label: "CIDR",
        type: "cidr",
        required: true,
        prefix: { min: 16, max: 24 },
        help: "e.g. 10.20.0.0/20",
      },
      { name: "environments", label: "Environments", type: "ref-list", ref: "environment", tracked: true },
      { name: "businessGroup", label: "Business group", type: "ref", ref: "business-group", tracked: true },
    ],
  },
  "firewall-rule": {
    label: "Firewall rule",
    plural: "VPC firewall rules",
    chapter: "platform",
    summary: "Inbound rules of each VPC: source, protocol, ports and scope.",
    fields: [
      { name: "vpc", label: "VPC", type: "ref", ref: "vpc", required: true },
      {
        name: "source",
        label: "Source",
        type: "text",
        required: true,
        help: "A CIDR block, or a named source such as Local VPC CIDR",
      },
      {
        name: "protocol",
        label: "Protocol",
        type: "enum",
        required: true,
        options: opts(["tcp", "TCP"], ["udp", "UDP"], ["any", "Any"]),
      },
      { name: "fromPort", label: "From port", type: "integer", required: true, min: 1, max: 65535 },
      { name: "toPort", label: "To port", type: "integer", required: true, min: 1, max: 65535 },
      { name: "scope", label: "Scope", type: "text", tracked: true, help: "e.g. Internal APIs, Anywhere" },
    ],
  },
  vpn: {
    label: "VPN",
    plural: "VPNs",
    chapter: "platform",
    key: "name",
    summary: "Site-to-site VPNs of each VPC: routing, ASNs, remote IP and static routes.",
    fields: [
      name("VPN name"),
      { name: "vpc", label: "VPC", type: "ref", ref: "vpc", required: true },
      {
        name: "routing",
        label: "Routing",
        type: "enum",
        required: true,
        options: opts(["static", "Static"], ["bgp", "BGP"]),
      },
      { name: "localAsn", label: "Local ASN", type: "integer", min: 1, max: 4294967295 },
      { name: "remoteAsn", label: "Remote ASN", type: "integer", min: 1, max: 4294967295 },
      { name: "remoteIp", label: "Remote IP", type: "ipv4", required: true },
      { name: "staticRoutes", label: "Static routes", type: "cidr-list" },
    ],
  },
  "load-balancer": {
    label: "Load balancer",
    plural: "Dedicated load balancers",
    chapter: "platform",
    key: "name",
    summary: "Dedicated load balancers: VPC, role, allowlist, HTTP mode and TLS settings.",
    fields: [
      name("DLB name"),
      { name: "vpc", label: "VPC", type: "ref", ref: "vpc", required: true },
      {
        name: "role",
        label: "Role",
        type: "enum",
        required: true,
        options: opts(["internal", "Internal"], ["external", "External"]),
      },
      { name: "allowlistedCidrs", label: "Allowlisted CIDRs", type: "cidr-list", tracked: true },
      {
        name: "httpMode",
        label: "HTTP mode",
        type: "enum",
        options: opts(["off", "Off (HTTPS only)"], ["on", "On"], ["redirect", "Redirect to HTTPS"]),
        tracked: true,
      },
      { name: "tls10Allowed", label: "TLS 1.0 allowed", type: "boolean" },
      { name: "defaultEndpoint", label: "Default endpoint", type: "text", tracked: true },
    ],
  },
  "tls-endpoint": {
    label: "TLS endpoint",
    plural: "TLS endpoints and DNS",
    chapter: "platform",
    key: "publicDns",
    summary: "Certificates and DNS of each load balancer, per environment.",
    fields: [
      { name: "publicDns", label: "Public endpoint DNS", type: "hostname", required: true },
      { name: "loadBalancer", label: "Load balancer", type: "ref", ref: "load-balancer", required: true },
      { name: "environment", label: "Environment", type: "ref", ref: "environment", tracked: true },
      { name: "certificate", label: "Certificate", type: "text", tracked: true },
      { name: "cname", label: "CNAME", type: "text", tracked: true },
    ],
  },
  "mapping-rule": {
    label: "Mapping rule",
    plural: "DLB mapping rules",
    chapter: "platform",
    summary: "URL mapping rules of each load balancer, in order; paths and targets are patterns.",
    fields: [
      { name: "loadBalancer", label: "Load balancer", type: "ref", ref: "load-balancer", required: true },
      { name: "order", label: "Order", type: "integer", required: true, min: 1, max: 10000 },
      {
        name: "inputPath",
        label: "Input path",
        type: "text",
        required: true,
        help: "e.g. /{scope}/sys/{system}/api/{version}/",
      },
      {
        name: "targetApp",
        label: "Target app",
        type: "text",
        required: true,
        help: "e.g. {scope}-sys-{system}-api-{version}",
      },
      { name: "outputPath", label: "Output path", type: "text", tracked: true },
      {
        name: "protocol",
        label: "Protocol",
        type: "enum",
        options: opts(["http", "HTTP"], ["https", "HTTPS"]),
        tracked: true,
      },
    ],
  },
  application: {
    label: "Application",
    plural: "Planned applications",
    chapter: "applications",
    key: "name",
    summary: "The Mule applications planned, by API-led layer, with sizing and DR tier.",
    fields: [
      {
        name: "name",
        label: "Name",
        type: "cloudhub-app-name",
        required: true,
        help: "lowercase letters, digits, hyphens; at most 42",
      },
      {
        name: "layer",
        label: "Layer",
        type: "enum",
        required: true,
        options: opts(["experience", "Experience"], ["process", "Process"], ["system", "System"]),
      },
      { name: "system", label: "System", type: "ref", ref: "system" },
      {
        name: "dependsOn",
        label: "Calls",
        type: "ref-list",
        ref: "application",
        help: "the applications this one calls: the API-led diagram draws them",
      },
      { name: "apiVersion", label: "API version", type: "text", tracked: true, help: "e.g. v1" },
      { name: "environments", label: "Environments", type: "ref-list", ref: "environment", tracked: true },
      { name: "workers", label: "Workers", type: "integer", min: 1, max: 8, tracked: true },
      { name: "workerSize", label: "Worker size", type: "enum", options: workerSizeOptions, tracked: true },
      { name: "drTier", label: "DR tier", type: "ref", ref: "recovery-tier", tracked: true },
      {
        name: "securityCategory",
        label: "Security category",
        type: "enum",
        options: opts(["level-a", "Level A (OAuth 2.0 / JWT)"], ["level-b", "Level B (client id)"]),
        tracked: true,
      },
    ],
  },
  system: {
    label: "System",
    plural: "Systems",
    chapter: "context",
    key: "name",
    summary: "Key systems and the backend catalog: how each is deployed and reached.",
    fields: [
      name("System"),
      description,
      { name: "keySystem", label: "Key system", type: "boolean" },
      {
        name: "deploymentModel",
        label: "Deployment model",
        type: "text",
        tracked: true,
        help: "e.g. SaaS, on-premise, AWS",
      },
      { name: "location", label: "Location", type: "text", tracked: true },
      { name: "protocol", label: "Access protocol", type: "text", tracked: true, help: "e.g. REST/HTTPS, JDBC, SFTP" },
      { name: "host", label: "Host", type: "text", tracked: true },
      { name: "access", label: "Access", type: "text", tracked: true, help: "e.g. via VPN, public internet" },
      { name: "integrationConcerns", label: "Key integration concerns", type: "longtext" },
    ],
  },
  team: {
    label: "Team",
    plural: "Teams",
    chapter: "security",
    key: "name",
    summary: "Anypoint teams; they nest up to 10 levels and children inherit permissions.",
    fields: [name("Team"), description, { name: "parent", label: "Parent team", type: "ref", ref: "team" }],
  },
  "team-permission": {
    label: "Team permission",
    plural: "Team permissions",
    chapter: "security",
    summary: "What each team may do, per product, business group and environment.",
    fields: [
      { name: "team", label: "Team", type: "ref", ref: "team", required: true },
      { name: "product", label: "Product", type: "text", required: true, help: "e.g. Runtime Manager" },
      { name: "permission", label: "Permission", type: "text", required: true, help: "e.g. Read Applications" },
      { name: "businessGroup", label: "Business group", type: "ref", ref: "business-group", tracked: true },
      { name: "environments", label: "Environments", type: "ref-list", ref: "environment" },
    ],
  },
  entitlement: {
    label: "Licensed capability",
    plural: "Licensed capabilities",
    chapter: "capabilities",
    key: "name",
    summary: "Subscription tier and what the licence allows: vCores, VPCs, VPNs, DLBs, static IPs, add-ons.",
    fields: [
      name("Capability", "e.g. Production vCores, Anypoint VPCs, Subscription tier"),
      { name: "quantity", label: "Quantity", type: "number", min: 0 },
      { name: "value", label: "Value", type: "text", help: "for non-numeric capabilities, e.g. Platinum" },
      { name: "notes", label: "Notes", type: "longtext" },
    ],
  },
  "recovery-tier": {
    label: "Recovery tier",
    plural: "Recovery tiers",
    chapter: "resilience",
    key: "name",
    summary: "HA/DR tiers: recovery time and point objectives, strategy and cost.",
    fields: [
      name("Tier", "e.g. Tier 1 Mission-Critical"),
      { name: "examples", label: "Examples", type: "text" },
      { name: "rtoMinutes", label: "RTO (minutes)", type: "integer", min: 0, tracked: true },
      { name: "rpoMinutes", label: "RPO (minutes)", type: "integer", min: 0, tracked: true },
      { name: "strategy", label: "Strategy", type: "text", tracked: true, help: "e.g. Active-Active, Active-Passive" },
      { name: "costMultiplier", label: "Cost multiplier", type: "number", min: 0 },
    ],
  },
  "alert-policy": {
    label: "Alert policy",
    plural: "Platform alerts",
    chapter: "operations",
    key: "name",
    summary: "Platform alerts: source, condition, severity and configuration.",
    fields: [
      name("Alert name", "e.g. App-CloudHub-Deployment-Failed"),
      { name: "source", label: "Source", type: "text", required: true, help: "e.g. CloudHub application" },
      { name: "condition", label: "Condition", type: "text", required: true },
      {
        name: "severity",
        label: "Severity",
        type: "enum",
        required: true,
        options: opts(["critical", "Critical"], ["warning", "Warning"], ["info", "Info"]),
      },
      { name: "config", label: "Configuration", type: "longtext", tracked: true },
    ],
  },
  "naming-convention": {
    label: "Naming convention",
    plural: "Naming conventions",
    chapter: "sdlc",
    key: "name",
    summary: "Name patterns per resource kind, with {placeholders}; checked against the live estate.",
    fields: [
      name(),
      {
        name: "resourceKind",
        label: "Resource kind",
        type: "enum",
        required: true,
        options: opts(
          ["application", "Application"],
          ["environment", "Environment"],
          ["business-group", "Business group"],
          ["vpc", "VPC"],
          ["load-balancer", "Load balancer"],
          ["team", "Team"],
          ["api-instance", "API instance label"],
        ),
      },
      {
        name: "pattern",
        label: "Pattern",
        type: "text",
        required: true,
        help: "literal text, {name} (lowercase words joined by hyphens), {name:a|b|c} (one of), {name:/regex/}, [optional part]; e.g. {scope}-{layer:exp|prc|sys}-{system}-api-{version}",
      },
      { name: "maxLength", label: "Maximum length", type: "integer", min: 1, max: 255 },
      { name: "environments", label: "Environments", type: "ref-list", ref: "environment" },
      description,
    ],
  },
  principle: {
    label: "Principle",
    plural: "Integration principles",
    chapter: "context",
    key: "name",
    summary: "The integration architecture principles, each a name and a statement.",
    fields: [name(), { name: "statement", label: "Statement", type: "longtext", required: true }],
  },
  "narrative-section": {
    label: "Narrative section",
    plural: "Narrative sections",
    chapter: "narrative",
    key: "name",
    summary: "Free text of the sections that are not tables: goals, challenges, HA and DR, security, operations.",
    fields: [
      name("Section", "e.g. Goals and Objectives"),
      { name: "body", label: "Text (Markdown)", type: "longtext", tracked: true },
      {
        name: "notApplicable",
        label: "Not applicable at this stage",
        type: "boolean",
        help: "A decided section, not a gap",
      },
    ],
  },
} as const satisfies Record<string, KindShape>;

export type SpecKind = keyof typeof specKinds;
export type KindDef = (typeof specKinds)[SpecKind];
export const specKindIds = Object.keys(specKinds) as SpecKind[];

/** The data of a record of a kind, typed from the kind's fields. */
export type SpecData<K extends SpecKind> = DataOf<(typeof specKinds)[K]["fields"]>;

/** Tells whether a string names a kind. */
export function isSpecKind(value: string): value is SpecKind {
  return Object.hasOwn(specKinds, value);
}

// Checks that need two fields of the same record.
const crossFieldChecks: Partial<{ [K in SpecKind]: (data: SpecData<K>) => RecordProblem[] }> = {
  "firewall-rule": (data) =>
    data.fromPort !== null && data.toPort !== null && data.fromPort > data.toPort
      ? [{ field: "toPort", message: `the port range ${data.fromPort}-${data.toPort} ends before it starts` }]
      : [],
  vpn: (data) =>
    data.routing === "bgp" && (data.localAsn === null || data.remoteAsn === null)
      ? [{ field: data.localAsn === null ? "localAsn" : "remoteAsn", message: "BGP routing needs both ASNs" }]
      : [],
};

const schemas = new Map<SpecKind, z.ZodType>();

/** The validator of a kind's record data (unknown fields are dropped). */
export function specSchema<K extends SpecKind>(kind: K): z.ZodType<SpecData<K>> {
  let schema = schemas.get(kind);
  if (!schema) {
    const def = specKinds[kind] as KindShape;
    const shape = Object.fromEntries(def.fields.map((field) => [field.name, fieldValidator(field)]));
    const check = crossFieldChecks[kind] as ((data: unknown) => RecordProblem[]) | undefined;
    schema = z.object(shape).superRefine((data, ctx) => {
      for (const problem of check?.(data) ?? [])
        ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
    });
    schemas.set(kind, schema);
  }
  return schema as z.ZodType<SpecData<K>>;
}

/** The fields of a kind. */
export function kindFields(kind: SpecKind): readonly FieldDef[] {
  return specKinds[kind].fields;
}

/** The unique name of a record, or null for kinds whose records have none. */
export function recordKey(kind: SpecKind, data: Record<string, unknown>): string | null {
  const key = (specKinds[kind] as KindShape).key;
  const value = key ? data[key] : undefined;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** A short title for a record: its name, or for kinds without one, what identifies it. */
export function recordTitle(kind: SpecKind, data: Record<string, unknown>): string {
  const key = recordKey(kind, data);
  if (key) return key;
  const d = data as Record<string, string | number | null>;
  switch (kind) {
    case "firewall-rule":
      return `${d.source} ${String(d.protocol).toUpperCase()} ${d.fromPort === d.toPort ? d.fromPort : `${d.fromPort}-${d.toPort}`}`;
    case "mapping-rule":
      return `#${d.order} ${d.inputPath} → ${d.targetApp}`;
    case "team-permission":
      return `${d.product}: ${d.permission}`;
    default:
      return specKinds[kind].label;
  }
}

/** The permission that lets an actor change records of a kind: conventions have their own. */
export function editPermissionFor(kind: SpecKind): Permission {
  return kind === "naming-convention" ? "convention:edit" : "spec:edit";
}

/** A kind's label inside a sentence: "business group", but "VPC" and "TLS endpoint" keep their capitals. */
export function labelInSentence(label: string): string {
  return /^[A-Z]{2,}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
