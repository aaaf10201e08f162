import { notFoundOn404 } from "@/app/_lib/not-found-on-404";
import { requirePageContext } from "@/app/_lib/page-context";
import { DecisionList } from "@/components/decision-list";
import { PageHeader } from "@/components/page-header";
import { can } from "@/lib/domain/access";
import { listDecisions } from "@/lib/services/decisions/read";

export const metadata = { title: "Decisions" };

export default async function DecisionsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const ctx = await requirePageContext();
  const decisions = await notFoundOn404(listDecisions(ctx, workspace));
  return (
    <>
      <PageHeader
        title="Decisions"
        description={
          <>
            Architecture decision records: drafts, proposals under review, accepted decisions and the ones superseded or
            deprecated, with their history.{" "}
            <a href={`/api/v1/workspaces/${workspace}/decisions/export`} download className="text-brand-700 underline">
              Export all as the template&apos;s table
            </a>
          </>
        }
      />
      <DecisionList
        workspace={workspace}
        initialDecisions={JSON.parse(JSON.stringify(decisions))}
        canEdit={can(ctx.actor, "decision:edit")}
      />
    </>
  );
}
