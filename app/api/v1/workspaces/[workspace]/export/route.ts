import { apiRoute, negotiateFormat, printPolicy, respondWithDocument, strictPolicy } from "@/app/api/v1/handler";
import type { ServiceContext } from "@/lib/services/context";
import { exportWorkspaceBackup } from "@/lib/services/documents/backup";
import { exportSpecDocx, exportSpecHtml, exportSpecMarkdown, exportSpecPdf } from "@/lib/services/documents/export";

export const dynamic = "force-dynamic";

const exporters = {
  md: async (ctx: ServiceContext, slug: string) => {
    const { filename, markdown } = await exportSpecMarkdown(ctx, slug);
    return respondWithDocument(markdown, { type: "md", filename, policy: strictPolicy });
  },
  html: async (ctx: ServiceContext, slug: string) => {
    const { filename, html } = await exportSpecHtml(ctx, slug);
    return respondWithDocument(html, { type: "html", filename, disposition: "inline", policy: printPolicy });
  },
  pdf: async (ctx: ServiceContext, slug: string) => {
    const { filename, pdf } = await exportSpecPdf(ctx, slug);
    return respondWithDocument(pdf as BodyInit, { type: "pdf", filename, policy: strictPolicy });
  },
  docx: async (ctx: ServiceContext, slug: string) => {
    const { filename, docx } = await exportSpecDocx(ctx, slug);
    return respondWithDocument(docx as BodyInit, { type: "docx", filename, policy: strictPolicy });
  },
  json: async (ctx: ServiceContext, slug: string) => {
    const { filename, backup } = await exportWorkspaceBackup(ctx, slug);
    return respondWithDocument(JSON.stringify(backup, null, 2), { type: "json", filename, policy: strictPolicy });
  },
};

/**
 * The specification as a document: `?format=md` (the template's Markdown), `html` (print view),
 * `pdf` (printed by Chromium), `docx` (Word), or `json` (a backup of the workspace).
 */
export const GET = apiRoute<{ workspace: string }>(async (ctx, request, { workspace }) =>
  exporters[negotiateFormat(request, ["md", "html", "pdf", "docx", "json"], "md")](ctx, workspace),
);
