// Availability, security, capacity and lifecycle rules: what the platform must do, beyond what
// the plan says.
import type { Rule, RuleFinding } from "@/lib/domain/governance/types";
import { applicationIndex } from "@/lib/domain/governance/rules/applications";
import { listOf } from "@/lib/domain/governance/rules/phrases";
import {
  appFinding,
  controlPlaneRegion,
  entitlementAliases,
  environmentsWhere,
  lower,
  older,
  parseRuntime,
  requiredPolicies,
  tierNumber,
  tierOf,
} from "@/lib/domain/governance/rules/platform-facts";

export const availabilityRules: Rule[] = [
  {
    id: "AVAIL-HA-WORKERS",
    title: "Single worker in a highly available environment",
    category: "availability",
    severity: "error",
    reads: ["environment", "application"],
    rationale:
      "CloudHub spreads two or more workers over availability zones; a single worker restarts elsewhere after a zone failure, with downtime. Environments marked HA promise better.",
    remediation: "Run at least 2 workers (CloudHub 1.0) or replicas (CloudHub 2.0 / RTF) in this environment.",
    needsLive: false,
    evaluate: (context) => {
      const ha = environmentsWhere(context, (e) => e.data.highAvailability === true);
      const findings: RuleFinding[] = [];
      for (const { app, environment, cloudhub1, units: count } of applicationIndex(context).deployed) {
        if (count === null || count >= 2 || !environment || !ha.has(environment)) continue;
        const unit = cloudhub1 ? "worker" : "replica";
        findings.push(
          appFinding(
            app,
            `Application "${app.name}" runs ${count} ${unit}${count === 1 ? "" : "s"} in ${app.environment}, an environment marked highly available; it needs at least 2`,
            {
              remediation: `Set "${app.name}" in ${app.environment} to 2 ${unit}s (now ${count}), or record why it may run on ${count === 1 ? "one" : "fewer"} (a waiver)`,
            },
          ),
        );
      }
      for (const planned of context.spec("application")) {
        const workers = planned.data.workers;
        if (typeof workers !== "number" || workers >= 2) continue;
        for (const environment of context.titles(planned.data.environments).filter((e) => ha.has(lower(e)))) {
          findings.push({
            resourceKind: "application",
            resourceName: planned.title,
            environment,
            message: `Application "${planned.title}" is planned with ${workers} worker in ${environment}, an environment marked highly available; plan at least 2`,
            severity: "warning",
            remediation: `Plan "${planned.title}" with 2 workers in ${environment} (now ${workers}), or record why it may run on ${workers === 1 ? "one" : "fewer"} (a waiver)`,
            specRecordId: planned.id,
            detail: "plan",
          });
        }
      }
      return findings;
    },
  },
  {
    id: "AVAIL-DR-TIER1-REGIONS",
    title: "Tier 1 application in a single region",
    category: "availability",
    severity: "error",
    reads: ["application", "recovery-tier", "private-space"],
    rationale:
      "Tier 1 (mission-critical) recovery is active-active across regions: an AWS region outage takes down every application of that region.",
    remediation:
      "Deploy the application in a second region (and route between them), or lower its tier with a decision.",
    needsLive: true,
    evaluate: (context) => {
      const production = environmentsWhere(context, (e) => e.data.classification === "production");
      const spaceRegion = new Map(
        context.live("private-space").map((p) => [lower(p.name), String(p.attributes.region ?? "")]),
      );
      const findings: RuleFinding[] = [];
      const index = applicationIndex(context);
      for (const planned of context.spec("application")) {
        const tier = tierOf(context, planned);
        if (tierNumber(tier) !== 1) continue;
        const running = index
          .liveFor(planned, null)
          .filter((a) => production.size === 0 || production.has(a.environment));
        const regions = new Set(
          running
            .map(({ app, cloudhub1 }) =>
              cloudhub1 ? String(app.attributes.region ?? "") : (spaceRegion.get(lower(app.attributes.target)) ?? ""),
            )
            .filter(Boolean),
        );
        // A deployment whose region (or private space's region) Anypoint did not answer might be the
        // second region: nothing to conclude.
        const unread = running.some(({ app, cloudhub1 }) =>
          cloudhub1
            ? app.attributes.region == null
            : app.attributes.target == null || spaceRegion.get(lower(app.attributes.target)) === "",
        );
        if (running.length === 0 || regions.size >= 2 || unread) continue;
        findings.push({
          resourceKind: "application",
          resourceName: planned.title,
          message: `Application "${planned.title}" is DR tier "${tier}" but runs only in ${[...regions].join(", ") || "one region"}; tier 1 needs two regions`,
          remediation: `Deploy "${planned.title}" in a region besides ${[...regions].join(", ") || "its own"} (and route between them), or lower its tier from "${tier}" with a decision`,
          specRecordId: planned.id,
        });
      }
      return findings;
    },
  },
  {
    id: "AVAIL-CONTROL-PLANE-REGION",
    title: "Runtime in the control plane's region",
    category: "availability",
    severity: "info",
    reads: ["vpc", "private-space"],
    rationale:
      "When the control plane's AWS region is down, deployments and management stop; runtimes in that same region go down with it, so nothing can be redeployed elsewhere until it returns.",
    remediation: "Keep a DR region other than the control plane's, and rehearse deploying to it.",
    needsLive: true,
    evaluate: (context) => {
      const region = controlPlaneRegion[context.input.controlPlane ?? ""];
      if (!region) return [];
      return [...context.live("vpc"), ...context.live("private-space")]
        .filter((n) => n.attributes.region === region)
        .map((n) => ({
          resourceKind: n.kind,
          resourceName: n.name,
          businessGroup: n.businessGroup,
          message: `${n.kind === "vpc" ? "VPC" : "Private space"} "${n.name}" is in ${region}, the region of the ${String(context.input.controlPlane).toUpperCase()} control plane`,
          remediation: `Keep a DR region other than ${region} (the ${String(context.input.controlPlane).toUpperCase()} control plane's) for what runs in ${n.kind === "vpc" ? "VPC" : "private space"} "${n.name}", and rehearse deploying to it`,
          liveExternalId: n.externalId,
        }));
    },
  },
  {
    id: "AVAIL-PERSISTENT-QUEUES",
    title: "Tier 1/2 application relying on persistent queues",
    category: "availability",
    severity: "info",
    reads: ["application", "recovery-tier"],
    rationale:
      "CloudHub persistent queues live in one region and may lose messages when it fails; tier 1 and 2 recovery point objectives need a store replicated across regions (and Object Store v2 rather than v1, which lives in US East).",
    remediation: "Use Anypoint MQ (bridged across regions) or a replicated store, and Object Store v2.",
    needsLive: true,
    evaluate: (context) =>
      applicationIndex(context)
        .deployed.filter((deployment) => deployment.persistentQueues)
        .flatMap(({ app, planned }) => {
          const tier = planned ? tierOf(context, planned) : "";
          return [1, 2].includes(tierNumber(tier))
            ? [
                appFinding(
                  app,
                  `Application "${app.name}" (DR tier "${tier}") uses CloudHub persistent queues, which are not replicated across regions`,
                  {
                    remediation: `Replace the CloudHub persistent queues of "${app.name}"${app.environment ? ` in ${app.environment}` : ""} with Anypoint MQ (bridged across regions) or a store replicated across regions, and use Object Store v2, as DR tier "${tier}" needs`,
                  },
                ),
              ]
            : [];
        }),
  },
];

