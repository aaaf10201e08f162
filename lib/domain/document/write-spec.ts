// Writes a specification back out as the template's Markdown document: its chapters and section
// titles, every table filled from the records, decisions as `Id | Decision | Rationale |
// Implication`, and the open gaps at the end. What readSpecDocument reads back is the same
// specification (round trip), so the export is also a portable copy of the plan.

import { formatDecisionTable, type ExportableDecision } from "@/lib/domain/decisions/export";
import type { FieldDef } from "@/lib/domain/spec/fields";
import { kindFields, type SpecKind } from "@/lib/domain/spec/kinds";

/** A record to write: references hold ids, resolved to names here. */
export type WritableRecord = { id: string; kind: SpecKind; title: string; data: Record<string, unknown> };

export type SpecDocumentInput = {
  workspaceName: string;
  records: readonly WritableRecord[];
  decisions: readonly ExportableDecision[];
  /** Open findings of the gap rules, listed at the end. */
  openGaps: readonly { ruleId: string; message: string }[];
  generatedAt: Date;
};

/** Section names the reader skips: they are the export's own, not the specification's. */
export const generatedSectionNames = ["open gaps"] as const;

type Column = { header: string; value: (record: WritableRecord) => string };

/** A cell of a GFM table: pipes escaped, line breaks as `<br>` (as the template writes them). */
export function markdownCell(value: string): string {
  return value.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>").trim();
}

function table(columns: readonly Column[], records: readonly WritableRecord[]): string {
  const header = `| ${columns.map((c) => c.header).join(" | ")} |`;
  const rule = `|${columns.map(() => "---").join("|")}|`;
  const rows = records.map((r) => `| ${columns.map((c) => markdownCell(c.value(r))).join(" | ")} |`);
  return [header, rule, ...rows].join("\n");
}

const minutes = (value: unknown) => {
  if (typeof value !== "number") return "";
  if (value === 0) return "0";
  if (value % 1440 === 0) return `${value / 1440} d`;
  return value % 60 === 0 ? `${value / 60} h` : `${value} min`;
};

