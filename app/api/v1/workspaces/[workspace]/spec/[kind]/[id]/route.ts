import { apiRoute, readJson } from "@/app/api/v1/handler";
import { deleteSpecRecord, getSpecRecord, updateSpecRecord } from "@/lib/services/spec";
import { invalidInput } from "@/lib/services/validation";

export const dynamic = "force-dynamic";

type Params = { workspace: string; kind: string; id: string };

export const GET = apiRoute<Params>(async (ctx, _request, { workspace, kind, id }) =>
  Response.json(await getSpecRecord(ctx, workspace, kind, id)),
);

/** Replaces a record's data: `{ version, data }`; 409 with the current record when it is stale. */
export const PUT = apiRoute<Params>(async (ctx, request, { workspace, kind, id }) =>
  Response.json(await updateSpecRecord(ctx, workspace, kind, id, await readJson(request))),
);

/** Deletes a record; `?version=` makes it conditional like an update. */
export const DELETE = apiRoute<Params>(async (ctx, request, { workspace, kind, id }) => {
  const raw = new URL(request.url).searchParams.get("version");
  const version = raw === null ? undefined : Number(raw);
  if (version !== undefined && (!Number.isInteger(version) || version < 1)) {
    throw invalidInput([{ field: "version", message: "must be a whole number from 1" }]);
  }
  await deleteSpecRecord(ctx, workspace, kind, id, version);
  return new Response(null, { status: 204 });
});
