// What the drift rules share: how planned and live records are paired, and how a difference is
// said (with the plan's value that would match live, for "accept live as plan").
import type { RuleContext, RuleFinding, SpecEntry } from "@/lib/domain/governance/types";
import { liveKindLabels, type LiveResource } from "@/lib/domain/live/snapshot";
import { targetOptions } from "@/lib/domain/spec/kinds/applications";
import { labelInSentence } from "@/lib/domain/spec/kinds";
import { inParentheses } from "@/lib/domain/governance/rules/phrases";

/** The kinds planned and read alike, matched by name (case-insensitive). */
export const comparedKinds = [
  "business-group",
  "environment",
  "vpc",
  "vpn",
  "load-balancer",
  "team",
  "runtime-fabric",
  "mule-cluster",
  "server-group",
  "mule-server",
] as const;

/** A planned runtime version ("4.6.x", "4.6", "4.6.4") matches a live one ("4.6.4") segment by segment. */
export function versionMatches(planned: string, actual: string): boolean {
  const want = planned.trim().toLowerCase().split(".");
  const have = actual.trim().toLowerCase().split(/[.:-]/);
  return want.every((part, i) => part === "x" || part === "*" || part === have[i]);
}

export const lower = (value: string | null | undefined) => (value ?? "").toLowerCase();
export const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a.map(lower));
  const y = new Set(b.map(lower));
  return x.size === y.size && [...x].every((v) => y.has(v));
};
export const list = (values: readonly string[]) => (values.length ? values.join(", ") : "none");

export function pairs(context: RuleContext, kind: (typeof comparedKinds)[number]) {
  const live = new Map(context.live(kind).map((r) => [lower(r.name), r]));
  return context
    .spec(kind)
    .map((entry) => ({ entry, resource: live.get(lower(entry.title)) }))
    .filter((p): p is { entry: SpecEntry; resource: LiveResource } => !!p.resource);
}

/** Kinds whose names repeat across environments and regions: paired by name, environment and region. */
export const regionalKinds = ["mq-destination", "object-store"] as const;

/** Planned and live records of a regional kind, paired by name, environment and region. */
export function regionalPairs(context: RuleContext, kind: (typeof regionalKinds)[number]) {
  const key = (name: unknown, environment: unknown, region: unknown) =>
    [name, environment, region].map((v) => lower(String(v ?? ""))).join("\u0000");
  const live = new Map(context.live(kind).map((r) => [key(r.name, r.environment, r.attributes.region), r]));
  const pairs: { entry: SpecEntry; resource: LiveResource }[] = [];
  const missing: { entry: SpecEntry; environment: string | null; region: string | null }[] = [];
  for (const entry of context.spec(kind)) {
    const environment = context.titles(entry.data.environment)[0] ?? null;
    const region = typeof entry.data.region === "string" ? entry.data.region : null;
    const k = key(entry.title, environment, region);
    const resource = live.get(k);
    if (resource) {
      pairs.push({ entry, resource });
      live.delete(k);
    } else missing.push({ entry, environment, region });
  }
  return { pairs, missing, unplanned: [...live.values()] };
}

export const differs = (
  entry: SpecEntry,
  resource: LiveResource,
  field: string,
  label: string,
  planned: string,
  actual: string,
  severity?: "error" | "warning",
  remediation?: string,
): RuleFinding => ({
  resourceKind: resource.kind,
  resourceName: resource.name,
  environment: resource.environment,
  businessGroup: resource.businessGroup,
  message: `${liveKindLabels[resource.kind].one} "${resource.name}": ${label} is ${actual} in Anypoint but ${planned} in the specification`,
  remediation:
    remediation ??
    `Change ${label} of "${resource.name}"${resource.kind === "environment" ? "" : inParentheses(resource.environment)} in Anypoint to ${planned}, or record ${actual} in the specification`,
  specRecordId: entry.id,
  liveExternalId: resource.externalId,
  detail: field,
  severity,
});

/** The finding, with the plan's value that would match live (for "accept live as plan"). */
export const matching = (
  finding: RuleFinding,
  field: string,
  value: unknown,
  also?: Record<string, unknown>,
): RuleFinding => ({
  ...finding,
  planValue: { field, value, ...(also ? { also } : {}) },
});

/** A kind's name inside a sentence: "VPC", "load balancer". */
export const one = (kind: keyof typeof liveKindLabels) => labelInSentence(liveKindLabels[kind].one);

/** Live platforms by the plan's target they are (CloudHub 2.0 has two spaces). */
export const targetOfPlatform: Record<string, string> = {
  "cloudhub-1": "cloudhub-1",
  "cloudhub-2-private-space": "cloudhub-2",
  "cloudhub-2-shared-space": "cloudhub-2",
  "runtime-fabric": "runtime-fabric",
  cluster: "cluster",
  "server-group": "server-group",
  server: "server",
};

/**
 * Where a planned application runs against where its live copy runs: the kind of target, then
 * the named target (a fabric, a cluster, a private space). A platform not told apart (a hybrid
 * target of unknown type, a deployment whose space was not read) is unknown, not different.
 */
export function targetDrift(
  entry: SpecEntry,
  app: LiveResource,
): { planned: string; live: string; target: string; targetName: string } | null {
  const planned = String(entry.data.target ?? "");
  if (!planned) return null;
  const platform = String(app.attributes.platform ?? "");
  const live = targetOfPlatform[platform];
  if (!live) return null;
  const plannedName = String(entry.data.targetName ?? "").trim();
  const liveName = typeof app.attributes.target === "string" ? app.attributes.target : "";
  const label = (target: string) => targetOptions.find((o) => o.value === target)?.label ?? target;
  const named = (target: string, name: string) => (name ? `${label(target)} "${name}"` : label(target));
  // The plan names no shared space and no CloudHub 1.0 target: accepting live leaves the name empty.
  const acceptedName = platform === "cloudhub-2-shared-space" || live === "cloudhub-1" ? "" : liveName;
  const said = { target: live, targetName: acceptedName };
  if (live !== planned) return { planned: named(planned, plannedName), live: named(live, liveName), ...said };
  // A shared space has no name worth comparing; CloudHub 1.0 has none at all.
  if (!plannedName || !liveName || platform === "cloudhub-2-shared-space" || live === "cloudhub-1") return null;
  return lower(plannedName) === lower(liveName)
    ? null
    : { planned: named(planned, plannedName), live: named(live, liveName), ...said };
}
