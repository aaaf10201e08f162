import type { RuleContext, SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource, LiveValue } from "@/lib/domain/live/snapshot";

const lower = (value: string | null | undefined) => (value ?? "").toLowerCase();

/** A planned application in one environment it lists (or without one), with what runs there. */
export type PlannedDeployment = {
  entry: SpecEntry;
  environment: string | null;
  /** Its live applications: in that environment, or anywhere when the plan lists none. */
  live: LiveDeployment[];
};

/**
 * A live application with the planned one it is, and what the rules read of it, platform-neutral
 * (CloudHub 1.0 workers and CloudHub 2.0 / RTF replicas alike): read once per evaluation rather
 * than by every rule, because at 30,000 applications each pass over their attributes costs more
 * in cache misses than the rule's own work.
 */
export type LiveDeployment = {
  app: LiveResource;
  planned: SpecEntry | undefined;
  /** The application's name, lower case. */
  name: string;
  /** The application's environment, lower case ("" without one). */
  environment: string;
  /** Planned in this environment, or planned without environments. */
  planHere: boolean;
  /** CloudHub 1.0 (workers), rather than CloudHub 2.0 or Runtime Fabric (replicas). */
  cloudhub1: boolean;
  /** Workers or replicas, and the vCores of each, when Anypoint reports them. */
  units: number | null;
  unitVCores: number | null;
  runtimeVersion: LiveValue;
  runtimeEndOfSupport: string | null;
  persistentQueues: boolean;
};

/** Plan and estate of applications matched once per evaluation: by name, or by name with the environment as suffix. */
export type ApplicationIndex = {
  /** The planned application a name in an environment is (an API's application; `deployed` has the live ones'). */
  plannedFor: (app: Pick<LiveResource, "name" | "environment">) => SpecEntry | undefined;
  /** The live applications of a planned one, in one environment or (null) in any. */
  liveFor: (planned: SpecEntry, environment: string | null) => LiveDeployment[];
  /** Every planned application once per environment it lists (or once without one). */
  planned: PlannedDeployment[];
  /** Every live application, in the snapshot's order. */
  deployed: LiveDeployment[];
  /** Whether a live application has this name (lower case). */
  isLive: (name: string) => boolean;
};

type PlanSlot = {
  entry: SpecEntry;
  /** A live application has the plan's name itself. */
  named: boolean;
  all: LiveDeployment[];
  /** One per environment the plan lists; none when it lists none (then `all` is the deployment's). */
  deployments: (PlannedDeployment & { key: string })[];
};

const cache = new WeakMap<RuleContext, ApplicationIndex>();

/**
 * Builds (once per evaluation) the application index, in one pass over the plan and one over the
 * estate, so that matching stays linear and no rule lower-cases a name again. At 30,000
 * applications each map lookup and each small allocation counts: the passes make as few as they
 * can, and index their arrays (they run once, often before the JIT optimises them).
 */
export function applicationIndex(context: RuleContext): ApplicationIndex {
  const cached = cache.get(context);
  if (cached) return cached;
  // Lower-case names: of planned applications (their slot), and of live ones planned under no name
  // of their own (null). One map for both: one lookup per live application answers both.
  const names = new Map<string, PlanSlot | null>();
  const byId = new Map<string, PlanSlot>();
  const planned: PlannedDeployment[] = [];
  const entries = context.spec("application");
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i]!;
    const slot: PlanSlot = { entry, named: false, all: [], deployments: [] };
    const ids = entry.data.environments;
    const count = Array.isArray(ids) ? ids.length : ids ? 1 : 0;
    for (let j = 0; j < count; j += 1) {
      const environment = context.byId(Array.isArray(ids) ? ids[j] : ids)?.title;
      if (!environment) continue;
      const deployment = { entry, environment, key: environment.toLowerCase(), live: [] };
      slot.deployments.push(deployment);
      planned.push(deployment);
    }
    if (!slot.deployments.length) planned.push({ entry, environment: null, live: slot.all });
    const name = lower(entry.title);
    if (!names.has(name)) names.set(name, slot);
    byId.set(entry.id, slot);
  }
  /** The plan a name is with "-" and the environment (`suffix`) appended. */
  const suffixed = (name: string, suffix: string) =>
    suffix && name.endsWith(suffix) ? (names.get(name.slice(0, -suffix.length)) ?? undefined) : undefined;
  /** The plan a name is: itself, or itself with the environment's suffix. */
  const match = (name: string, suffix: string) => names.get(name) ?? suffixed(name, suffix);
  const suffixOf = (environment: string) => (environment ? `-${environment}` : "");
  const apps = context.live("application");
  const deployed: LiveDeployment[] = new Array<LiveDeployment>(apps.length);
  // A few dozen environments, on every application: lower-case each (and its suffix) once.
  const environments = new Map<string, { key: string; suffix: string }>();
  for (let i = 0; i < apps.length; i += 1) {
    const app = apps[i]!;
    let spelled = environments.get(app.environment ?? "");
    if (!spelled) {
      const key = lower(app.environment);
      environments.set(app.environment ?? "", (spelled = { key, suffix: suffixOf(key) }));
    }
    const { key: environment, suffix } = spelled;
    const name = app.name.toLowerCase();
    const known = names.get(name);
    let slot: PlanSlot | undefined;
    if (known) {
      slot = known;
      known.named = true;
    } else {
      if (known === undefined) names.set(name, null);
      slot = suffixed(name, suffix);
    }
    const attributes = app.attributes;
    const cloudhub1 = attributes.platform === "cloudhub-1";
    const units = cloudhub1 ? attributes.workers : attributes.replicas;
    const unitVCores = cloudhub1 ? attributes.workerVCores : attributes.replicaVCores;
    const endOfSupport = attributes.runtimeEndOfSupport;
    const deployment: LiveDeployment = {
      app,
      planned: slot?.entry,
      name,
      environment,
      planHere: false,
      cloudhub1,
      units: typeof units === "number" ? units : null,
      unitVCores: typeof unitVCores === "number" ? unitVCores : null,
      runtimeVersion: attributes.runtimeVersion ?? null,
      runtimeEndOfSupport: typeof endOfSupport === "string" ? endOfSupport : null,
      persistentQueues: attributes.persistentQueues === true,
    };
    deployed[i] = deployment;
    if (!slot) continue;
    slot.all.push(deployment);
    const deployments = slot.deployments;
    deployment.planHere = deployments.length === 0;
    for (let j = 0; j < deployments.length; j += 1) {
      if (deployments[j]!.key !== environment) continue;
      deployments[j]!.live.push(deployment);
      deployment.planHere = true;
    }
  }
  const index: ApplicationIndex = {
    plannedFor: (app) => match(lower(app.name), suffixOf(lower(app.environment)))?.entry,
    liveFor: (entry, environment) => {
      const slot = byId.get(entry.id);
      if (!slot) return [];
      if (environment === null) return slot.all;
      const wanted = lower(environment);
      return slot.all.filter((deployment) => deployment.environment === wanted);
    },
    planned,
    deployed,
    isLive: (name) => {
      const known = names.get(name);
      return known === null || (known !== undefined && known.named);
    },
  };
  cache.set(context, index);
  return index;
}
