// What `agp check` and `GET /check` answer: the findings of an evaluation with a summary and the
// readiness per environment, and the same as SARIF 2.1.0 (GitHub code scanning, Azure DevOps) and
// JUnit XML (Jenkins, GitLab, Azure Pipelines test tabs). Pure: the caller passes the rules.

import { z } from "zod";
import { categorySchema, severitySchema, type Rule, type Severity } from "@/lib/domain/governance/types";

/** A finding as pipelines read it. */
export const checkFindingSchema = z.object({
  ruleId: z.string().meta({ description: "Stable rule id, e.g. NET-CIDR-OVERLAP" }),
  severity: severitySchema,
  category: categorySchema,
  resourceKind: z.string().meta({ description: "Spec or live kind, kebab-case: vpc, application, private-space…" }),
  resourceName: z.string(),
  environment: z.string().nullable(),
  message: z.string().meta({ description: "What is wrong, naming the values involved" }),
  remediation: z.string().meta({
    description: "What to do next, with this finding's values (the rule's general remediation where it has none)",
  }),
  status: z.enum(["open", "waived"]),
  fingerprint: z.string().meta({ description: "Stable across runs: the same problem keeps it" }),
  editUrl: z.string().nullable().meta({
    description:
      "Where the record behind the finding is edited: /w/{ws}/specification/{kind}?edit={id} (or /w/{ws}/decisions/{D01}), a URL of the portal when agp works through --server; null when no record is known",
  }),
});
export type CheckFinding = z.infer<typeof checkFindingSchema>;

/** What `agp check --json` prints and `GET|POST /check` answers. */
export const checkReportSchema = z.object({
  workspace: z.string(),
  rulesetVersion: z.string(),
  evaluatedAt: z.string().nullable().meta({ description: "When the evaluation these findings come from ran" }),
  summary: z.object({ error: z.number(), warning: z.number(), info: z.number(), waived: z.number() }),
  readiness: z.array(z.object({ environment: z.string(), level: z.string(), score: z.number() })),
  findings: z.array(checkFindingSchema),
  notRecorded: z
    .array(
      z.object({
        kind: z.string(),
        section: z.string().meta({ description: "The section's title, e.g. Systems" }),
        record: z.string(),
        fields: z.array(z.string()).meta({ description: "Labels of the fields, e.g. Host" }),
        editUrl: z.string().nullable(),
      }),
    )
    .optional()
    .meta({
      description:
        "Only with include=completeness: per record, the fields an imported document had no column for and nobody has filled in since. Not findings: they never fail a check.",
    }),
});
export type CheckReport = z.infer<typeof checkReportSchema>;

/** The threshold a pipeline fails at: any open finding at or above it (never: do not fail). */
export const failOnSchema = z.enum(["error", "warning", "never"], {
  error: "fail-on must be error, warning or never",
});
export type FailOn = z.infer<typeof failOnSchema>;

export const checkFormatSchema = z.enum(["table", "json", "sarif", "junit"], {
  error: "format must be table, json, sarif or junit",
});
export type CheckFormat = z.infer<typeof checkFormatSchema>;

/** What a check adds to its findings when asked. */
export const checkIncludeSchema = z.enum(["completeness"], { error: "include must be completeness" });
export type CheckInclude = z.infer<typeof checkIncludeSchema>;

/** The filters a check takes (categories and environments, each any of several). */
export const checkFilterSchema = z.object({
  category: z.array(categorySchema).default([]),
  environment: z.array(z.string().trim().min(1).max(200)).default([]),
});
export type CheckFilter = z.infer<typeof checkFilterSchema>;

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings kept by the filters; an environment filter keeps findings of no environment (workspace-wide ones). */
export function filterCheckFindings(findings: readonly CheckFinding[], filter: CheckFilter): CheckFinding[] {
  const environments = new Set(filter.environment.map((e) => e.toLowerCase()));
  return findings.filter(
    (f) =>
      (!filter.category.length || filter.category.includes(f.category)) &&
      (!environments.size || f.environment === null || environments.has(f.environment.toLowerCase())),
  );
}

/** Counts open findings by severity, and waived ones apart. */
export function summarizeCheck(findings: readonly CheckFinding[]): CheckReport["summary"] {
  const summary = { error: 0, warning: 0, info: 0, waived: 0 };
  for (const f of findings) {
    if (f.status === "waived") summary.waived += 1;
    else summary[f.severity] += 1;
  }
  return summary;
}

/** True when an open finding is at or above the threshold: the pipeline should fail. */
export function checkFails(report: Pick<CheckReport, "summary">, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  return report.summary.error > 0 || (failOn === "warning" && report.summary.warning > 0);
}

/** Most severe first, then by rule and resource, so that outputs are stable between runs. */
export function sortCheckFindings(findings: readonly CheckFinding[]): CheckFinding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.resourceName.localeCompare(b.resourceName) ||
      (a.environment ?? "").localeCompare(b.environment ?? "") ||
      a.fingerprint.localeCompare(b.fingerprint),
  );
}

type RuleInfo = Pick<Rule, "id" | "title" | "category" | "severity" | "rationale" | "remediation">;

const sarifLevel = { error: "error", warning: "warning", info: "note" } as const;
// GitHub ranks security alerts by this property (CVSS-like, 0.1 to 10).
const securitySeverity = { error: "8.0", warning: "5.0", info: "2.0" } as const;

/** Where the resource of a finding is, as SARIF logical location names it. */
const qualifiedName = (f: CheckFinding) =>
  [f.environment, f.resourceKind, f.resourceName].filter((part) => part !== null && part !== "").join("/");

