import { apiRoute, readJson } from "@/app/api/v1/handler";
import { backupBodyLimit, restoreWorkspace } from "@/lib/services/documents/backup";
import { jsonBodyLimit } from "@/lib/services/request-body";
import { createWorkspace, listWorkspaces } from "@/lib/services/workspaces";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx) => Response.json({ items: await listWorkspaces(ctx) }));

/** Creates a workspace: `{ name, slug? }`, or restores one from a JSON backup: `{ backup, name?, slug? }`. */
export const POST = apiRoute(async (ctx, request) => {
  // A backup can be larger than other JSON bodies: the restore has its own limit.
  const body = await readJson(request, backupBodyLimit(jsonBodyLimit().maxBytes));
  const restore = typeof body === "object" && body !== null && "backup" in body;
  return Response.json(await (restore ? restoreWorkspace(ctx, body) : createWorkspace(ctx, body)), { status: 201 });
});