export const securityRules: Rule[] = [
  {
    id: "SEC-API-POLICIES",
    title: "API instance missing the policies of its security category",
    category: "security",
    severity: "error",
    reads: ["api-instance", "application"],
    rationale:
      "Level B APIs need client ID enforcement, spike control and JSON threat protection; Level A APIs need JWT validation or OAuth 2.0 token enforcement on top of all of Level B.",
    remediation: "Apply the missing policies in API Manager (or as automated policies for the environment).",
    needsLive: true,
    evaluate: (context) => {
      const findings: RuleFinding[] = [];
      const index = applicationIndex(context);
      const apis = context.live("api-instance");
      for (let i = 0; i < apis.length; i += 1) {
        const api = apis[i]!;
        const appName = String(api.attributes.application ?? "");
        const planned = appName ? index.plannedFor({ name: appName, environment: api.environment }) : undefined;
        const category = String(planned?.data.securityCategory ?? "");
        if (category !== "level-a" && category !== "level-b") continue;
        // Policies Anypoint did not answer are unknown, not none (decision 0016).
        if (!Array.isArray(api.attributes.policies)) continue;
        // A handful of policies per instance: a list, not a set, per each of thousands of instances.
        const policies = api.attributes.policies as { policy: string; disabled: boolean }[];
        const active = (policy: string) => policies.some((p) => !p.disabled && p.policy === policy);
        const missing: string[] = requiredPolicies["level-b"].filter((p) => !active(p));
        if (category === "level-a" && !requiredPolicies.tokens.some(active)) {
          missing.unshift("jwt-validation or oauth2-access-token-enforcement");
        }
        if (!missing.length) continue;
        findings.push({
          resourceKind: "api-instance",
          resourceName: api.name,
          environment: api.environment,
          businessGroup: api.businessGroup,
          message: `API instance "${api.name}"${api.environment ? ` in ${api.environment}` : ""} (application ${appName}, ${category === "level-a" ? "Level A" : "Level B"}) lacks ${missing.join(", ")}`,
          remediation: `Apply ${listOf(missing)} to "${api.name}"${api.environment ? ` in ${api.environment}` : ""} in API Manager (or as automated policies of ${api.environment ?? "its environment"})`,
          liveExternalId: api.externalId,
          specRecordId: planned?.id ?? null,
        });
      }
      return findings;
    },
  },
  {
    id: "SEC-TEAM-PERMISSION-PROD",
    title: "Production permission the plan does not grant",
    category: "security",
    severity: "warning",
    reads: ["team-permission", "environment"],
    rationale:
      "Who may change production is a decision of the permission model; grants made outside it are how accidental access accumulates.",
    remediation: "Remove the permission in Access Management, or add it to the specification's permission model.",
    needsLive: true,
    evaluate: (context) => {
      const production = new Set([
        ...environmentsWhere(context, (e) => e.data.classification === "production"),
        ...context
          .live("environment")
          .filter((e) => e.attributes.isProduction === true)
          .map((e) => lower(e.name)),
      ]);
      const grants = context.spec("team-permission").map((p) => ({
        team: lower(context.byId(p.data.team)?.title),
        permission: lower(p.data.permission),
        environments: context.titles(p.data.environments).map(lower),
      }));
      return context
        .live("team-permission")
        .filter((perm) => perm.environment && production.has(lower(perm.environment)))
        .filter(
          (perm) =>
            !grants.some(
              (g) =>
                g.team === lower(perm.attributes.team) &&
                g.permission === lower(perm.attributes.role) &&
                (g.environments.length === 0 || g.environments.includes(lower(perm.environment))),
            ),
        )
        .map((perm) => ({
          resourceKind: "team-permission" as const,
          resourceName: perm.name,
          environment: perm.environment,
          businessGroup: perm.businessGroup,
          message: `Team "${String(perm.attributes.team)}" has "${String(perm.attributes.role)}" in production environment ${perm.environment}, which the permission model does not grant`,
          remediation: `Remove "${String(perm.attributes.role)}" in ${perm.environment} from team "${String(perm.attributes.team)}" in Access Management, or grant it in the specification's Team permissions`,
          liveExternalId: perm.externalId,
        }));
    },
  },
];

