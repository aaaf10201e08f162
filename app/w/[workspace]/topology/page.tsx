import { notFoundOn404 } from "@/app/_lib/not-found-on-404";
import { requirePageContext } from "@/app/_lib/page-context";
import { PageHeader } from "@/components/page-header";
import { TopologyDiagram } from "@/components/topology/topology-diagram";
import { topologyViewSchema } from "@/lib/domain/topology/types";
import { getWorkspace } from "@/lib/services/workspaces";

export const metadata = { title: "Topology" };

export default async function TopologyPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<{ view?: string | string[] }>;
}) {
  const { workspace } = await params;
  const { view } = await searchParams;
  const ctx = await requirePageContext();
  const record = await notFoundOn404(getWorkspace(ctx, workspace));
  const parsed = topologyViewSchema.safeParse(view);
  return (
    <>
      <PageHeader
        title="Topology"
        description="The plan and the live estate in one picture, generated from the specification and the latest sync."
      />
      <TopologyDiagram
        key={parsed.success ? parsed.data : "platform"}
        workspace={workspace}
        workspaceName={record.name}
        view={parsed.success ? parsed.data : "platform"}
      />
    </>
  );
}
