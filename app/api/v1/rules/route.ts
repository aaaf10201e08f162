import { apiRoute } from "@/app/api/v1/handler";
import { listRules } from "@/lib/services/governance/evaluation";
import { requirePermission } from "@/lib/services/guard";

export const dynamic = "force-dynamic";

/** The governance rules: id, title, category, default severity, what they read, rationale, remediation. */
export const GET = apiRoute(async (ctx) => {
  requirePermission(ctx.actor, "workspace:read");
  return Response.json({ items: listRules() });
});
