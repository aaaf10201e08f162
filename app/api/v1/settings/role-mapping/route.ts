import { apiRoute, readJson } from "@/app/api/v1/handler";
import { getRoleMapping, updateRoleMapping } from "@/lib/services/role-mapping";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx) => Response.json(await getRoleMapping(ctx)));

/** Replaces the mapping; `version` must be the one read (409 otherwise). */
export const PUT = apiRoute(async (ctx, request) =>
  Response.json(await updateRoleMapping(ctx, await readJson(request))),
);
