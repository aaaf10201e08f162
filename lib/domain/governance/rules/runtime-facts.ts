// What the rules of runtimes.ts read the same way (environments, DR tiers and their strategies,
// regions), apart from the rules so that their file stays under 500 lines as their remediations grow.
import { applicationIndex } from "@/lib/domain/governance/rules/applications";
import type { RuleContext, RuleFinding, SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";

/** A value lower-cased for comparison ("" for none). */
export const lower = (v: unknown) => String(v ?? "").toLowerCase();
/** A finite number, or null for anything else (a count Anypoint did not answer). */
export const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Environments (lower-cased names) that are production: by the plan's classification or Anypoint's flag. */
export function productionEnvironments(context: RuleContext): Set<string> {
  const names = new Set(
    context
      .spec("environment")
      .filter((e) => e.data.classification === "production")
      .map((e) => lower(e.title)),
  );
  for (const env of context.live("environment")) if (env.attributes.isProduction === true) names.add(lower(env.name));
  return names;
}

/** Environments the plan marks highly available, and production ones (a cluster there must survive a node). */
export function availableEnvironments(context: RuleContext): Set<string> {
  const names = productionEnvironments(context);
  for (const e of context.spec("environment")) if (e.data.highAvailability === true) names.add(lower(e.title));
  return names;
}

/** The tier number of a planned application (1 = mission-critical), or NaN. */
export function tierOf(context: RuleContext, app: SpecEntry): number {
  return Number(/tier\s*(\d)/i.exec(context.byId(app.data.drTier)?.title ?? "")?.[1] ?? NaN);
}
/** The recovery strategy of a planned application's DR tier, lower case. */
export const strategyOf = (context: RuleContext, app: SpecEntry) => lower(context.byId(app.data.drTier)?.data.strategy);

/** A finding on a live resource, with its environment and business group. */
export const liveFinding = (
  resource: LiveResource,
  message: string,
  extra: Partial<RuleFinding> = {},
): RuleFinding => ({
  resourceKind: resource.kind,
  resourceName: resource.name,
  environment: resource.environment,
  businessGroup: resource.businessGroup,
  message,
  liveExternalId: resource.externalId,
  ...extra,
});

/**
 * The quickest recovery (minutes) a strategy can achieve, from the seeds: active-active serves from
 * both regions (RTO and RPO near 0, with synchronous replication); hot standby / active-passive
 * switches in about 15 minutes (data replicated asynchronously, so some loss); warm standby starts
 * its Mule runtimes after the outage (about an hour); cold standby starts the machines too (about
 * four hours); a restore from backup takes a day.
 */
export function strategyFloor(strategy: string): { rto: number; rpo: number; label: string } | null {
  const s = strategy.toLowerCase();
  if (/active[\s-]*active/.test(s)) return { rto: 0, rpo: /async/.test(s) ? 5 : 0, label: "active-active" };
  if (/hot\s*standby|active[\s-]*passive/.test(s))
    return { rto: 15, rpo: /snapshot|periodic/.test(s) ? 60 : 15, label: "active-passive" };
  if (/warm\s*standby/.test(s)) return { rto: 60, rpo: 15, label: "warm standby" };
  if (/cold\s*standby/.test(s)) return { rto: 240, rpo: 60, label: "cold standby" };
  if (/backup|restore|single region/.test(s)) return { rto: 1440, rpo: 1440, label: "backup and restore" };
  return null;
}

/**
 * Strategies from the cheapest to the quickest, as the recovery tier could name them: the first
 * that meets a tier's objectives is the one its remediation suggests.
 */
const strategiesByCost = [
  "backup and restore",
  "cold standby",
  "warm standby",
  "active-passive",
  "active-active with asynchronous replication",
  "active-active with synchronous replication",
];

/** The cheapest strategy whose floor meets an RTO and an RPO (null: not asked), or null when none does. */
export function strategyMeeting(rto: number | null, rpo: number | null): string | null {
  return (
    strategiesByCost.find((name) => {
      const floor = strategyFloor(name)!;
      return (rto === null || floor.rto <= rto) && (rpo === null || floor.rpo <= rpo);
    }) ?? null
  );
}

/**
 * The regions (lower case) a planned application's live copies run in: a CloudHub 1.0 worker's
 * region, or the region of the private space a replica runs in; unknown ones are left out.
 */
export function liveRegions(context: RuleContext, planned: SpecEntry): string[] {
  const spaces = new Map(context.live("private-space").map((p) => [lower(p.name), lower(p.attributes.region)]));
  const regions = applicationIndex(context)
    .liveFor(planned, null)
    .map(({ app, cloudhub1 }) =>
      cloudhub1 ? lower(app.attributes.region) : (spaces.get(lower(app.attributes.target)) ?? ""),
    );
  return [...new Set(regions.filter(Boolean))];
}
