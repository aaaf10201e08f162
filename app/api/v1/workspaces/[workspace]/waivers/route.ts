import { apiRoute, readJson } from "@/app/api/v1/handler";
import { listWaivers, requestWaiver } from "@/lib/services/governance/waivers";

export const dynamic = "force-dynamic";

type Params = { workspace: string };

/** Waivers, soonest expiry first. */
export const GET = apiRoute<Params>(async (ctx, _request, { workspace }) =>
  Response.json({ items: await listWaivers(ctx, workspace) }),
);

/** Requests a waiver: `{ fingerprint | ruleId (+ resourceName, environment), reason, expiresAt }`. */
export const POST = apiRoute<Params>(async (ctx, request, { workspace }) =>
  Response.json(await requestWaiver(ctx, workspace, await readJson(request)), { status: 201 }),
);
