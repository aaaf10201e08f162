import { requirePageContext } from "@/app/_lib/page-context";
import { ApiTokensPanel } from "@/components/api-tokens-panel";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { RoleMappingEditor } from "@/components/role-mapping-editor";
import { can } from "@/lib/domain/access";
import { getRoleMapping } from "@/lib/services/role-mapping";
import { listApiTokens } from "@/lib/services/tokens";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
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
  const [mapping, tokens] = await Promise.all([getRoleMapping(ctx), listApiTokens(ctx)]);
  return (
    <>
      <PageHeader title="Settings" description="The workspace, its Anypoint connection and who may do what." />
      <div className="space-y-6">
        <RoleMappingEditor initial={mapping} />
        <ApiTokensPanel initial={JSON.parse(JSON.stringify(tokens))} />
      </div>
    </>
  );
}
