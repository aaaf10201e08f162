import { apiRoute } from "@/app/api/v1/handler";
import { testConnection } from "@/lib/services/live/connection-check";

export const dynamic = "force-dynamic";

/** Tries the stored connection and reports what the connected app can see. */
export const POST = apiRoute<{ workspace: string }>(async (ctx, _request, { workspace }) =>
  Response.json(await testConnection(ctx, workspace)),
);
