import { apiRoute, readJson } from "@/app/api/v1/handler";
import { decideWaiver } from "@/lib/services/governance/waivers";

export const dynamic = "force-dynamic";

/** Approves, rejects or revokes a waiver: `{ decision: approve|reject|revoke, note?, version }` (architects). */
export const POST = apiRoute<{ workspace: string; waiver: string }>(async (ctx, request, { workspace, waiver }) =>
  Response.json(await decideWaiver(ctx, workspace, waiver, await readJson(request))),
);
