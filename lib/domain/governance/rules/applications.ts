import type { RuleContext, SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";

const lower = (value: string | null | undefined) => (value ?? "").toLowerCase();

/** Plan and estate of applications matched once per evaluation: by name, or by name with the environment as suffix. */
export type ApplicationIndex = {
  /** The planned application a live one is. */
  plannedFor: (app: Pick<LiveResource, "name" | "environment">) => SpecEntry | undefined;
  /** The live applications of a planned one, in one environment or (null) in any. */
  liveFor: (planned: SpecEntry, environment: string | null) => LiveResource[];
  /** Every planned application once per environment it lists (or once without one). */
  planned: { entry: SpecEntry; environment: string | null }[];
  /** The environments a planned application lists, lower case. */
  environmentsOf: (planned: SpecEntry) => ReadonlySet<string>;
  /** Names of the live applications, lower case. */
  liveNames: ReadonlySet<string>;
};

const cache = new WeakMap<object, ApplicationIndex>();

/** Builds (once per evaluation input) the application index, so that matching stays linear in the estate. */
export function applicationIndex(context: RuleContext): ApplicationIndex {
  const cached = cache.get(context.input);
  if (cached) return cached;
  const plannedByName = new Map<string, SpecEntry>();
  for (const entry of context.spec("application")) {
    if (!plannedByName.has(lower(entry.title))) plannedByName.set(lower(entry.title), entry);
  }
  const plannedFor = (app: Pick<LiveResource, "name" | "environment">) => {
    const name = lower(app.name);
    const exact = plannedByName.get(name);
    if (exact) return exact;
    const suffix = app.environment ? `-${lower(app.environment)}` : null;
    return suffix && name.endsWith(suffix) ? plannedByName.get(name.slice(0, -suffix.length)) : undefined;
  };
  const liveByPlan = new Map<string, LiveResource[]>();
  const liveNames = new Set<string>();
  // Rules ask again for the live applications themselves: remember what they are.
  const known = new Map<object, SpecEntry | undefined>();
  for (const app of context.live("application")) {
    liveNames.add(lower(app.name));
    const planned = plannedFor(app);
    known.set(app, planned);
    if (!planned) continue;
    const list = liveByPlan.get(planned.id);
    if (list) list.push(app);
    else liveByPlan.set(planned.id, [app]);
  }
  const planned: ApplicationIndex["planned"] = [];
  const environments = new Map<string, Set<string>>();
  for (const entry of context.spec("application")) {
    const titles = context.titles(entry.data.environments);
    environments.set(entry.id, new Set(titles.map(lower)));
    if (titles.length) for (const environment of titles) planned.push({ entry, environment });
    else planned.push({ entry, environment: null });
  }
  const none: ReadonlySet<string> = new Set();
  const index: ApplicationIndex = {
    plannedFor: (app) => (known.has(app) ? known.get(app) : plannedFor(app)),
    liveFor: (entry, environment) => {
      const all = liveByPlan.get(entry.id) ?? [];
      if (environment === null) return all;
      const wanted = lower(environment);
      return all.filter((app) => lower(app.environment) === wanted);
    },
    planned,
    environmentsOf: (entry) => environments.get(entry.id) ?? none,
    liveNames,
  };
  cache.set(context.input, index);
  return index;
}
