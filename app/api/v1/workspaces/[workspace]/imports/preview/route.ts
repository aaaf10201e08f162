import { apiRoute } from "@/app/api/v1/handler";
import { previewImport } from "@/lib/services/documents/import";
import { readDocumentUpload } from "@/lib/services/upload";

export const dynamic = "force-dynamic";

/** What importing a document would create, update and leave, with its gaps and problems; writes nothing. */
export const POST = apiRoute<{ workspace: string }>(async (ctx, request, { workspace }) => {
  const { files, options } = await readDocumentUpload(request);
  return Response.json(await previewImport(ctx, workspace, files, options));
});
