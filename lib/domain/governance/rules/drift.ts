import type { Rule, RuleFinding } from "@/lib/domain/governance/types";
import { liveKindLabels, readList } from "@/lib/domain/live/snapshot";
import { wasRead } from "@/lib/domain/live/read-scope";
import { isFilled } from "@/lib/domain/spec/placeholders";
import { applicationIndex } from "@/lib/domain/governance/rules/applications";
import { specKinds } from "@/lib/domain/spec/kinds";
import {
  comparedKinds,
  lower,
  sameSet,
  list,
  regionalKinds,
  differs,
  matching,
  one,
  pairs,
  regionalPairs,
  targetDrift,
  versionMatches,
} from "@/lib/domain/governance/rules/drift-pairs";

export { versionMatches } from "@/lib/domain/governance/rules/drift-pairs";

export const driftRules: Rule[] = [
  {
    id: "DRIFT-MISSING",
    title: "Planned but not in the live estate",
    category: "drift",
    severity: "warning",
    reads: [...comparedKinds, ...regionalKinds, "application"],
    rationale:
      "The specification promises something Anypoint does not have: either it was never built, or it has another name.",
    remediation: "Build it, correct its name in Anypoint or in the specification, or remove it from the plan.",
    needsLive: true,
    evaluate: (context) => {
      const findings: RuleFinding[] = [];
      // What the sync could not read is unknown, not missing (decision 0016).
      const scopes = context.input.liveScopes ?? [];
      for (const kind of comparedKinds) {
        const live = new Set(context.live(kind).map((r) => lower(r.name)));
        for (const entry of context.spec(kind)) {
          if (!isFilled(entry.title) || live.has(lower(entry.title))) continue;
          const businessGroup = kind === "business-group" ? entry.title : context.titles(entry.data.businessGroup)[0];
          if (!wasRead(scopes, { kind, businessGroup })) continue;
          findings.push({
            resourceKind: kind,
            resourceName: entry.title,
            message: `${liveKindLabels[kind].one} "${entry.title}" is in the specification but not in Anypoint`,
            remediation: `Create ${one(kind)} "${entry.title}" in Anypoint, correct its name (in Anypoint or in the specification), or remove it from the plan`,
            specRecordId: entry.id,
          });
        }
      }
      for (const kind of regionalKinds) {
        for (const { entry, environment, region } of regionalPairs(context, kind).missing) {
          if (!isFilled(entry.title) || !environment || !region) continue;
          if (!wasRead(scopes, { kind, environment })) continue;
          findings.push({
            resourceKind: kind,
            resourceName: entry.title,
            environment,
            message: `${liveKindLabels[kind].one} "${entry.title}" is in the specification for ${environment} in ${region} but not in Anypoint there`,
            remediation: `Create ${one(kind)} "${entry.title}" in ${environment} (${region}), correct its name or region (in Anypoint or in the specification), or remove it from the plan`,
            specRecordId: entry.id,
            detail: region,
          });
        }
      }
      const index = applicationIndex(context);
      for (const planned of index.planned) {
        if (planned.live.length) continue;
        if (!wasRead(scopes, { kind: "application", environment: planned.environment })) continue;
        findings.push({
          resourceKind: "application",
          resourceName: planned.entry.title,
          environment: planned.environment,
          message: planned.environment
            ? `Application "${planned.entry.title}" is planned in ${planned.environment} but not deployed there`
            : `Application "${planned.entry.title}" is planned but not deployed anywhere`,
          remediation: planned.environment
            ? `Deploy "${planned.entry.title}" to ${planned.environment}, correct its name (in Anypoint or in the specification), or take ${planned.environment} out of its environments`
            : `Deploy "${planned.entry.title}", correct its name (in Anypoint or in the specification), or remove it from the plan`,
          specRecordId: planned.entry.id,
        });
      }
      return findings;
    },
  },
  {
    id: "DRIFT-UNPLANNED",
    title: "In the live estate but not planned",
    category: "drift",
    severity: "warning",
    reads: [...comparedKinds, ...regionalKinds, "application"],
    rationale:
      "What runs but is not in the specification is not governed: nobody checked its sizing, security or recovery.",
    remediation: "Add it to the specification (with its owner), or retire it.",
    needsLive: true,
    evaluate: (context) => {
      const findings: RuleFinding[] = [];
      for (const kind of comparedKinds) {
        const planned = new Set(context.spec(kind).map((e) => lower(e.title)));
        for (const resource of context.live(kind)) {
          if (planned.has(lower(resource.name))) continue;
          findings.push({
            resourceKind: kind,
            resourceName: resource.name,
            environment: resource.kind === "environment" ? null : resource.environment,
            businessGroup: resource.businessGroup,
            message: `${liveKindLabels[kind].one} "${resource.name}" is in Anypoint but not in the specification`,
            remediation: `Add ${one(kind)} "${resource.name}" to the specification's ${specKinds[kind].plural} (with its owner), or retire it in Anypoint`,
            liveExternalId: resource.externalId,
          });
        }
      }
      // Only where the plan describes that kind at all: a plan without queues has not been written
      // for MQ yet (a gap), not planned it without queues.
      for (const kind of regionalKinds) {
        if (!context.spec(kind).length) continue;
        for (const resource of regionalPairs(context, kind).unplanned) {
          findings.push({
            resourceKind: kind,
            resourceName: resource.name,
            environment: resource.environment,
            businessGroup: resource.businessGroup,
            message: `${liveKindLabels[kind].one} "${resource.name}" in ${resource.environment ?? "?"} (${String(resource.attributes.region)}) is in Anypoint but not in the specification`,
            remediation: `Add ${one(kind)} "${resource.name}" in ${resource.environment ?? "its environment"} (${String(resource.attributes.region)}) to the specification's ${specKinds[kind].plural}, or delete it in Anypoint`,
            liveExternalId: resource.externalId,
            detail: String(resource.attributes.region ?? ""),
          });
        }
      }
      const index = applicationIndex(context);
      for (const { app, planHere } of index.deployed) {
        if (planHere) continue;
        findings.push({
          resourceKind: "application",
          resourceName: app.name,
          environment: app.environment,
          businessGroup: app.businessGroup,
          message: `Application "${app.name}"${app.environment ? ` in ${app.environment}` : ""} is deployed but not planned`,
          remediation: app.environment
            ? `Add "${app.name}" to the Planned applications with ${app.environment} among its environments (with its owner), or undeploy it from ${app.environment}`
            : `Add "${app.name}" to the Planned applications (with its owner), or undeploy it`,
          liveExternalId: app.externalId,
        });
      }
      return findings;
    },
  },
  {
    id: "DRIFT-VALUE",
    title: "Planned and live values differ",
    category: "drift",
    severity: "warning",
    reads: [
      "environment",
      "vpc",
      "load-balancer",
      "vpn",
      "application",
      "runtime-fabric",
      "mule-cluster",
      "server-group",
      "mule-server",
    ],
    rationale:
      "The plan and the estate disagree on a value that matters (network ranges, exposure, sizing): one of them is wrong.",
    remediation:
      "Change Anypoint to match the plan, or record the new value in the specification (with a decision if it is one).",
    needsLive: true,
    evaluate: (context) => {
      const findings: RuleFinding[] = [];
      for (const { entry, resource } of pairs(context, "environment")) {
        const planned = String(entry.data.classification ?? "");
        const actual = String(resource.attributes.type ?? "");
        if (isFilled(planned) && actual && lower(planned) !== lower(actual)) {
          const classification = lower(actual);
          const finding = differs(entry, resource, "type", "the type", planned, actual);
          findings.push(
            ["sandbox", "production", "design"].includes(classification)
              ? matching(finding, "classification", classification)
              : finding,
          );
        }
      }
      const environmentIds = new Map(context.spec("environment").map((e) => [lower(e.title), e.id]));
      for (const { entry, resource } of pairs(context, "vpc")) {
        const cidr = String(entry.data.cidr ?? "");
        // A value Anypoint did not answer (null) is unknown, not different.
        if (isFilled(cidr) && resource.attributes.cidr != null && cidr !== resource.attributes.cidr) {
          const live = String(resource.attributes.cidr);
          // Anypoint cannot change a VPC's range: the plan moves, or a new VPC is built beside it.
          const remedy = `Record ${live} as the CIDR of "${entry.title}" in the specification, or create a VPC with ${cidr} and move its applications to it (a VPC's range cannot change)`;
          findings.push(
            matching(differs(entry, resource, "cidr", "the CIDR", cidr, live, "error", remedy), "cidr", live),
          );
        }
        const region = String(entry.data.region ?? "");
        if (isFilled(region) && resource.attributes.region != null && region !== resource.attributes.region) {
          const live = String(resource.attributes.region);
          findings.push(matching(differs(entry, resource, "region", "the region", region, live), "region", live));
        }
        const plannedEnvs = context.titles(entry.data.environments);
        const liveEnvs = readList(resource.attributes.environments);
        if (plannedEnvs.length && liveEnvs && !sameSet(plannedEnvs, liveEnvs)) {
          const finding = differs(
            entry,
            resource,
            "environments",
            "the environment list",
            list(plannedEnvs),
            list(liveEnvs),
          );
          // The plan names environments by their records: every live one needs a record to accept.
          const ids = liveEnvs.map((name) => environmentIds.get(lower(name)));
          findings.push(ids.every(Boolean) ? matching(finding, "environments", ids) : finding);
        }
      }
      for (const { entry, resource } of pairs(context, "load-balancer")) {
        const planned = ((entry.data.allowlistedCidrs as string[] | undefined) ?? []).filter(isFilled);
        const actual = readList(resource.attributes.allowlist);
        if (planned.length && actual && !sameSet(planned, actual)) {
          findings.push(
            matching(
              differs(entry, resource, "allowlist", "the allowlist", list(planned), list(actual)),
              "allowlistedCidrs",
              actual,
            ),
          );
        }
        const mode = String(entry.data.httpMode ?? "");
        if (isFilled(mode) && resource.attributes.httpMode && mode !== resource.attributes.httpMode) {
          const live = String(resource.attributes.httpMode);
          findings.push(matching(differs(entry, resource, "httpMode", "the HTTP mode", mode, live), "httpMode", live));
        }
      }
      for (const { entry, resource } of pairs(context, "vpn")) {
        const ip = String(entry.data.remoteIp ?? "");
        if (isFilled(ip) && resource.attributes.remoteIp && ip !== resource.attributes.remoteIp) {
          const live = String(resource.attributes.remoteIp);
          findings.push(matching(differs(entry, resource, "remoteIp", "the remote IP", ip, live), "remoteIp", live));
        }
        const routes = ((entry.data.staticRoutes as string[] | undefined) ?? []).filter(isFilled);
        const networks = readList(resource.attributes.remoteNetworks);
        if (routes.length && networks && !sameSet(routes, networks)) {
          findings.push(
            matching(
              differs(entry, resource, "remoteNetworks", "the remote network list", list(routes), list(networks)),
              "staticRoutes",
              networks,
            ),
          );
        }
      }
      // Counts and versions of the runtimes beyond CloudHub; a count not read (null) is unknown.
      const numbers: [kind: (typeof comparedKinds)[number], field: string, live: string, label: string][] = [
        ["runtime-fabric", "controllers", "controllers", "the number of controllers"],
        ["runtime-fabric", "workers", "workers", "the number of workers"],
        ["mule-cluster", "nodes", "nodes", "the number of nodes"],
        ["server-group", "servers", "servers", "the number of servers"],
      ];
      for (const [kind, field, liveField, label] of numbers) {
        for (const { entry, resource } of pairs(context, kind)) {
          const planned = entry.data[field];
          const actual = resource.attributes[liveField];
          if (typeof planned === "number" && typeof actual === "number" && planned !== actual) {
            findings.push(
              matching(differs(entry, resource, field, label, String(planned), String(actual)), field, actual),
            );
          }
        }
      }
      for (const { entry, resource } of pairs(context, "runtime-fabric")) {
        const version = String(entry.data.version ?? "");
        const actual = resource.attributes.version;
        if (isFilled(version) && typeof actual === "string" && !versionMatches(version, actual)) {
          findings.push(
            matching(differs(entry, resource, "version", "the version", version, actual), "version", actual),
          );
        }
      }
      for (const { entry, resource } of pairs(context, "mule-cluster")) {
        const membership = String(entry.data.membership ?? "");
        const multicast = resource.attributes.multicast;
        if (isFilled(membership) && typeof multicast === "boolean" && (membership === "multicast") !== multicast) {
          const live = multicast ? "multicast" : "unicast";
          findings.push(
            matching(differs(entry, resource, "membership", "the membership", membership, live), "membership", live),
          );
        }
      }
      for (const { entry, resource } of pairs(context, "mule-server")) {
        const version = String(entry.data.runtimeVersion ?? "");
        const actual = resource.attributes.runtimeVersion;
        if (isFilled(version) && typeof actual === "string" && !versionMatches(version, actual)) {
          findings.push(
            matching(
              differs(entry, resource, "runtimeVersion", "the runtime version", version, actual),
              "runtimeVersion",
              actual,
            ),
          );
        }
      }
      // MQ settings; the plan keeps times in seconds, MQ answers milliseconds.
      for (const { entry, resource } of regionalPairs(context, "mq-destination").pairs) {
        const a = resource.attributes;
        const checks: [field: string, label: string, planned: unknown, actual: unknown][] = [
          ["type", "the type", entry.data.type, a.type],
          ["fifo", "FIFO", entry.data.fifo, a.fifo],
          ["encrypted", "encryption", entry.data.encrypted, a.encrypted],
          [
            "ttlSeconds",
            "the time to live (s)",
            entry.data.ttlSeconds,
            typeof a.ttlMs === "number" ? a.ttlMs / 1000 : null,
          ],
          [
            "lockTtlSeconds",
            "the lock time (s)",
            entry.data.lockTtlSeconds,
            typeof a.lockTtlMs === "number" ? a.lockTtlMs / 1000 : null,
          ],
          ["maxDeliveries", "max deliveries", entry.data.maxDeliveries, a.maxDeliveries],
        ];
        for (const [field, label, planned, actual] of checks) {
          // Not planned or not answered: nothing to compare.
          if (planned === null || planned === undefined || planned === "" || actual === null || actual === undefined)
            continue;
          if (String(planned).toLowerCase() !== String(actual).toLowerCase()) {
            findings.push(
              matching(differs(entry, resource, field, label, String(planned), String(actual)), field, actual),
            );
          }
        }
        const dlq = typeof entry.data.deadLetterQueue === "string" ? entry.data.deadLetterQueue.trim() : "";
        // A plan that names no dead-letter queue does not say "none" (AVAIL-MQ-DLQ judges that).
        if (
          dlq &&
          a.type === "queue" &&
          typeof a.deadLetterQueue === "string" &&
          lower(dlq) !== lower(a.deadLetterQueue)
        ) {
          findings.push(
            matching(
              differs(
                entry,
                resource,
                "deadLetterQueue",
                "the dead-letter queue",
                dlq || "none",
                a.deadLetterQueue || "none",
              ),
              "deadLetterQueue",
              a.deadLetterQueue,
            ),
          );
        }
      }
      const index = applicationIndex(context);
      for (const planned of index.planned) {
        const workers = planned.entry.data.workers;
        const size = planned.entry.data.workerSize;
        for (const { app, cloudhub1: ch1, units: liveWorkers, unitVCores: liveSize } of planned.live) {
          const target = targetDrift(planned.entry, app);
          if (target)
            findings.push(
              matching(
                differs(planned.entry, app, "target", "the target", target.planned, target.live),
                "target",
                target.target,
                { targetName: target.targetName },
              ),
            );
          if (typeof workers === "number" && liveWorkers !== null && workers !== liveWorkers) {
            findings.push(
              matching(
                differs(
                  planned.entry,
                  app,
                  "workers",
                  ch1 ? "the number of workers" : "the number of replicas",
                  String(workers),
                  String(liveWorkers),
                ),
                "workers",
                liveWorkers,
              ),
            );
          }
          if (typeof size === "string" && liveSize !== null && isFilled(size) && Number(size) !== liveSize) {
            findings.push(
              matching(
                differs(
                  planned.entry,
                  app,
                  "workerSize",
                  ch1 ? "the worker size" : "the replica size",
                  `${size} vCore`,
                  `${liveSize} vCore`,
                ),
                "workerSize",
                String(liveSize),
              ),
            );
          }
        }
      }
      return findings;
    },
  },
];
