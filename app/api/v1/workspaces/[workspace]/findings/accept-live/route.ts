import { apiRoute, readJson } from "@/app/api/v1/handler";
import { acceptLiveAsPlan } from "@/lib/services/governance/accept-live";

export const dynamic = "force-dynamic";

type Params = { workspace: string };

/** Makes the plan match Anypoint for drift findings of values: `{ fingerprints: [...] }` (architects). */
export const POST = apiRoute<Params>(async (ctx, request, { workspace }) =>
  Response.json(await acceptLiveAsPlan(ctx, workspace, await readJson(request))),
);
