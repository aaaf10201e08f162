import { apiRoute } from "@/app/api/v1/handler";
import { applyImport, listDocumentImports } from "@/lib/services/documents/import";
import { readDocumentUpload } from "@/lib/services/upload";

export const dynamic = "force-dynamic";

/** Past imports of the workspace, newest first. */
export const GET = apiRoute<{ workspace: string }>(async (ctx, _request, { workspace }) =>
  Response.json({ items: await listDocumentImports(ctx, workspace) }),
);

/** Applies a specification document (Markdown, chapter files, or a zip of them) in one transaction. */
export const POST = apiRoute<{ workspace: string }>(async (ctx, request, { workspace }) => {
  const { files, options } = await readDocumentUpload(request);
  return Response.json(await applyImport(ctx, workspace, files, options), { status: 201 });
});