export type SarifOptions = {
  toolVersion: string;
  informationUri: string;
  /** A file of the repository to anchor results to (the specification document), for viewers that need one. */
  artifact?: string;
};

/**
 * The report as a SARIF 2.1.0 log: one run, the rules with help text, one result per finding
 * with a logical location naming the resource, partial fingerprints for tracking across runs,
 * waived findings as externally suppressed results.
 */
export function formatSarif(report: CheckReport, rules: readonly RuleInfo[], options: SarifOptions): object {
  const used = new Set(report.findings.map((f) => f.ruleId));
  const described = rules.filter((r) => used.has(r.id));
  for (const id of used)
    if (!described.some((r) => r.id === id))
      described.push({ id, title: id, category: "gap", severity: "warning", rationale: id, remediation: "" });
  const index = new Map(described.map((r, i) => [r.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "agp",
            fullName: "Anypoint Governance Portal",
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: options.informationUri,
            rules: described.map((rule) => ({
              id: rule.id,
              name: rule.id
                .toLowerCase()
                .split("-")
                .map((w) => w[0]!.toUpperCase() + w.slice(1))
                .join(""),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.rationale },
              help: {
                text: `${rule.rationale}\n\nRemediation: ${rule.remediation}`,
                markdown: `${rule.rationale}\n\n**Remediation:** ${rule.remediation}`,
              },
              defaultConfiguration: { level: sarifLevel[rule.severity] },
              properties: {
                category: rule.category,
                tags: ["anypoint", rule.category],
                ...(rule.category === "security" ? { "security-severity": securitySeverity[rule.severity] } : {}),
              },
            })),
          },
        },
        automationDetails: { id: `agp/${report.workspace}/` },
        properties: { workspace: report.workspace, rulesetVersion: report.rulesetVersion },
        results: report.findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId),
          level: sarifLevel[f.severity],
          message: { text: `${f.message} Remediation: ${f.remediation}` },
          locations: [
            {
              ...(options.artifact
                ? {
                    physicalLocation: {
                      artifactLocation: { uri: options.artifact },
                      region: { startLine: 1 },
                    },
                  }
                : {}),
              logicalLocations: [{ name: f.resourceName, fullyQualifiedName: qualifiedName(f), kind: "resource" }],
            },
          ],
          partialFingerprints: { agpFingerprint: f.fingerprint },
          properties: {
            category: f.category,
            resourceKind: f.resourceKind,
            environment: f.environment,
            ...(f.editUrl ? { editUrl: f.editUrl } : {}),
          },
          ...(f.status === "waived"
            ? { suppressions: [{ kind: "external", status: "accepted", justification: "Waived in the portal" }] }
            : {}),
        })),
      },
    ],
  };
}

const escapeXml = (text: string) =>
  text
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/**
 * The report as JUnit XML: a test suite per rule, a test case per rule and resource; a case
 * fails when an open finding at or above the threshold is on it, and is skipped when it is
 * waived. Rules with no finding appear as one passing case, so that a pipeline sees what was checked.
 */
export function formatJunit(report: CheckReport, rules: readonly RuleInfo[], failOn: FailOn): string {
  const failing = (f: CheckFinding) =>
    f.status === "open" && failOn !== "never" && severityRank[f.severity] <= severityRank[failOn];
  const byRule = new Map<string, CheckFinding[]>();
  for (const f of report.findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  const ruleIds = [...new Set([...rules.map((r) => r.id), ...byRule.keys()])];
  const title = new Map(rules.map((r) => [r.id, r.title]));

  let tests = 0;
  let failures = 0;
  let skipped = 0;
  const suites = ruleIds.map((ruleId) => {
    const findings = byRule.get(ruleId) ?? [];
    const cases = new Map<string, CheckFinding[]>();
    for (const f of findings) {
      const name = qualifiedName(f);
      cases.set(name, [...(cases.get(name) ?? []), f]);
    }
    const lines: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    if (!cases.size)
      lines.push(`    <testcase classname="${escapeXml(ruleId)}" name="${escapeXml("all resources")}"/>`);
    for (const [name, list] of cases) {
      const failed = list.filter(failing);
      const open = list.filter((f) => f.status === "open");
      const text = list.map((f) => `${f.severity}: ${f.message}\nRemediation: ${f.remediation}`).join("\n\n");
      lines.push(`    <testcase classname="${escapeXml(ruleId)}" name="${escapeXml(name)}">`);
      if (failed.length) {
        suiteFailures += 1;
        lines.push(
          `      <failure message="${escapeXml(failed[0]!.message)}" type="${escapeXml(failed[0]!.severity)}">${escapeXml(text)}</failure>`,
        );
      } else if (!open.length) {
        suiteSkipped += 1;
        lines.push(`      <skipped message="waived"/>`);
      } else {
        lines.push(`      <system-out>${escapeXml(text)}</system-out>`);
      }
      lines.push(`    </testcase>`);
    }
    const count = Math.max(cases.size, 1);
    tests += count;
    failures += suiteFailures;
    skipped += suiteSkipped;
    return [
      `  <testsuite name="${escapeXml(`${ruleId} ${title.get(ruleId) ?? ""}`.trim())}" tests="${count}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}">`,
      ...lines,
      `  </testsuite>`,
    ].join("\n");
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${escapeXml(`agp check ${report.workspace}`)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...suites,
    `</testsuites>`,
    "",
  ].join("\n");
}
