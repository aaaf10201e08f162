import Link from "next/link";
import { notFoundOn404 } from "@/app/_lib/not-found-on-404";
import { requirePageContext } from "@/app/_lib/page-context";
import { DecisionCreate } from "@/components/decision-create";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { can } from "@/lib/domain/access";
import { getWorkspace } from "@/lib/services/workspaces";

export const metadata = { title: "New decision" };

export default async function NewDecisionPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const ctx = await requirePageContext();
  await notFoundOn404(getWorkspace(ctx, workspace));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/w/${workspace}/decisions`} className="text-brand-700 underline">
          Decisions
        </Link>{" "}
        / New
      </p>
      <PageHeader
        title="New decision"
        description="It starts as a draft with the next number; propose it for review when it is ready."
      />
      {can(ctx.actor, "decision:edit") ? (
        <DecisionCreate workspace={workspace} />
      ) : (
        <EmptyState title="Only architects record decisions">
          <p>Your role ({ctx.actor.role}) can read and review decisions, not write them.</p>
        </EmptyState>
      )}
    </>
  );
}
