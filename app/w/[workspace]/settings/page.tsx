import { notFoundOn404 } from "@/app/_lib/not-found-on-404";
import { requirePageContext } from "@/app/_lib/page-context";
import { AnypointConnectionPanel } from "@/components/anypoint-connection-panel";
import { ApiTokensPanel } from "@/components/api-tokens-panel";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { RoleMappingEditor } from "@/components/role-mapping-editor";
import { WorkspacesPanel } from "@/components/workspaces-panel";
import { can } from "@/lib/domain/access";
import { getConnection } from "@/lib/services/live/connection";
import { getRoleMapping } from "@/lib/services/role-mapping";
import { listApiTokens } from "@/lib/services/tokens";
import { getWorkspace } from "@/lib/services/workspaces";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const ctx = await requirePageContext();
  if (!can(ctx.actor, "settings:manage")) {
    return (
      <>
        <PageHeader title="Settings" description="The workspace, its Anypoint connection and who may do what." />
        <EmptyState title="Settings are managed by administrators">
          <p>
            You are signed in as a {ctx.actor.role.replace("_", " ")}. Administrators manage the Anypoint connection,
            the mapping from Okta groups to roles, and API tokens for CI pipelines.
          </p>
        </EmptyState>
      </>
    );
  }
  const [mapping, tokens, workspace, connection] = await Promise.all([
    getRoleMapping(ctx),
    listApiTokens(ctx),
    notFoundOn404(getWorkspace(ctx, slug)),
    notFoundOn404(getConnection(ctx, slug)),
  ]);
  return (
    <>
      <PageHeader title="Settings" description="The workspace, its Anypoint connection and who may do what." />
      <div className="space-y-6">
        <WorkspacesPanel
          current={{
            id: workspace.id,
            slug: workspace.slug,
            name: workspace.name,
            version: workspace.version,
            requiredApprovals: workspace.requiredApprovals,
          }}
        />
        <AnypointConnectionPanel
          workspace={slug}
          initial={connection ? JSON.parse(JSON.stringify(connection)) : null}
        />
        <RoleMappingEditor initial={mapping} />
        <ApiTokensPanel initial={JSON.parse(JSON.stringify(tokens))} />
      </div>
    </>
  );
}
