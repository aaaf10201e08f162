// What the availability, security, capacity and lifecycle rules (platform.ts) read the same way,
// apart from the rules so that their file stays under 500 lines as their remediations grow.
import type { RuleContext, RuleFinding, SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";

/** A value lower-cased for comparison ("" for none). */
export const lower = (v: unknown) => String(v ?? "").toLowerCase();

/** Planned environments marked highly available / production, by lower-cased name. */
export const environmentsWhere = (context: RuleContext, test: (e: SpecEntry) => boolean) =>
  new Set(
    context
      .spec("environment")
      .filter(test)
      .map((e) => lower(e.title)),
  );

/** The title of a planned application's DR tier ("" without one), and the number in such a title. */
export const tierOf = (context: RuleContext, app: SpecEntry) => context.byId(app.data.drTier)?.title ?? "";
export const tierNumber = (title: string) => Number(/tier\s*(\d)/i.exec(title)?.[1] ?? NaN);

/** Dotted runtime version to compare: "4.9.4:7e-java17" -> [4, 9, 4]. */
export function parseRuntime(version: unknown): number[] | null {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(String(version ?? ""));
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : null;
}
/** Negative when runtime `a` is older than `b`. */
export const older = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;

/** Policies per security category (asset ids of MuleSoft's out-of-the-box policies). */
export const requiredPolicies = {
  "level-b": ["client-id-enforcement", "spike-control", "json-threat-protection"],
  tokens: ["jwt-validation", "oauth2-access-token-enforcement", "openid-connect-access-token-enforcement"],
} as const;

/** Control planes and the AWS region that hosts them (US East for US; Frankfurt for the EU). */
export const controlPlaneRegion: Record<string, string> = { us: "us-east-1", eu: "eu-central-1" };

/** Entitlement names of the template and the live keys they mean. */
export const entitlementAliases: Record<string, string> = {
  "production vcores": "vCoresProduction",
  "sandbox vcores": "vCoresSandbox",
  "design vcores": "vCoresDesign",
  "anypoint vpcs": "vpcs",
  vpcs: "vpcs",
  "anypoint vpns": "vpns",
  vpns: "vpns",
  "dedicated load balancers": "loadBalancer",
  dlbs: "loadBalancer",
  "static ips": "staticIps",
};

/** A finding on a live application, with its environment and business group. */
export const appFinding = (app: LiveResource, message: string, extra: Partial<RuleFinding> = {}): RuleFinding => ({
  resourceKind: "application",
  resourceName: app.name,
  environment: app.environment,
  businessGroup: app.businessGroup,
  message,
  liveExternalId: app.externalId,
  ...extra,
});
