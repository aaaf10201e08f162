import { apiRoute, readJson } from "@/app/api/v1/handler";
import { createSpecRecord, listSpec } from "@/lib/services/spec";

export const dynamic = "force-dynamic";

type Params = { workspace: string; kind: string };

/** The records of one section, e.g. /spec/vpc. */
export const GET = apiRoute<Params>(async (ctx, _request, { workspace, kind }) =>
  Response.json({ items: await listSpec(ctx, workspace, kind) }),
);

/** Creates a record: the body is the record's data. */
export const POST = apiRoute<Params>(async (ctx, request, { workspace, kind }) =>
  Response.json(await createSpecRecord(ctx, workspace, kind, await readJson(request)), { status: 201 }),
);
