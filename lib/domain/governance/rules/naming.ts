import type { Rule, RuleContext, RuleFinding } from "@/lib/domain/governance/types";
import type { LiveKind, LiveResource } from "@/lib/domain/live/snapshot";
import { liveKindLabels } from "@/lib/domain/live/snapshot";
import { labelInSentence } from "@/lib/domain/spec/kinds";
import { quote } from "@/lib/domain/governance/rules/phrases";
import { checkName, compilePattern, PatternError, type CompiledPattern } from "@/lib/domain/naming/pattern";

/** CloudHub 1.0 application names are DNS labels under cloudhub.io: 42 characters at most. */
export const cloudhubNameLimit = 42;

type Convention = {
  id: string;
  name: string;
  kind: LiveKind;
  /** The pattern as written, for the finding that says it cannot be used. */
  written: string;
  pattern: CompiledPattern | null;
  error: string | null;
  maxLength: number | null;
  environments: string[];
};

const conventionKinds: Record<string, LiveKind> = {
  application: "application",
  environment: "environment",
  "business-group": "business-group",
  vpc: "vpc",
  "load-balancer": "load-balancer",
  team: "team",
  "api-instance": "api-instance",
};

/** The workspace's conventions, compiled (a broken pattern is reported, not thrown). */
export function conventionsOf(context: RuleContext): Convention[] {
  return context.spec("naming-convention").flatMap((record) => {
    const kind = conventionKinds[String(record.data.resourceKind)];
    if (!kind) return [];
    let pattern: CompiledPattern | null = null;
    let error: string | null = null;
    const written = String(record.data.pattern ?? "");
    try {
      pattern = compilePattern(written);
    } catch (e) {
      error = e instanceof PatternError ? e.message : String(e);
    }
    return [
      {
        id: record.id,
        name: record.title,
        kind,
        written,
        pattern,
        error,
        maxLength: typeof record.data.maxLength === "number" ? record.data.maxLength : null,
        environments: context.titles(record.data.environments).map((e) => e.toLowerCase()),
      },
    ];
  });
}

/** The environment a convention's filter looks at: an environment resource's own name. */
const environmentOf = (resource: LiveResource) =>
  resource.kind === "environment" ? resource.name : resource.environment;

export const namingRules: Rule[] = [
  {
    id: "NAME-CONVENTION",
    title: "Name breaks the naming convention",
    category: "naming",
    severity: "warning",
    reads: [
      "naming-convention",
      "application",
      "environment",
      "business-group",
      "vpc",
      "load-balancer",
      "team",
      "api-instance",
    ],
    rationale:
      "Names are how people and pipelines find ownership, layer and environment of a resource; a name outside the convention hides them and breaks automation that relies on them.",
    remediation:
      "Rename the resource (or redeploy it under the right name); where a rename is impossible, waive the finding with its reason.",
    needsLive: true,
    evaluate: (context) => {
      const findings: RuleFinding[] = [];
      const conventions = conventionsOf(context);
      for (const convention of conventions) {
        if (convention.error) {
          findings.push({
            resourceKind: "naming-convention",
            resourceName: convention.name,
            message: `Naming convention "${convention.name}" cannot be used: ${convention.error}`,
            severity: "error",
            remediation: `Fix the pattern ${quote(convention.written, 120)} of naming convention "${convention.name}" in the convention editor; its tester shows which part it reads how`,
            specRecordId: convention.id,
          });
        }
      }
      const usable = conventions.filter((c) => c.pattern);
      // A name passes when one applicable convention accepts it; only a name that passes none is
      // explained (which part fails, a suggestion), which costs far more than the test.
      const accepts = (c: Convention, name: string) =>
        c.pattern!.regex.test(name) && (!c.maxLength || name.length <= c.maxLength);
      for (const kind of new Set(usable.map((c) => c.kind))) {
        // The conventions that apply, per environment as the resources spell it (a few dozen
        // environments, 30,000 applications): one lookup per resource, no lower-casing.
        const byEnvironment = new Map<string | null, Convention[]>();
        const byRawEnvironment = new Map<string | null, Convention[]>();
        const resources = context.live(kind);
        for (let i = 0; i < resources.length; i += 1) {
          const resource = resources[i]!;
          const raw = environmentOf(resource);
          let applicable = byRawEnvironment.get(raw);
          if (!applicable) {
            const environment = raw?.toLowerCase() ?? null;
            applicable = byEnvironment.get(environment);
            if (!applicable) {
              applicable = usable.filter(
                (c) =>
                  c.kind === kind &&
                  (c.environments.length === 0 || (environment !== null && c.environments.includes(environment))),
              );
              byEnvironment.set(environment, applicable);
            }
            byRawEnvironment.set(raw, applicable);
          }
          if (applicable.length === 0) continue;
          if (
            applicable.length === 1
              ? accepts(applicable[0]!, resource.name)
              : applicable.some((c) => accepts(c, resource.name))
          )
            continue;
          for (const convention of applicable) {
            const result = checkName(convention.pattern!, resource.name, convention.maxLength);
            if (result.ok) continue;
            findings.push({
              resourceKind: kind,
              resourceName: resource.name,
              environment: resource.environment,
              businessGroup: resource.businessGroup,
              message: `${liveKindLabels[kind].one} "${resource.name}"${resource.environment ? ` in ${resource.environment}` : ""} breaks convention "${convention.name}": ${result.message}${result.suggestion ? `. Suggested name: ${result.suggestion}` : ""}`,
              remediation: `Rename ${labelInSentence(liveKindLabels[kind].one)} "${resource.name}" to follow ${convention.pattern!.source}${convention.maxLength ? ` in at most ${convention.maxLength} characters` : ""}${result.suggestion ? ` (e.g. ${result.suggestion})` : ""}, or waive the finding with the reason it cannot be renamed`,
              liveExternalId: resource.externalId,
              specRecordId: convention.id,
              detail: convention.id,
            });
          }
        }
      }
      return findings;
    },
  },
  {
    id: "NAME-CLOUDHUB-LENGTH",
    title: "CloudHub application name longer than 42 characters",
    category: "naming",
    severity: "error",
    reads: ["application"],
    rationale: "CloudHub 1.0 application names become DNS labels under cloudhub.io and may have at most 42 characters.",
    remediation:
      "Shorten the name, for example by abbreviating the system or dropping words the environment already says.",
    needsLive: true,
    evaluate: (context) =>
      context
        .live("application")
        .filter((app) => app.attributes.platform === "cloudhub-1" && app.name.length > cloudhubNameLimit)
        .map((app) => ({
          resourceKind: "application",
          resourceName: app.name,
          environment: app.environment,
          businessGroup: app.businessGroup,
          message: `CloudHub application "${app.name}" has ${app.name.length} characters; CloudHub 1.0 allows at most ${cloudhubNameLimit}`,
          remediation: `Shorten "${app.name}" by ${app.name.length - cloudhubNameLimit} characters or more, to at most ${cloudhubNameLimit} (for example by abbreviating the system or dropping words the environment already says), and redeploy it under the new name`,
          liveExternalId: app.externalId,
        })),
  },
];
