import { listDecisionRows } from "@/lib/db/decision-repository";
import { formatDecisionTable, formatMadr, type ExportableDecision } from "@/lib/domain/decisions/export";
import type { ServiceContext } from "@/lib/services/context";
import { getDecision } from "@/lib/services/decisions/read";
import type { DecisionDetail } from "@/lib/services/decisions/shared";
import { authorizeWorkspace } from "@/lib/services/guard";

function toExportable(detail: DecisionDetail): ExportableDecision {
  const last = detail.retiredAt ?? detail.decidedAt ?? detail.proposedAt ?? detail.createdAt;
  return {
    ...detail,
    date: last.toISOString().slice(0, 10),
    links: detail.links.map((l) => ({
      kind: l.kind,
      direction: l.direction,
      sequence: l.other.sequence,
      title: l.other.title,
    })),
    governs: detail.governs.map((g) => ({ label: g.label, title: g.title })),
    approvedBy: detail.reviews.filter((r) => r.verdict === "approved" && !r.staleAt).map((r) => r.reviewerName),
  };
}

/** One decision as a MADR Markdown file. */
export async function exportDecisionMadr(
  ctx: ServiceContext,
  slug: string,
  ref: string,
): Promise<{ filename: string; markdown: string }> {
  const detail = await getDecision(ctx, slug, ref);
  const name = detail.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return {
    filename: `${detail.number.toLowerCase()}-${name || "decision"}.md`,
    markdown: formatMadr(toExportable(detail)),
  };
}

/** Every decision of a workspace as the template's `Id | Decision | Rationale | Implication` table. */
export async function exportDecisionTable(ctx: ServiceContext, slug: string): Promise<string> {
  return formatDecisionTable(await listExportableDecisions(ctx, slug));
}

/** Every decision of a workspace with what its export shows (links, governed records, approvals). */
export async function listExportableDecisions(ctx: ServiceContext, slug: string): Promise<ExportableDecision[]> {
  const workspace = await authorizeWorkspace(ctx, slug);
  const rows = await listDecisionRows(ctx.db.prisma, workspace.id);
  const details = await Promise.all(rows.map((r) => getDecision(ctx, slug, r.id)));
  return details.map(toExportable);
}
