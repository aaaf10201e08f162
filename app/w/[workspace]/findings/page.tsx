import { notFoundOn404 } from "@/app/_lib/not-found-on-404";
import { requirePageContext } from "@/app/_lib/page-context";
import { EmptyState } from "@/components/empty-state";
import { FindingsExplorer } from "@/components/findings-explorer";
import { PageHeader } from "@/components/page-header";
import { RunEvaluationButton } from "@/components/run-evaluation-button";
import { can } from "@/lib/domain/access";
import { getLatestEvaluation, listRules } from "@/lib/services/governance";

export const metadata = { title: "Findings" };

export default async function FindingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const { workspace } = await params;
  const { q } = await searchParams;
  const ctx = await requirePageContext();
  const overview = await notFoundOn404(getLatestEvaluation(ctx, workspace));
  const readiness = overview.readiness;
  return (
    <>
      <PageHeader title="Findings" description="Where the plan is unfinished or the estate breaks it, rule by rule." />
      {overview.latest ? (
        <FindingsExplorer
          workspace={workspace}
          rules={listRules().map((r) => ({ id: r.id, title: r.title, category: r.category }))}
          environments={readiness.filter((r) => r.scope === "environment").map((r) => r.name)}
          businessGroups={readiness.filter((r) => r.scope === "business-group").map((r) => r.name)}
          canEvaluate={can(ctx.actor, "evaluation:run")}
          canRequestWaiver={can(ctx.actor, "waiver:request")}
          canGrantWaiver={can(ctx.actor, "waiver:grant")}
          actorId={ctx.actor.id}
          initialQuery={typeof q === "string" ? q.slice(0, 200) : undefined}
        />
      ) : (
        <EmptyState title="No findings yet">
          <p>
            The rules run after every change of the specification, every sync and every waiver decision. Findings will
            be listed here: gaps in the specification, naming-convention violations, drift between plan and live estate,
            and HA/DR, network, security, capacity and lifecycle problems, each with its rule, severity, remediation and
            waiver status.
          </p>
          {can(ctx.actor, "evaluation:run") ? <RunEvaluationButton workspace={workspace} /> : null}
        </EmptyState>
      )}
    </>
  );
}
