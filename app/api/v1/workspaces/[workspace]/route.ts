import { apiRoute, readJson } from "@/app/api/v1/handler";
import { getWorkspace, updateWorkspace } from "@/lib/services/workspaces";

export const dynamic = "force-dynamic";

type Params = { workspace: string };

export const GET = apiRoute<Params>(async (ctx, _request, { workspace }) =>
  Response.json(await getWorkspace(ctx, workspace)),
);

/** Renames a workspace or sets the approvals decisions need: `{ name?, requiredApprovals?, version }`. */
export const PATCH = apiRoute<Params>(async (ctx, request, { workspace }) =>
  Response.json(await updateWorkspace(ctx, workspace, await readJson(request))),
);
