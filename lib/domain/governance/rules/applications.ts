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
  /** The application's environment, lower case ("" without one). */
  environment: string;
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
  /** The environments a planned application lists, lower case. */
  environmentsOf: (planned: SpecEntry) => ReadonlySet<string>;
  /** Names of the live applications, lower case. */
  liveNames: ReadonlySet<string>;
};

type PlanSlot = {
  entry: SpecEntry;
  all: LiveResource[];
  deployments: (PlannedDeployment & { key: string })[];
  environments: Set<string>;
};

const cache = new WeakMap<RuleContext, ApplicationIndex>();
const none: ReadonlySet<string> = new Set();

/**
 * Builds (once per evaluation) the application index, in one pass over the plan and one over the
 * estate, so that matching stays linear and no rule lower-cases a name again. Each map lookup
 * misses the CPU's caches at 30,000 applications: the pass over the estate makes as few as it can.
 */
export function applicationIndex(context: RuleContext): ApplicationIndex {
  const cached = cache.get(context);
  if (cached) return cached;
  const byName = new Map<string, PlanSlot>();
  const byId = new Map<string, PlanSlot>();
  const planned: PlannedDeployment[] = [];
  for (const entry of context.spec("application")) {
    const slot: PlanSlot = { entry, all: [], deployments: [], environments: new Set() };
    const titles = context.titles(entry.data.environments);
    if (titles.length) {
      for (const environment of titles) {
        const key = environment.toLowerCase();
        slot.environments.add(key);
        slot.deployments.push({ entry, environment, key, live: [] });
      }
    } else {
      slot.deployments.push({ entry, environment: null, key: "", live: slot.all });
    }
    for (const deployment of slot.deployments) planned.push(deployment);
    const name = lower(entry.title);
    if (!byName.has(name)) byName.set(name, slot);
    byId.set(entry.id, slot);
  }
  const match = (name: string, environment: string) => {
    const exact = byName.get(name);
    if (exact || !environment) return exact;
    const suffix = `-${environment}`;
    return name.endsWith(suffix) ? byName.get(name.slice(0, -suffix.length)) : undefined;
  };
  const deployed: LiveDeployment[] = [];
  let lastEnvironment: string | null = null;
  let environment = "";
  for (const app of context.live("application")) {
    // Applications come environment by environment: lower-case a name when it changes.
    if (app.environment !== lastEnvironment) {
      lastEnvironment = app.environment;
      environment = lower(app.environment);
    }
    const slot = match(app.name.toLowerCase(), environment);
    deployed.push({ app, planned: slot?.entry, environment });
    if (!slot) continue;
    slot.all.push(app);
    if (slot.deployments.length === 1 && slot.deployments[0]!.live === slot.all) continue;
    for (const deployment of slot.deployments) if (deployment.key === environment) deployment.live.push(app);
  }
  let liveNames: Set<string> | null = null;
  const index: ApplicationIndex = {
    plannedFor: (app) => match(lower(app.name), lower(app.environment))?.entry,
    liveFor: (entry, environment) => {
      const slot = byId.get(entry.id);
      if (!slot) return [];
      if (environment === null) return slot.all;
      const wanted = lower(environment);
      return slot.all.filter((app) => lower(app.environment) === wanted);
    },
    planned,
    deployed,
    environmentsOf: (entry) => byId.get(entry.id)?.environments ?? none,
    get liveNames() {
      liveNames ??= new Set(deployed.map((d) => d.app.name.toLowerCase()));
      return liveNames;
    },
  };
  cache.set(context, index);
  return index;
}
