import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="The workspace, its Anypoint connection and who may do what." />
      <EmptyState title="Nothing to configure yet">
        <p>
          Administrators will manage here the workspace name, the Anypoint connection (control plane, connected app,
          organisation), the mapping from Okta groups to roles, and API tokens for CI pipelines.
        </p>
      </EmptyState>
    </>
  );
}
