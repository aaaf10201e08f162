import { notFoundOn404 } from "@/app/_lib/not-found-on-404";
import { requirePageContext } from "@/app/_lib/page-context";
import { EmptyState } from "@/components/empty-state";
import { FindingsExplorer } from "@/components/findings-explorer";
import { PageHeader } from "@/components/page-header";
import { RunEvaluationButton } from "@/components/run-evaluation-button";
import { can } from "@/lib/domain/access";
import { categorySchema, severitySchema } from "@/lib/domain/governance/types";
import { emptyFindingFilter, findingQuery, findingsPageSize, type FindingFilter } from "@/lib/queries/finding-filter";
import type { FindingsPage as FindingsPageData } from "@/lib/queries/governance";
import { listRules } from "@/lib/services/governance/evaluation";
import { getFindingsView } from "@/lib/services/governance/findings";

export const metadata = { title: "Findings" };

type SearchParams = Partial<
  Record<"q" | "severity" | "category" | "status" | "environment" | "businessGroup" | "rule", string | string[]>
>;

/**
 * The filter the page opens with, from its address (?q= from a diagram's node, ?environment= or
 * ?businessGroup= from the dashboard's cards). A value outside a fixed list is left out.
 */
function initialFilterOf(params: SearchParams, ruleIds: readonly string[]): FindingFilter {
  const one = (key: keyof SearchParams) => {
    const value = params[key];
    return typeof value === "string" ? value.trim().slice(0, 200) : "";
  };
  const pick = (value: string, options: readonly string[]) => (options.includes(value) ? value : "");
  return {
    ...emptyFindingFilter,
    q: one("q"),
    severity: pick(one("severity"), severitySchema.options),
    category: pick(one("category"), categorySchema.options),
    status: pick(one("status"), ["open", "waived", "resolved"]),
    environment: one("environment"),
    businessGroup: one("businessGroup"),
    rule: pick(one("rule"), ruleIds),
  };
}

export default async function FindingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { workspace } = await params;
  const asked = await searchParams;
  const ctx = await requirePageContext();
  const rules = listRules().map((r) => ({ id: r.id, title: r.title, category: r.category }));
  const initialFilter = initialFilterOf(
    asked,
    rules.map((r) => r.id),
  );
  // The page opens with its first page of results, read with the same query its client sends.
  const view = await notFoundOn404(getFindingsView(ctx, workspace, findingQuery(initialFilter, findingsPageSize)));
  const readiness = view.readiness;
  return (
    <>
      <PageHeader title="Findings" description="Where the plan is unfinished or the estate breaks it, rule by rule." />
      {view.latest && view.page ? (
        <FindingsExplorer
          workspace={workspace}
          rules={rules}
          environments={readiness.filter((r) => r.scope === "environment").map((r) => r.name)}
          businessGroups={readiness.filter((r) => r.scope === "business-group").map((r) => r.name)}
          canEvaluate={can(ctx.actor, "evaluation:run")}
          canRequestWaiver={can(ctx.actor, "waiver:request")}
          canGrantWaiver={can(ctx.actor, "waiver:grant")}
          canEditSpec={can(ctx.actor, "spec:edit")}
          actorId={ctx.actor.id}
          initialFilter={initialFilter}
          initialPage={JSON.parse(JSON.stringify(view.page)) as FindingsPageData}
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