export const capacityRules: Rule[] = [
  {
    id: "CAP-VCORES",
    title: "vCores in use near or above the entitlement",
    category: "capacity",
    severity: "warning",
    reads: ["entitlement"],
    rationale:
      "Deployments fail once the vCores of the subscription are used up; above 80 % there is no room for the next release or a scale-out.",
    remediation: "Free capacity (right-size workers, undeploy what is unused) or buy more vCores.",
    needsLive: true,
    evaluate: (context) =>
      context
        .live("entitlement")
        .filter((e) => (e.name === "vCoresProduction" || e.name === "vCoresSandbox") && e.businessGroup)
        .filter((e) =>
          context.live("business-group").some((bg) => bg.name === e.businessGroup && bg.attributes.isRoot === true),
        )
        .flatMap((e) => {
          const assigned = Number(e.attributes.assigned);
          const consumed = Number(e.attributes.consumed);
          if (!(assigned > 0) || !Number.isFinite(consumed) || consumed / assigned <= 0.8) return [];
          const label = e.name === "vCoresProduction" ? "Production vCores" : "Sandbox vCores";
          const share = Math.round((consumed / assigned) * 100);
          // What brings the use back to 80 %, in tenths of a vCore (the smallest worker size).
          const free = Math.ceil(Math.round((consumed - assigned * 0.8) * 1000) / 100) / 10;
          return [
            {
              resourceKind: "entitlement" as const,
              resourceName: label,
              businessGroup: e.businessGroup,
              message: `${label}: ${consumed} of ${assigned} in use (${share} %) in ${e.businessGroup}`,
              severity: consumed > assigned ? ("error" as const) : ("warning" as const),
              remediation: `Free ${free} ${label} or more in ${e.businessGroup} (right-size workers, undeploy what is unused), or buy more: ${consumed} of ${assigned} are in use`,
              liveExternalId: e.externalId,
            },
          ];
        }),
  },
  {
    id: "CAP-ENTITLEMENT-DRIFT",
    title: "Licensed capability differs from the subscription",
    category: "capacity",
    severity: "warning",
    reads: ["entitlement"],
    rationale:
      "Sizing decisions in the specification rest on the licensed capabilities; if the subscription says otherwise, the plan is built on the wrong numbers.",
    remediation: "Correct the specification, or raise it with the MuleSoft account team.",
    needsLive: true,
    evaluate: (context) => {
      const root = context.live("business-group").find((bg) => bg.attributes.isRoot === true)?.name;
      const live = new Map(
        context
          .live("entitlement")
          .filter((e) => e.businessGroup === root)
          .map((e) => [e.name, e]),
      );
      return context.spec("entitlement").flatMap((entry) => {
        const key = entitlementAliases[lower(entry.title)];
        const quantity = entry.data.quantity;
        const actual = key ? live.get(key) : undefined;
        // An entitlement whose assignment Anypoint did not answer is unknown, not zero.
        if (!actual || actual.attributes.assigned == null || typeof quantity !== "number") return [];
        if (Number(actual.attributes.assigned) === quantity) return [];
        return [
          {
            resourceKind: "entitlement" as const,
            resourceName: entry.title,
            message: `${entry.title}: ${String(actual.attributes.assigned)} in the subscription but ${quantity} in the specification`,
            remediation: `Record ${String(actual.attributes.assigned)} as the quantity of "${entry.title}" in the specification (now ${quantity}), or raise the difference with the MuleSoft account team`,
            specRecordId: entry.id,
            liveExternalId: actual.externalId,
          },
        ];
      });
    },
  },
];

