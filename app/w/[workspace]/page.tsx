import { notFoundOn404 } from "@/app/_lib/not-found-on-404";
import { requirePageContext } from "@/app/_lib/page-context";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { RunEvaluationButton } from "@/components/run-evaluation-button";
import { ReadinessDashboard } from "@/components/readiness-dashboard";
import { can } from "@/lib/domain/access";
import { overviewReadiness } from "@/lib/domain/governance/readiness";
import { getGovernanceOverview } from "@/lib/services/governance/findings";

export const metadata = { title: "Dashboard" };

/** Cards per scope before the dashboard shows only those needing most attention (two rows). */
const readinessLimit = 8;

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<{ all?: string | string[] }>;
}) {
  const { workspace } = await params;
  const { all } = await searchParams;
  const limitOf = (scope: string) => (all === scope ? Number.POSITIVE_INFINITY : readinessLimit);
  const ctx = await requirePageContext();
  const overview = await notFoundOn404(getGovernanceOverview(ctx, workspace));
  return (
    <>
      <PageHeader title="Dashboard" description="Is each environment ready for go-live?" />
      {overview.latest ? (
        <ReadinessDashboard
          workspace={workspace}
          readiness={{
            environment: overviewReadiness(overview.readiness, "environment", limitOf("environments")),
            "business-group": overviewReadiness(overview.readiness, "business-group", limitOf("business-groups")),
          }}
          readinessLimit={readinessLimit}
          trend={JSON.parse(JSON.stringify(overview.trend))}
          topBlockers={overview.topBlockers}
          canEditSpec={can(ctx.actor, "spec:edit")}
          gaps={overview.gaps}
          expiringWaivers={JSON.parse(JSON.stringify(overview.expiringWaivers))}
          requestedWaivers={overview.requestedWaivers.length}
          decisionsAwaitingReview={JSON.parse(JSON.stringify(overview.decisionsAwaitingReview))}
          lastSyncAt={overview.lastSyncAt?.toISOString() ?? null}
          liveData={JSON.parse(JSON.stringify(overview.liveData))}
          lastEvaluationAt={overview.latest.finishedAt?.toISOString() ?? null}
          now={new Date().toISOString()}
        />
      ) : (
        <EmptyState title="No evaluation yet">
          <p>
            Readiness per environment will appear here: open findings by severity and category, gaps left in the
            specification, drift between the plan and the live estate, waivers about to expire, and the trend over past
            evaluations.
          </p>
          <p>It fills in once the specification is written and the first evaluation has run.</p>
          {can(ctx.actor, "evaluation:run") ? <RunEvaluationButton workspace={workspace} /> : null}
        </EmptyState>
      )}
    </>
  );
}
