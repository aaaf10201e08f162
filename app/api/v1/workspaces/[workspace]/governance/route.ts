import { apiRoute } from "@/app/api/v1/handler";
import { getGovernanceOverview } from "@/lib/services/governance/findings";

export const dynamic = "force-dynamic";

/** Readiness per environment and business group, trend, top blockers, expiring waivers, pending decisions. */
export const GET = apiRoute<{ workspace: string }>(async (ctx, _request, { workspace }) =>
  Response.json(await getGovernanceOverview(ctx, workspace)),
);
