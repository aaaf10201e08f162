// Rules for the runtimes beyond CloudHub and what the HA/DR seeds say about them
// (shared/background/): Runtime Fabric and cluster sizing, Anypoint MQ dead-letter queues and
// regions (MQ does not replicate across regions), Object Store v2 regions (region-scoped, not
// replicated), whether a recovery tier's strategy can meet its objectives, and fabric capacity.
import { applicationIndex } from "@/lib/domain/governance/rules/applications";
import type { Rule, RuleFinding, SpecEntry } from "@/lib/domain/governance/types";
import { listOf } from "@/lib/domain/governance/rules/phrases";
import {
  availableEnvironments,
  liveFinding,
  liveRegions,
  lower,
  num,
  productionEnvironments,
  strategyFloor,
  strategyMeeting,
  strategyOf,
  tierOf,
} from "@/lib/domain/governance/rules/runtime-facts";

export const runtimeRules: Rule[] = [
  {
    id: "AVAIL-RTF-NODES",
    title: "Runtime Fabric in production with too few controllers or workers, or nodes not ready",
    category: "availability",
    severity: "error",
    reads: ["runtime-fabric", "environment"],
    rationale:
      "A production fabric needs 3 controllers (a quorum survives one loss) and at least 2 workers (replicas spread over nodes); a node not ready is capacity the fabric counts on and does not have.",
    remediation: "Add controller or worker nodes (3 controllers, 2 or more workers), or bring the node back to ready.",
    needsLive: false,
    evaluate: (context) => {
      const production = productionEnvironments(context);
      const findings: RuleFinding[] = [];
      for (const fabric of context.live("runtime-fabric")) {
        const environments = Array.isArray(fabric.attributes.environments)
          ? fabric.attributes.environments.map(String)
          : null;
        const inProduction = environments
          ? environments.some((e) => production.has(lower(e)))
          : fabric.attributes.configurationLevel === "production";
        if (!inProduction) continue;
        const controllers = num(fabric.attributes.controllers);
        const workers = num(fabric.attributes.workers);
        const where = environments?.length ? ` (serving ${environments.join(", ")})` : "";
        if (controllers !== null && controllers < 3) {
          findings.push(
            liveFinding(
              fabric,
              `Runtime Fabric "${fabric.name}"${where} runs ${controllers} controller${controllers === 1 ? "" : "s"}; production needs 3`,
              {
                detail: "controllers",
                remediation: `Add ${3 - controllers} controller node${3 - controllers === 1 ? "" : "s"} to "${fabric.name}" (3 in all, now ${controllers})`,
              },
            ),
          );
        }
        if (workers !== null && workers < 2) {
          findings.push(
            liveFinding(
              fabric,
              `Runtime Fabric "${fabric.name}"${where} runs ${workers} worker; production needs at least 2`,
              {
                detail: "workers",
                remediation: `Add ${2 - workers} worker node${2 - workers === 1 ? "" : "s"} to "${fabric.name}" (at least 2, now ${workers})`,
              },
            ),
          );
        }
        const notReady = Array.isArray(fabric.attributes.nodesNotReady)
          ? fabric.attributes.nodesNotReady.map(String)
          : [];
        if (notReady.length) {
          findings.push(
            liveFinding(fabric, `Runtime Fabric "${fabric.name}" has nodes not ready: ${notReady.join(", ")}`, {
              detail: "ready",
              remediation: `Bring ${listOf(notReady)} of "${fabric.name}" back to ready, or replace ${notReady.length === 1 ? "it" : "them"}`,
            }),
          );
        }
      }
      for (const planned of context.spec("runtime-fabric")) {
        const environments = context.titles(planned.data.environments);
        if (!environments.some((e) => production.has(lower(e)))) continue;
        const controllers = num(planned.data.controllers);
        const workers = num(planned.data.workers);
        const short = [
          controllers !== null && controllers < 3 ? `${controllers} controller${controllers === 1 ? "" : "s"}` : null,
          workers !== null && workers < 2 ? `${workers} worker` : null,
        ].filter(Boolean);
        if (!short.length) continue;
        findings.push({
          resourceKind: "runtime-fabric",
          resourceName: planned.title,
          message: `Runtime Fabric "${planned.title}" is planned for production with ${short.join(" and ")}; plan 3 controllers and at least 2 workers`,
          remediation: `Plan "${planned.title}" with 3 controllers and at least 2 workers (now ${short.join(" and ")})`,
          severity: "warning",
          specRecordId: planned.id,
          detail: "plan",
        });
      }
      return findings;
    },
  },
  {
    id: "AVAIL-CLUSTER-NODES",
    title: "Mule cluster in a highly available environment with fewer than 2 live nodes",
    category: "availability",
    severity: "error",
    reads: ["mule-cluster", "environment"],
    rationale:
      "An on-premise cluster is highly available only while at least two of its nodes run: with one left, the next failure is an outage, and the primary node's work has nowhere to go.",
    remediation: "Bring the stopped or disconnected nodes back, or add a node, so that at least 2 run.",
    needsLive: false,
    evaluate: (context) => {
      const available = availableEnvironments(context);
      const findings: RuleFinding[] = [];
      for (const cluster of context.live("mule-cluster")) {
        if (!available.has(lower(cluster.environment))) continue;
        const running = num(cluster.attributes.runningNodes);
        const down = Array.isArray(cluster.attributes.nodesDown) ? cluster.attributes.nodesDown.map(String) : [];
        if (running === null) continue;
        if (running < 2 || down.length) {
          findings.push(
            liveFinding(
              cluster,
              `Mule cluster "${cluster.name}" in ${cluster.environment} has ${running} running node${running === 1 ? "" : "s"}${down.length ? `; not running: ${down.join(", ")}` : ""}; it needs at least 2`,
              {
                ...(running < 2 ? {} : { severity: "warning" as const }),
                remediation: down.length
                  ? `Start ${listOf(down)} of "${cluster.name}" again${running + down.length < 2 ? ", and add a node," : ""} so that at least 2 nodes run (now ${running})`
                  : `Add a node to "${cluster.name}" in ${cluster.environment} (or start a stopped one) so that at least 2 run (now ${running})`,
              },
            ),
          );
        }
      }
      for (const planned of context.spec("mule-cluster")) {
        const environment = context.titles(planned.data.environment)[0];
        const nodes = num(planned.data.nodes);
        if (!environment || !available.has(lower(environment)) || nodes === null || nodes >= 2) continue;
        findings.push({
          resourceKind: "mule-cluster",
          resourceName: planned.title,
          environment,
          message: `Mule cluster "${planned.title}" is planned with ${nodes} node in ${environment}, an environment that must stay available; plan at least 2`,
          remediation: `Plan "${planned.title}" with at least 2 nodes in ${environment} (now ${nodes})`,
          severity: "warning",
          specRecordId: planned.id,
          detail: "plan",
        });
      }
      return findings;
    },
  },
  {
    id: "AVAIL-MQ-DLQ",
    title: "Queue without a dead-letter queue used where messages must not be lost",
    category: "availability",
    severity: "warning",
    reads: ["mq-destination", "application", "recovery-tier", "environment"],
    rationale:
      "Without a dead-letter queue and a maximum number of deliveries, a message that always fails is redelivered forever or lost at its time to live; a tier 1 flow cannot afford either.",
    remediation: "Give the queue a dead-letter queue and set its max deliveries (e.g. 10).",
    needsLive: false,
    evaluate: (context) => {
      const production = productionEnvironments(context);
      // Who uses a queue, from the plan: by destination name and environment.
      const users = new Map<string, SpecEntry[]>();
      const key = (name: unknown, environment: unknown) => `${lower(name)}\u0000${lower(environment)}`;
      for (const planned of context.spec("mq-destination")) {
        const environment = context.titles(planned.data.environment)[0] ?? "";
        const apps = (Array.isArray(planned.data.usedBy) ? planned.data.usedBy : [])
          .map((id) => context.byId(id))
          .filter((a): a is SpecEntry => !!a);
        users.set(key(planned.title, environment), apps);
      }
      const tier1 = (apps: SpecEntry[]) => apps.filter((a) => tierOf(context, a) === 1).map((a) => a.title);
      const findings: RuleFinding[] = [];
      const live = context.live("mq-destination");
      const deadLetters = new Set(live.map((d) => key(d.attributes.deadLetterQueue, d.environment)));
      for (const queue of live) {
        if (queue.attributes.type !== "queue" || deadLetters.has(key(queue.name, queue.environment))) continue;
        const dlq = queue.attributes.deadLetterQueue;
        const maxDeliveries = queue.attributes.maxDeliveries;
        // "" is answered without one; null is not known (an exchange, or a field not read).
        const missing =
          dlq === ""
            ? "has no dead-letter queue"
            : dlq !== null && maxDeliveries === null
              ? "has a dead-letter queue but no max deliveries"
              : null;
        if (!missing) continue;
        const critical = tier1(users.get(key(queue.name, queue.environment)) ?? []);
        if (!critical.length && !production.has(lower(queue.environment))) continue;
        findings.push(
          liveFinding(
            queue,
            `Queue "${queue.name}" in ${queue.environment} (${String(queue.attributes.region)}) ${missing}${critical.length ? `; tier 1 ${critical.join(", ")} use${critical.length === 1 ? "s" : ""} it` : ""}`,
            {
              ...(critical.length ? { severity: "error" as const } : {}),
              remediation:
                dlq === ""
                  ? `Give queue "${queue.name}" in ${queue.environment} (${String(queue.attributes.region)}) a dead-letter queue and set its max deliveries (e.g. 10)`
                  : `Set the max deliveries of queue "${queue.name}" in ${queue.environment} (e.g. 10), so that a message that keeps failing moves to "${String(dlq)}"`,
            },
          ),
        );
      }
      for (const planned of context.spec("mq-destination")) {
        if (planned.data.type !== "queue" || planned.data.deadLetterQueue) continue;
        const environment = context.titles(planned.data.environment)[0] ?? "";
        const critical = tier1(users.get(key(planned.title, environment)) ?? []);
        if (!critical.length) continue;
        findings.push({
          resourceKind: "mq-destination",
          resourceName: planned.title,
          environment,
          message: `Queue "${planned.title}" is planned without a dead-letter queue, and tier 1 ${critical.join(", ")} use${critical.length === 1 ? "s" : ""} it`,
          remediation: `Plan a dead-letter queue and max deliveries (e.g. 10) for queue "${planned.title}"${environment ? ` in ${environment}` : ""}`,
          specRecordId: planned.id,
          detail: "plan",
        });
      }
      return findings;
    },
  },
  {
    id: "AVAIL-MQ-SINGLE-REGION",
    title: "Active-active tier 1 application whose queues exist in one region only",
    category: "availability",
    severity: "error",
    reads: ["mq-destination", "application", "recovery-tier"],
    rationale:
      "Anypoint MQ does not replicate across regions: an active-active application whose queue exists in one region loses its messaging with that region.",
    remediation: "Create the queue in every region the application runs in, and bridge the messages between regions.",
    needsLive: false,
    evaluate: (context) => {
      const regionsOf = new Map<string, Set<string>>();
      const add = (name: unknown, region: unknown) => {
        if (!region) return;
        const set = regionsOf.get(lower(name)) ?? new Set<string>();
        set.add(lower(region));
        regionsOf.set(lower(name), set);
      };
      for (const d of context.spec("mq-destination")) add(d.title, d.data.region);
      for (const d of context.live("mq-destination")) add(d.name, d.attributes.region);
      const findings: RuleFinding[] = [];
      const seen = new Set<string>();
      for (const planned of context.spec("mq-destination")) {
        const name = lower(planned.title);
        if (seen.has(name)) continue;
        seen.add(name);
        const regions = regionsOf.get(name) ?? new Set();
        if (regions.size !== 1) continue;
        const apps = (Array.isArray(planned.data.usedBy) ? planned.data.usedBy : [])
          .map((id) => context.byId(id))
          .filter(
            (a): a is SpecEntry => !!a && tierOf(context, a) === 1 && /active[\s-]*active/.test(strategyOf(context, a)),
          );
        const users = apps.map((a) => a.title);
        if (!users.length) continue;
        const region = [...regions][0]!;
        const elsewhere = [...new Set(apps.flatMap((a) => liveRegions(context, a)))].filter((r) => r !== region);
        findings.push({
          resourceKind: "mq-destination",
          resourceName: planned.title,
          message: `Queue "${planned.title}" exists only in ${region}, but active-active tier 1 ${users.join(", ")} use${users.length === 1 ? "s" : ""} it: MQ does not replicate across regions`,
          remediation: elsewhere.length
            ? `Create queue "${planned.title}" in ${listOf(elsewhere)} too, where ${listOf(users)} run${users.length === 1 ? "s" : ""} besides ${region}, and bridge its messages between the regions`
            : `Create queue "${planned.title}" in every region ${listOf(users)} run${users.length === 1 ? "s" : ""} in besides ${region}, and bridge its messages between the regions`,
          specRecordId: planned.id,
        });
      }
      return findings;
    },
  },
  {
    id: "AVAIL-OS-REGION",
    title: "Object Store in another region than the application using it",
    category: "availability",
    severity: "warning",
    reads: ["object-store", "application", "vpc", "private-space"],
    rationale:
      "Object Store v2 is region-scoped: an application reading a store in another region pays the latency on every call, and loses the store with that region.",
    remediation: "Use a store in the application's own region (one per region for an active-active application).",
    needsLive: false,
    evaluate: (context) => {
      // The regions an application runs in: its CloudHub 1.0 workers, its private space's region.
      const spaceRegion = new Map(
        context.live("private-space").map((p) => [lower(p.name), lower(p.attributes.region)]),
      );
      const appRegions = new Map<string, Set<string>>();
      for (const app of context.live("application")) {
        const region = app.attributes.region
          ? lower(app.attributes.region)
          : spaceRegion.get(lower(app.attributes.target));
        if (!region) continue;
        const set = appRegions.get(lower(app.name)) ?? new Set<string>();
        set.add(region);
        appRegions.set(lower(app.name), set);
      }
      const findings: RuleFinding[] = [];
      for (const store of context.spec("object-store")) {
        const region = lower(store.data.region);
        if (!region) continue;
        for (const id of Array.isArray(store.data.usedBy) ? store.data.usedBy : []) {
          const app = context.byId(id);
          if (!app) continue;
          // Deployed under its own name or per environment with a suffix: any live copy counts.
          const regions = [...appRegions.entries()]
            .filter(([name]) => name === lower(app.title) || name.startsWith(`${lower(app.title)}-`))
            .flatMap(([, set]) => [...set]);
          if (!regions.length || regions.includes(region)) continue;
          findings.push({
            resourceKind: "object-store",
            resourceName: store.title,
            environment: context.titles(store.data.environment)[0] ?? null,
            message: `Object store "${store.title}" is in ${region}, but "${app.title}" runs in ${[...new Set(regions)].join(", ")}`,
            remediation: `Give "${app.title}" an object store in ${listOf([...new Set(regions)])} in place of "${store.title}" (${region})${new Set(regions).size > 1 ? ", one per region it runs in" : ""}`,
            specRecordId: store.id,
            detail: lower(app.title),
          });
        }
      }
      return findings;
    },
  },
  {
    id: "AVAIL-OS-V1",
    title: "Tier 1 application with a regional recovery on Object Store v1",
    category: "availability",
    severity: "warning",
    reads: ["application", "recovery-tier", "environment"],
    rationale:
      "CloudHub keeps Object Store v1 data in US East for every application, whatever its region: a US East outage takes the store away, and failing over to another region does not bring it back. Object Store v2 lives in the application's own region.",
    remediation: "Deploy with Object Store v2 (and a store per region for an active-active application).",
    needsLive: true,
    evaluate: (context) => {
      const production = productionEnvironments(context);
      const findings: RuleFinding[] = [];
      for (const planned of applicationIndex(context).planned) {
        const floor = strategyFloor(strategyOf(context, planned.entry));
        // Only a recovery into another region depends on where the store lives.
        if (tierOf(context, planned.entry) !== 1 || !floor || floor.label === "backup and restore") continue;
        for (const { app } of planned.live) {
          // null: the settings did not say (unknown); only a stated true is judged.
          if (app.attributes.objectStoreV1 !== true || !production.has(lower(app.environment))) continue;
          findings.push(
            liveFinding(
              app,
              `"${app.name}" in ${app.environment} uses Object Store v1, which CloudHub keeps in US East whatever the application's region (${String(app.attributes.region ?? "unknown")}): its ${floor.label} recovery fails over without its store when US East is down`,
              {
                specRecordId: planned.entry.id,
                remediation: `Redeploy "${app.name}" in ${app.environment} with Object Store v2, which keeps its data in ${app.attributes.region ? String(app.attributes.region) : "the application's region"}${floor.label === "active-active" ? " (a store per region it runs in)" : ""}`,
              },
            ),
          );
        }
      }
      return findings;
    },
  },
  {
    id: "AVAIL-DR-STRATEGY",
    title: "Recovery tier whose strategy cannot meet its RTO or RPO",
    category: "availability",
    severity: "error",
    reads: ["recovery-tier"],
    rationale:
      "A strategy has a floor: cold standby starts machines after the outage (hours), warm standby starts Mule runtimes (about an hour), active-passive switches in minutes with asynchronous replication, and only active-active with synchronous replication loses no data.",
    remediation:
      "Choose a strategy that meets the objectives (see the DR strategy's tier table), or relax the objectives.",
    needsLive: false,
    evaluate: (context) =>
      context.spec("recovery-tier").flatMap((tier): RuleFinding[] => {
        const floor = strategyFloor(String(tier.data.strategy ?? ""));
        if (!floor) return [];
        const rto = num(tier.data.rtoMinutes);
        const rpo = num(tier.data.rpoMinutes);
        const misses = [
          rto !== null && rto < floor.rto
            ? `an RTO of ${rto} min (${floor.label} recovers in about ${floor.rto} min)`
            : null,
          rpo !== null && rpo < floor.rpo
            ? `an RPO of ${rpo} min (${floor.label} can lose about ${floor.rpo} min of data)`
            : null,
        ].filter(Boolean);
        if (!misses.length) return [];
        const asked = [rto !== null ? `an RTO of ${rto} min` : null, rpo !== null ? `an RPO of ${rpo} min` : null];
        const relaxed = [
          rto !== null && rto < floor.rto ? `an RTO of ${floor.rto} min or more` : null,
          rpo !== null && rpo < floor.rpo ? `an RPO of ${floor.rpo} min or more` : null,
        ].filter(Boolean);
        const better = strategyMeeting(rto, rpo);
        return [
          {
            resourceKind: "recovery-tier",
            resourceName: tier.title,
            message: `Recovery tier "${tier.title}" asks for ${misses.join(" and ")}, which its strategy "${String(tier.data.strategy)}" cannot meet`,
            remediation: `Change the strategy of "${tier.title}" from "${String(tier.data.strategy)}" to ${better ? `${better}, which can meet ${asked.filter(Boolean).join(" and ")}` : "one that meets its objectives"}, or relax its objectives to ${relaxed.join(" and ")}`,
            specRecordId: tier.id,
          },
        ];
      }),
  },
  {
    id: "CAP-RTF-WORKERS",
    title: "Runtime Fabric workers' capacity taken by what is deployed",
    category: "capacity",
    severity: "warning",
    reads: ["runtime-fabric"],
    rationale:
      "Applications reserve CPU on the fabric's workers; past the workers' capacity a new replica or a redeployment cannot be scheduled, and a node loss cannot be absorbed.",
    remediation: "Add worker nodes or reduce the CPU reserved by the applications deployed to the fabric.",
    needsLive: true,
    evaluate: (context) =>
      context.live("runtime-fabric").flatMap((fabric): RuleFinding[] => {
        const capacity = num(fabric.attributes.workerCpuMillis);
        const requested = num(fabric.attributes.workerCpuMillisRequested);
        if (!capacity || requested === null) return [];
        const share = requested / capacity;
        if (share < 0.8) return [];
        // Cores to release (in tenths, the step people size by) until less than 80 % is reserved;
        // integer arithmetic, because 0.8 of a capacity in millicores is rarely exact in floating point.
        const free = (Math.floor((requested * 5 - capacity * 4) / 500) + 1) / 10;
        return [
          liveFinding(
            fabric,
            `Runtime Fabric "${fabric.name}" workers have ${Math.round(share * 100)} % of their CPU reserved (${requested / 1000} of ${capacity / 1000} cores)`,
            {
              ...(share >= 1 ? { severity: "error" as const } : {}),
              remediation: `Reduce the CPU the applications on "${fabric.name}" reserve by ${free} cores or more, or add worker nodes: ${requested / 1000} of ${capacity / 1000} cores are reserved`,
            },
          ),
        ];
      }),
  },
];
