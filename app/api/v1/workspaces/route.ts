import { apiRoute, readJson } from "@/app/api/v1/handler";
import { createWorkspace, listWorkspaces } from "@/lib/services/workspaces";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx) => Response.json({ items: await listWorkspaces(ctx) }));

/** Creates a workspace: `{ name, slug? }`. */
export const POST = apiRoute(async (ctx, request) =>
  Response.json(await createWorkspace(ctx, await readJson(request)), { status: 201 }),
);
