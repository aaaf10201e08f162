import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata = { title: "Topology" };

export default function TopologyPage() {
  return (
    <>
      <PageHeader title="Topology" description="The plan and the live estate in one picture." />
      <EmptyState title="Nothing to draw yet">
        <p>
          Diagrams generated from the specification will appear here: the platform view (regions, VPCs, load balancers,
          applications, VPN tunnels and backend systems), the API-led view by layer, and the DR view, with the live
          estate and findings drawn over the plan.
        </p>
      </EmptyState>
    </>
  );
}
