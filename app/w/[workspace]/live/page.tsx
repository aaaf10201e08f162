import { notFoundOn404 } from "@/app/_lib/not-found-on-404";
import { requirePageContext } from "@/app/_lib/page-context";
import { LiveEstate } from "@/components/live-estate";
import { PageHeader } from "@/components/page-header";
import { can } from "@/lib/domain/access";
import { getLiveOverview } from "@/lib/services/live/resources";

export const metadata = { title: "Live estate" };

export default async function LiveEstatePage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const ctx = await requirePageContext();
  const overview = await notFoundOn404(getLiveOverview(ctx, workspace));
  return (
    <>
      <PageHeader
        title="Live estate"
        description="What is deployed in the Anypoint organisation, read through its REST APIs (read-only)."
      />
      <LiveEstate
        workspace={workspace}
        initial={JSON.parse(JSON.stringify(overview))}
        canSync={can(ctx.actor, "sync:run")}
        canConfirm={can(ctx.actor, "connection:manage")}
        now={new Date().toISOString()}
      />
    </>
  );
}
