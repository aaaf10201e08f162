import type { RuleContext, SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";

const lower = (value: string | null | undefined) => (value ?? "").toLowerCase();

/** A planned application in one environment it lists (or without one), with what runs there. */
export type PlannedDeployment = {
  entry: SpecEntry;
  environment: string | null;
  /** Its live applications: in that environment, or anywhere when the plan lists none. */
  live: LiveResource[];
};

/** A live application with the planned one it is. */
export type LiveDeployment = {
  app: LiveResource;
  planned: SpecEntry | undefined;
  /** The application's name, lower case. */
  name: string;
  /** The application's environment, lower case ("" without one). */
  environment: string;
  /** Planned in this environment, or planned without environments. */
  planHere: boolean;
};

/** Plan and estate of applications matched once per evaluation: by name, or by name with the environment as suffix. */
export type ApplicationIndex = {
  /** The planned application a name in an environment is (an API's application; `deployed` has the live ones'). */
  plannedFor: (app: Pick<LiveResource, "name" | "environment">) => SpecEntry | undefined;
  /** The live applications of a planned one, in one environment or (null) in any. */
  liveFor: (planned: SpecEntry, environment: string | null) => LiveResource[];
  /** Every planned application once per environment it lists (or once without one). */
  planned: PlannedDeployment[];
  /** Every live application, in the snapshot's order. */
  deployed: LiveDeployment[];
  /** Names of the live applications, lower case. */
  liveNames: ReadonlySet<string>;
};

type PlanSlot = {
  entry: SpecEntry;
  all: LiveResource[];
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
  const byName = new Map<string, PlanSlot>();
  const byId = new Map<string, PlanSlot>();
  const planned: PlannedDeployment[] = [];
  const entries = context.spec("application");
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i]!;
    const slot: PlanSlot = { entry, all: [], deployments: [] };
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
    if (!byName.has(name)) byName.set(name, slot);
    byId.set(entry.id, slot);
  }
  /** The plan a name is: itself, or itself with "-" and the environment (`suffix`) appended. */
  const match = (name: string, suffix: string) => {
    const exact = byName.get(name);
    if (exact || !suffix) return exact;
    return name.endsWith(suffix) ? byName.get(name.slice(0, -suffix.length)) : undefined;
  };
  const suffixOf = (environment: string) => (environment ? `-${environment}` : "");
  const apps = context.live("application");
  const deployed: LiveDeployment[] = new Array<LiveDeployment>(apps.length);
  let lastEnvironment: string | null = null;
  let environment = "";
  let suffix = "";
  for (let i = 0; i < apps.length; i += 1) {
    const app = apps[i]!;
    // Applications come environment by environment: lower-case a name when it changes.
    if (app.environment !== lastEnvironment) {
      lastEnvironment = app.environment;
      environment = lower(app.environment);
      suffix = suffixOf(environment);
    }
    const name = app.name.toLowerCase();
    const slot = match(name, suffix);
    let planHere = false;
    if (slot) {
      slot.all.push(app);
      const deployments = slot.deployments;
      planHere = deployments.length === 0;
      for (let j = 0; j < deployments.length; j += 1) {
        if (deployments[j]!.key !== environment) continue;
        deployments[j]!.live.push(app);
        planHere = true;
      }
    }
    deployed[i] = { app, planned: slot?.entry, name, environment, planHere };
  }
  let liveNames: Set<string> | null = null;
  const index: ApplicationIndex = {
    plannedFor: (app) => match(lower(app.name), suffixOf(lower(app.environment)))?.entry,
    liveFor: (entry, environment) => {
      const slot = byId.get(entry.id);
      if (!slot) return [];
      if (environment === null) return slot.all;
      const wanted = lower(environment);
      return slot.all.filter((app) => lower(app.environment) === wanted);
    },
    planned,
    deployed,
    get liveNames() {
      if (!liveNames) {
        liveNames = new Set();
        for (let i = 0; i < deployed.length; i += 1) liveNames.add(deployed[i]!.name);
      }
      return liveNames;
    },
  };
  cache.set(context, index);
  return index;
}
