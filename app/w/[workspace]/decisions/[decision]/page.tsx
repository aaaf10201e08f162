import Link from "next/link";
import { notFoundOn404 } from "@/app/_lib/not-found-on-404";
import { requirePageContext } from "@/app/_lib/page-context";
import { DecisionView } from "@/components/decision-view";
import { can } from "@/lib/domain/access";
import { getDecision } from "@/lib/services/decisions/read";

type Params = { workspace: string; decision: string };

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const { decision } = await params;
  return { title: decodeURIComponent(decision).toUpperCase() };
}

export default async function DecisionPage({ params }: { params: Promise<Params> }) {
  const { workspace, decision: ref } = await params;
  const ctx = await requirePageContext();
  const decision = await notFoundOn404(getDecision(ctx, workspace, decodeURIComponent(ref)));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/w/${workspace}/decisions`} className="text-brand-700 underline">
          Decisions
        </Link>{" "}
        / {decision.number}
      </p>
      <DecisionView
        key={decision.id}
        workspace={workspace}
        initialDecision={JSON.parse(JSON.stringify(decision))}
        canEdit={can(ctx.actor, "decision:edit")}
        canReview={can(ctx.actor, "decision:review")}
        actorId={ctx.actor.id}
      />
    </>
  );
}
