import type { RuleContext, SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";

const lower = (value: string | null | undefined) => (value ?? "").toLowerCase();

/** Plan and estate of applications matched once per evaluation: by name, or by name with the environment as suffix. */
export type ApplicationIndex = {
  /** The planned application a live one is. */
  plannedFor: (app: Pick<LiveResource, "name" | "environment">) => SpecEntry | undefined;
  /** The live applications of a planned one, in one environment or (null) in any. */
  liveFor: (planned: SpecEntry, environment: string | null) => LiveResource[];
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
  for (const app of context.live("application")) {
    const planned = plannedFor(app);
    if (!planned) continue;
    const list = liveByPlan.get(planned.id);
    if (list) list.push(app);
    else liveByPlan.set(planned.id, [app]);
  }
  const index: ApplicationIndex = {
    plannedFor,
    liveFor: (planned, environment) =>
      (liveByPlan.get(planned.id) ?? []).filter(
        (app) => environment === null || lower(app.environment) === lower(environment),
      ),
  };
  cache.set(context.input, index);
  return index;
}
