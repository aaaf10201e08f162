import { apiRoute } from "@/app/api/v1/handler";
import { exportSpecHtml, exportSpecMarkdown, exportSpecPdf, exportWorkspaceBackup } from "@/lib/services/documents";
import { ServiceError } from "@/lib/services/errors";

export const dynamic = "force-dynamic";

const formats = ["md", "html", "pdf", "json"] as const;

// The printed document runs no script and loads nothing: say so to the browser.
const documentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
// What every other API answer carries (next.config.ts leaves this route to set its own).
const strictPolicy = "default-src 'none'; frame-ancestors 'none'";

/**
 * The specification as a document: `?format=md` (the template's Markdown), `html` (print view),
 * `pdf` (printed by Chromium), or `json` (a backup of the workspace).
 */
export const GET = apiRoute<{ workspace: string }>(async (ctx, request, { workspace }) => {
  const format = new URL(request.url).searchParams.get("format") ?? "md";
  if (!(formats as readonly string[]).includes(format))
    throw new ServiceError(400, "invalid_input", `format must be one of ${formats.join(", ")}`, {
      fields: [{ field: "format", message: `must be one of ${formats.join(", ")}` }],
    });
  if (format === "html") {
    const { filename, html } = await exportSpecHtml(ctx, workspace);
    return new Response(html, {
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Disposition": `inline; filename="${filename}"`,
        "Content-Security-Policy": documentPolicy,
      },
    });
  }
  if (format === "pdf") {
    const { filename, pdf } = await exportSpecPdf(ctx, workspace);
    return new Response(pdf as BodyInit, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Content-Security-Policy": strictPolicy,
      },
    });
  }
  if (format === "json") {
    const { filename, backup } = await exportWorkspaceBackup(ctx, workspace);
    return new Response(JSON.stringify(backup, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Content-Security-Policy": strictPolicy,
      },
    });
  }
  const { filename, markdown } = await exportSpecMarkdown(ctx, workspace);
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Security-Policy": strictPolicy,
    },
  });
});
