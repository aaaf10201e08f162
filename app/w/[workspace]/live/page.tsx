import { notFoundOn404 } from "@/app/_lib/not-found-on-404";
import { requirePageContext } from "@/app/_lib/page-context";
import { LiveEstate } from "@/components/live-estate";
import { PageHeader } from "@/components/page-header";
import { can } from "@/lib/domain/access";
import { liveKindSchema } from "@/lib/domain/live/snapshot";
import { getLiveOverview } from "@/lib/services/live/resources";

export const metadata = { title: "Live estate" };

export default async function LiveEstatePage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  /** `?kind=&q=` opens the inventory on that kind, searched for a name (a finding's link). */
  searchParams: Promise<{ kind?: string | string[]; q?: string | string[] }>;
}) {
  const { workspace } = await params;
  const { kind, q } = await searchParams;
  const asked = liveKindSchema.safeParse(kind);
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
        initialInventory={
          asked.success ? { kind: asked.data, q: typeof q === "string" ? q.trim().slice(0, 200) : "" } : undefined
        }
      />
    </>
  );
}
