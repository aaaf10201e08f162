import { listEvaluationRunRows, listFindingRows } from "@/lib/db/governance-repository";
import { renderPlatformSvg } from "@/lib/domain/document/platform-svg";
import { renderSpecHtml, type AnnexFinding } from "@/lib/domain/document/print-html";
import { categorySchema } from "@/lib/domain/governance/types";
import type { Readiness } from "@/lib/domain/governance/readiness";
import { markdownToDocx } from "@/lib/services/documents/export-docx";
import { renderPdf } from "@/lib/services/pdf";
import { listSpecRecords } from "@/lib/db/spec-repository";
import { formatSpecDocument } from "@/lib/domain/document/write-spec";
import type { SpecKind } from "@/lib/domain/spec/kinds";
import type { ServiceContext } from "@/lib/services/context";
import { listExportableDecisions } from "@/lib/services/decisions/export";
import { authorizeWorkspace } from "@/lib/services/guard";
import type { FindingRecord } from "@/lib/domain/governance/records";

/** A file name made of the workspace's slug, what it is and the date: "northwind-specification-2026-11-21.md". */
export const exportFilename = (slug: string, what: string, extension: string, now = new Date()) =>
  `${slug}-${what}-${now.toISOString().slice(0, 10)}.${extension}`;

/**
 * The specification as the template's Markdown document: every table from the records, the
 * decisions table, and the open gaps at the end. Importing it into an empty workspace gives the
 * same specification.
 */
export async function exportSpecMarkdown(ctx: ServiceContext, slug: string, now = new Date()) {
  const { workspace, markdown } = await specDocument(ctx, slug, now);
  return { workspace, filename: exportFilename(workspace.slug, "specification", "md", now), markdown };
}

/**
 * The specification as a Word document: the Markdown export's text, chapter for chapter and table
 * for table, for reviewers who sign in Word. Refused exactly as the Markdown export is.
 */
export async function exportSpecDocx(ctx: ServiceContext, slug: string, now = new Date()) {
  const { workspace, markdown } = await exportSpecMarkdown(ctx, slug, now);
  const docx = await markdownToDocx(markdown, {
    title: `${workspace.name}: Integration Architecture Specification`,
    subject: "Integration Architecture Specification",
    creator: "Anypoint Governance Portal",
  });
  return { filename: exportFilename(workspace.slug, "specification", "docx", now), docx };
}

async function specDocument(ctx: ServiceContext, slug: string, now: Date) {
  const workspace = await authorizeWorkspace(ctx, slug);
  const [records, decisions, gaps] = await Promise.all([
    listSpecRecords(ctx.db.prisma, workspace.id),
    listExportableDecisions(ctx, slug),
    listFindingRows(ctx.db.prisma, workspace.id, { category: ["gap"], status: ["open"], offset: 0, limit: 1000 }),
  ]);
  const markdown = formatSpecDocument({
    workspaceName: workspace.name,
    records: records.map((r) => ({ ...r, kind: r.kind as SpecKind })),
    decisions,
    openGaps: gaps.items.map((f) => ({ ruleId: f.ruleId, message: f.message })),
    generatedAt: now,
  });
  return { workspace, markdown, records: records.map((r) => ({ ...r, kind: r.kind as SpecKind })) };
}

const annexFinding = (f: FindingRecord): AnnexFinding => ({
  ruleId: f.ruleId,
  severity: f.severity,
  category: f.category,
  resourceKind: f.resourceKind,
  resourceName: f.resourceName,
  environment: f.environment,
  message: f.message,
});

/**
 * The print-ready HTML of the whole specification: title page, contents, readiness summary, the
 * template's chapters with the platform diagram, and the annex "Specification vs live estate".
 */
export async function exportSpecHtml(ctx: ServiceContext, slug: string, now = new Date()) {
  const { workspace, markdown, records } = await specDocument(ctx, slug, now);
  const others = categorySchema.options.filter((c) => c !== "drift" && c !== "gap");
  const [runs, drift, open, state, totalOpen] = await Promise.all([
    listEvaluationRunRows(ctx.db.prisma, workspace.id, 1),
    listFindingRows(ctx.db.prisma, workspace.id, { category: ["drift"], status: ["open"], offset: 0, limit: 300 }),
    listFindingRows(ctx.db.prisma, workspace.id, { category: others, status: ["open"], offset: 0, limit: 300 }),
    ctx.db.prisma.workspace.findUniqueOrThrow({
      where: { id: workspace.id },
      select: { liveSyncRunId: true },
    }),
    ctx.db.prisma.finding.count({ where: { workspaceId: workspace.id, status: "open" } }),
  ]);
  const lastSync = state.liveSyncRunId
    ? await ctx.db.prisma.syncRun.findUnique({ where: { id: state.liveSyncRunId }, select: { finishedAt: true } })
    : null;
  const html = renderSpecHtml({
    workspaceName: workspace.name,
    markdown,
    svg: renderPlatformSvg(records),
    readiness: (runs[0]?.readiness ?? []) as Readiness[],
    annex: {
      drift: drift.items.map(annexFinding),
      open: open.items.map(annexFinding),
      totalOpen,
      lastSyncAt: lastSync?.finishedAt ?? null,
    },
    generatedAt: now,
  });
  return { workspace, filename: exportFilename(workspace.slug, "specification", "html", now), html };
}

/** The printed specification as a PDF, rendered by headless Chromium from the HTML export. */
export async function exportSpecPdf(ctx: ServiceContext, slug: string, now = new Date()) {
  const { workspace, html } = await exportSpecHtml(ctx, slug, now);
  const pdf = await renderPdf(html, `${workspace.name}: Integration Architecture Specification`);
  return { filename: exportFilename(workspace.slug, "specification", "pdf", now), pdf };
}
