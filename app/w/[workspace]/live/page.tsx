import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata = { title: "Live estate" };

export default function LiveEstatePage() {
  return (
    <>
      <PageHeader title="Live estate" description="What is deployed in the Anypoint organisation now." />
      <EmptyState title="Not synchronised yet">
        <p>
          Business groups, environments, VPCs, VPNs, load balancers, applications and API instances read from the
          Anypoint Platform will appear here after the first sync, with the time and counts of each sync.
        </p>
        <p>An administrator connects the workspace to Anypoint in Settings.</p>
      </EmptyState>
    </>
  );
}