/** Writes a whole specification as the template's Markdown. */
export function formatSpecDocument(input: SpecDocumentInput): string {
  const byId = new Map(input.records.map((r) => [r.id, r]));
  const of = (kind: SpecKind) => input.records.filter((r) => r.kind === kind);
  const name = (id: unknown) => (typeof id === "string" ? (byId.get(id)?.title ?? "") : "");
  const field = (kind: SpecKind, fieldName: string) => kindFields(kind).find((f) => f.name === fieldName) as FieldDef;

  /** A field's value as a cell: names for references, labels for choices, Yes/No, lists joined. */
  const show =
    (fieldName: string) =>
    (record: WritableRecord): string => {
      const def = field(record.kind, fieldName);
      const value = record.data[fieldName];
      if (value === null || value === undefined) return "";
      if (def.type === "ref") return name(value);
      if (def.type === "ref-list") return (value as string[]).map(name).join(", ");
      if (def.type === "cidr-list") return (value as string[]).join(", ");
      if (def.type === "boolean") return value ? "Yes" : "No";
      if (def.type === "enum" && fieldName !== "region" && fieldName !== "workerSize")
        return def.options?.find((o) => o.value === value)?.label ?? String(value);
      return String(value);
    };
  const col = (header: string, fieldName: string): Column => ({ header, value: show(fieldName) });

  const narratives = new Map(of("narrative-section").map((r) => [String(r.data.name).toLowerCase(), r]));
  const placed = new Set<string>();
  const narrative = (sectionName: string): string[] => {
    const record = narratives.get(sectionName.toLowerCase());
    if (!record) return [];
    placed.add(record.id);
    const body =
      String(record.data.body ?? "").trim() || (record.data.notApplicable ? "Not applicable at this stage." : "");
    return body ? [body, ""] : [];
  };

  const out: string[] = [];
  // Sections are numbered as written: one the specification has nothing for leaves no hole.
  let chapter = "";
  let subsection = 0;
  const heading = (level: number, text: string) => {
    if (level === 1) {
      chapter = /^(\d+)\./.exec(text)?.[1] ?? "";
      subsection = 0;
    }
    out.push(`${"#".repeat(level)} ${text}`, "");
  };
  const block = (text: string) => out.push(text, "");
  const section = (level: number, name: string, ...content: (string | null)[]) => {
    const own = narrative(name);
    const parts = content.filter((c): c is string => !!c);
    if (!own.length && !parts.length) return;
    subsection += 1;
    heading(level, chapter ? `${chapter}.${subsection} ${name}` : name);
    out.push(...own);
    for (const part of parts) block(part);
  };
  const captioned = (caption: string, records: readonly WritableRecord[], columns: readonly Column[]) =>
    records.length ? `${caption}\n\n${table(columns, records)}` : null;
  const tableOf = (records: readonly WritableRecord[], columns: readonly Column[]) =>
    records.length ? table(columns, records) : null;

  heading(1, `${input.workspaceName}: Integration Architecture Specification`);
  out.push(
    `<!-- Generated by the Anypoint Governance Portal on ${input.generatedAt.toISOString().slice(0, 10)} -->`,
    "",
  );

  // 1. Business and Solution Context
  heading(1, "1. Business and Solution Context");
  out.push(...narrative("Business and Solution Context"));
  section(2, "Goals and Objectives");
  const systems = of("system");
  section(
    2,
    "Key Systems",
    tableOf(
      systems.filter((s) => s.data.keySystem === true),
      [
        col("System", "name"),
        col("Description", "description"),
        col("Deployment Model", "deploymentModel"),
        col("Key integration concerns", "integrationConcerns"),
      ],
    ),
  );
  section(2, "Current State Challenges");
  const principles = of("principle");
  section(
    2,
    "Integration Architecture Principles",
    principles.length
      ? principles
          .map((p) => `- **${String(p.data.name)}**: ${String(p.data.statement).replace(/\n/g, "\n  ")}`)
          .join("\n")
      : null,
  );
  section(2, "Assumptions and Dependencies");

  // 2. Architecture Decisions
  heading(1, "2. Architecture Decisions");
  out.push(...narrative("Architecture Decisions"));
  block(formatDecisionTable(input.decisions).trimEnd());

  // 3. Licensed capabilities: the template's bullets, or a table when a capability has more to say.
  heading(1, "3. Anypoint Platform Licensed Capabilities");
  out.push(...narrative("Anypoint Platform Licensed Capabilities"));
  const entitlements = of("entitlement");
  const simple = entitlements.every(
    (e) => !e.data.notes && (e.data.quantity === null || e.data.quantity === undefined || !e.data.value),
  );
  if (entitlements.length && simple)
    block(
      entitlements
        .map((e) => `- **${String(e.data.name)}**: ${e.data.quantity ?? ""}${String(e.data.value ?? "")}`)
        .join("\n"),
    );
  else if (entitlements.length)
    block(
      table(
        [col("Capability", "name"), col("Quantity", "quantity"), col("Value", "value"), col("Notes", "notes")],
        entitlements,
      ),
    );

  // 4. Platform Architecture and Setup
  heading(1, "4. Platform Architecture and Setup");
  out.push(...narrative("Platform Architecture and Setup"));
  section(
    2,
    "Business Groups",
    tableOf(of("business-group"), [
      col("Business Group", "name"),
      col("Description", "description"),
      col("Parent", "parent"),
    ]),
  );
  section(
    2,
    "Environments Model",
    tableOf(of("environment"), [
      col("Environment", "name"),
      col("Description", "description"),
      col("Classification (vCore)", "classification"),
      col("High Availability?", "highAvailability"),
      col("Deployed By", "deployedBy"),
      col("Business Group", "businessGroup"),
      col("Minimum Mule runtime", "minimumRuntime"),
    ]),
  );
  const ports = (r: WritableRecord) =>
    r.data.fromPort === r.data.toPort ? String(r.data.fromPort) : `${String(r.data.fromPort)}-${String(r.data.toPort)}`;
  section(
    2,
    "Virtual Private Cloud",
    tableOf(of("vpc"), [
      col("VPC name", "name"),
      col("Region", "region"),
      col("CIDR", "cidr"),
      col("Environments", "environments"),
      col("Business Group", "businessGroup"),
    ]),
    captioned("VPC firewall rules", of("firewall-rule"), [
      col("Source CIDR Range", "source"),
      { header: "Destination Port Range", value: ports },
      col("Scope", "scope"),
      col("VPC", "vpc"),
      col("Protocol", "protocol"),
    ]),
  );
  const asns = (r: WritableRecord) =>
    [
      r.data.localAsn ? `Local: ${String(r.data.localAsn)}` : "",
      r.data.remoteAsn ? `Remote: ${String(r.data.remoteAsn)}` : "",
    ]
      .filter(Boolean)
      .join(", ");
  section(
    2,
    "Secure Connectivity (VPN)",
    tableOf(of("vpn"), [
      col("VPN name", "name"),
      col("VPC association", "vpc"),
      col("Routing", "routing"),
      { header: "ASNs", value: asns },
      col("Remote IP", "remoteIp"),
      col("Static Routes", "staticRoutes"),
    ]),
  );
  const lbs = of("load-balancer");
  section(
    2,
    "Load Balancing",
    tableOf(lbs, [
      col("DLB Name", "name"),
      col("VPC Name", "vpc"),
      col("Role (e.g. Internal)", "role"),
      col("Allowlisted CIDRs", "allowlistedCidrs"),
      col("HTTP mode", "httpMode"),
      col("TLS 1.0 allowed", "tls10Allowed"),
      col("Default endpoint", "defaultEndpoint"),
    ]),
  );
  const roleOf = (r: WritableRecord) =>
    byId.get(String(r.data.loadBalancer))?.data.role === "internal" ? "Internal" : "External";
  const byRole = (kind: SpecKind, role: "External" | "Internal") => of(kind).filter((r) => roleOf(r) === role);
  const endpointColumns = [
    col("Environment", "environment"),
    col("Public Endpoint DNS", "publicDns"),
    col("Certificate Config", "certificate"),
    col("CNAME configuration", "cname"),
    col("DLB", "loadBalancer"),
  ];
  section(
    2,
    "SSL endpoint and DNS configuration",
    captioned("External Facing Dedicated Load Balancer endpoints", byRole("tls-endpoint", "External"), endpointColumns),
    captioned("Internal Facing Dedicated Load Balancer endpoints", byRole("tls-endpoint", "Internal"), endpointColumns),
  );
  const ruleColumns = [
    col("Detail", "order"),
    col("Input path", "inputPath"),
    col("Target App", "targetApp"),
    col("Output path", "outputPath"),
    col("Protocol", "protocol"),
    col("DLB", "loadBalancer"),
  ];
  const ordered = (records: WritableRecord[]) =>
    [...records].sort(
      (a, b) =>
        name(a.data.loadBalancer).localeCompare(name(b.data.loadBalancer)) ||
        Number(a.data.order) - Number(b.data.order),
    );
  section(
    2,
    "Routing (mapping) Rules",
    captioned("External DLB Mapping Rules", ordered(byRole("mapping-rule", "External")), ruleColumns),
    captioned("Internal DLB Mapping Rules", ordered(byRole("mapping-rule", "Internal")), ruleColumns),
  );
  section(2, "On-premise");
  section(2, "Runtime Fabric");
  section(2, "High Availability");
  section(
    2,
    "Disaster Recovery",
    captioned("Recovery tiers", of("recovery-tier"), [
      col("Tier", "name"),
      col("Examples", "examples"),
      { header: "RTO", value: (r) => minutes(r.data.rtoMinutes) },
      { header: "RPO", value: (r) => minutes(r.data.rpoMinutes) },
      col("Strategy", "strategy"),
      {
        header: "Cost Multiplier",
        value: (r) => (typeof r.data.costMultiplier === "number" ? `${r.data.costMultiplier}x` : ""),
      },
    ]),
  );

  heading(1, "5. Security Architecture");
  out.push(...narrative("Security Architecture"));

  heading(1, "6. Application Architecture");
  out.push(...narrative("Application Architecture"));
  section(
    2,
    "Application Inventory",
    tableOf(of("application"), [
      col("Application", "name"),
      col("Layer", "layer"),
      col("System", "system"),
      col("API version", "apiVersion"),
      col("Environments", "environments"),
      col("Workers", "workers"),
      col("Worker size", "workerSize"),
      col("DR Tier", "drTier"),
      col("Security Category", "securityCategory"),
    ]),
  );

  heading(1, "7. Operations Architecture");
  out.push(...narrative("Operations Architecture"));
  section(
    2,
    "Platform Alerts",
    tableOf(of("alert-policy"), [
      col("Alert name", "name"),
      col("Source/Server type", "source"),
      col("Condition", "condition"),
      col("Severity Level", "severity"),
      col("Config details", "config"),
    ]),
  );

  heading(1, "8. SDLC");
  out.push(...narrative("SDLC"));
  section(
    2,
    "Naming Conventions",
    tableOf(of("naming-convention"), [
      col("Name", "name"),
      col("Resource", "resourceKind"),
      col("Pattern", "pattern"),
      col("Max length", "maxLength"),
      col("Environments", "environments"),
      col("Description", "description"),
    ]),
  );

  heading(1, "9. Appendix");
  out.push(...narrative("Appendix"));
  section(
    2,
    "Backend Systems Catalog",
    tableOf(
      systems.filter(
        (s) => s.data.keySystem !== true || ["location", "protocol", "host", "access"].some((f) => s.data[f]),
      ),
      [
        col("System name", "name"),
        col("Location", "location"),
        col("Access Protocol", "protocol"),
        col("Host", "host"),
        col("Access", "access"),
        col("Description", "description"),
        col("Deployment Model", "deploymentModel"),
        col("Key integration concerns", "integrationConcerns"),
      ],
    ),
  );
  const teams = of("team");
  const numbers = numberTeams(teams);
  section(
    2,
    "Anypoint Team profiles and permissions model",
    teams.length
      ? table(
          [
            { header: "#.#", value: (r) => numbers.get(r.id) ?? "" },
            col("Team", "name"),
            col("Description", "description"),
          ],
          [...teams].sort((a, b) => compareNumbers(numbers.get(a.id) ?? "", numbers.get(b.id) ?? "")),
        )
      : null,
    captioned("Team permissions", of("team-permission"), [
      col("Team", "team"),
      col("Product", "product"),
      col("Permission", "permission"),
      col("Business Group", "businessGroup"),
      col("Environments", "environments"),
    ]),
  );
  // Narrative sections the template has no place for, in the order they were written.
  const others = of("narrative-section").filter((r) => !placed.has(r.id));
  others.forEach((record) => section(2, String(record.data.name)));

  if (input.openGaps.length) {
    heading(1, "Open gaps");
    block(input.openGaps.map((g) => `- ${g.message.replace(/\n/g, " ")} (${g.ruleId})`).join("\n"));
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** "1", "1.1", "1.2.1" … from the team tree, roots in the order they were created. */
function numberTeams(teams: readonly WritableRecord[]): Map<string, string> {
  const ids = new Set(teams.map((t) => t.id));
  const children = (parent: string | null) =>
    teams.filter(
      (t) => (typeof t.data.parent === "string" && ids.has(t.data.parent) ? t.data.parent : null) === parent,
    );
  const numbers = new Map<string, string>();
  const walk = (parent: string | null, prefix: string, depth: number) => {
    if (depth > 12) return;
    children(parent).forEach((team, i) => {
      const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      numbers.set(team.id, number);
      walk(team.id, number, depth + 1);
    });
  };
  walk(null, "", 0);
  return numbers;
}

const compareNumbers = (a: string, b: string) => {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
};