const staleProposalDays = 14;

export const lifecycleRules: Rule[] = [
  {
    id: "LIFE-RUNTIME-VERSION",
    title: "Mule runtime below the mandated version or out of support",
    category: "lifecycle",
    severity: "warning",
    reads: ["application", "environment", "mule-server"],
    rationale: "Old runtimes miss security fixes; past their end of support, MuleSoft no longer patches them.",
    remediation: "Upgrade the application to the mandated runtime (and Java version) at its next release.",
    needsLive: true,
    evaluate: (context) => {
      const minimum = new Map(
        context
          .spec("environment")
          .map((e) => [lower(e.title), parseRuntime(e.data.minimumRuntime)] as const)
          .filter((pair): pair is readonly [string, number[]] => pair[1] !== null),
      );
      const findings: RuleFinding[] = [];
      // An estate runs a handful of distinct versions and support dates: parse each once.
      const versions = new Map<unknown, number[] | null>();
      const ends = new Map<string, boolean>();
      const now = context.input.now.getTime();
      for (const { app, environment, runtimeVersion, runtimeEndOfSupport: endOfSupport } of applicationIndex(context)
        .deployed) {
        let version = versions.get(runtimeVersion);
        if (version === undefined) {
          version = parseRuntime(runtimeVersion);
          versions.set(runtimeVersion, version);
        }
        const required = environment ? minimum.get(environment) : undefined;
        if (version && required && older(version, required) < 0) {
          findings.push(
            appFinding(
              app,
              `Application "${app.name}" runs Mule ${String(runtimeVersion)} in ${app.environment}, below the mandated ${required.join(".")}`,
              {
                detail: "minimum",
                remediation: `Upgrade "${app.name}" in ${app.environment} from Mule ${String(runtimeVersion)} to ${required.join(".")} or later (and its Java version) at its next release`,
              },
            ),
          );
        }
        if (endOfSupport === null) continue;
        let ended = ends.get(endOfSupport);
        if (ended === undefined) ends.set(endOfSupport, (ended = Date.parse(endOfSupport) < now));
        if (ended) {
          findings.push(
            appFinding(
              app,
              `Application "${app.name}" runs Mule ${String(runtimeVersion)}, out of support since ${endOfSupport.slice(0, 10)}`,
              {
                severity: "error",
                detail: "end-of-support",
                remediation: `Upgrade "${app.name}"${app.environment ? ` in ${app.environment}` : ""} from Mule ${String(runtimeVersion)} to a supported runtime${required ? ` (${required.join(".")} or later)` : ""}: MuleSoft no longer patches it`,
              },
            ),
          );
        }
      }
      // On-premise runtimes are upgraded server by server: each one below the mandate is reported.
      for (const server of context.live("mule-server")) {
        const version = parseRuntime(server.attributes.runtimeVersion);
        const required = minimum.get(lower(server.environment));
        if (!version || !required || older(version, required) >= 0) continue;
        findings.push({
          resourceKind: "mule-server",
          resourceName: server.name,
          environment: server.environment,
          businessGroup: server.businessGroup,
          message: `Mule server "${server.name}"${server.attributes.cluster ? ` (cluster ${String(server.attributes.cluster)})` : ""} runs Mule ${String(server.attributes.runtimeVersion)} in ${server.environment}, below the mandated ${required.join(".")}`,
          remediation: `Upgrade Mule server "${server.name}" in ${server.environment} from ${String(server.attributes.runtimeVersion)} to ${required.join(".")} or later${server.attributes.cluster ? `, one node of cluster ${String(server.attributes.cluster)} at a time` : ""}`,
          liveExternalId: server.externalId,
          detail: "minimum",
        });
      }
      return findings;
    },
  },
  {
    id: "LIFE-DECISION-STALE",
    title: "Decision proposed for more than 14 days",
    category: "lifecycle",
    severity: "warning",
    reads: ["decision"],
    rationale:
      "A proposal nobody decides blocks the work that depends on it and usually means reviewers were never asked.",
    remediation: "Ask for reviews, then accept or reject it (or withdraw it to draft).",
    needsLive: false,
    evaluate: ({ input }) =>
      input.decisions
        .filter((d) => d.status === "proposed" && d.proposedAt)
        .map((d) => ({ decision: d, days: Math.floor((input.now.getTime() - d.proposedAt!.getTime()) / 86_400_000) }))
        .filter(({ days }) => days > staleProposalDays)
        .map(({ decision, days }) => ({
          resourceKind: "decision" as const,
          resourceName: decision.number,
          message: `${decision.number} "${decision.title}" has been proposed for ${days} days without a decision`,
          remediation: `Ask for reviews of ${decision.number} "${decision.title}", proposed ${days} days ago, then accept or reject it (or withdraw it to draft)`,
        })),
  },
];
