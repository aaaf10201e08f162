import { apiRoute } from "@/app/api/v1/handler";
import { exportSpecMarkdown, exportWorkspaceBackup } from "@/lib/services/documents";
import { ServiceError } from "@/lib/services/errors";

export const dynamic = "force-dynamic";

const formats = ["md", "json"] as const;

/** The specification as a document: `?format=md` (the template's Markdown) or `json` (a backup of the workspace). */
export const GET = apiRoute<{ workspace: string }>(async (ctx, request, { workspace }) => {
  const format = new URL(request.url).searchParams.get("format") ?? "md";
  if (!(formats as readonly string[]).includes(format))
    throw new ServiceError(400, "invalid_input", `format must be one of ${formats.join(", ")}`, {
      fields: [{ field: "format", message: `must be one of ${formats.join(", ")}` }],
    });
  if (format === "json") {
    const { filename, backup } = await exportWorkspaceBackup(ctx, workspace);
    return new Response(JSON.stringify(backup, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
      },
    });
  }
  const { filename, markdown } = await exportSpecMarkdown(ctx, workspace);
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
});
