import { apiRoute, readJson } from "@/app/api/v1/handler";
import { listDecisions } from "@/lib/services/decisions/read";
import { createDecision } from "@/lib/services/decisions/write";

export const dynamic = "force-dynamic";

type Params = { workspace: string };

/** Decisions in number order; `?status=` (repeatable), `?owner=` and `?q=` filter them. */
export const GET = apiRoute<Params>(async (ctx, request, { workspace }) => {
  const params = new URL(request.url).searchParams;
  const status = params.getAll("status");
  const items = await listDecisions(ctx, workspace, {
    status: status.length ? status : undefined,
    owner: params.get("owner") ?? undefined,
    q: params.get("q") ?? undefined,
  });
  return Response.json({ items });
});

/** Records a new draft decision with the next number. */
export const POST = apiRoute<Params>(async (ctx, request, { workspace }) =>
  Response.json(await createDecision(ctx, workspace, await readJson(request)), { status: 201 }),
);
