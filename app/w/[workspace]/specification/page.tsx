import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata = { title: "Specification" };

export default function SpecificationPage() {
  return (
    <>
      <PageHeader title="Specification" description="The architecture of the Anypoint organisation, as planned." />
      <EmptyState title="The specification is empty">
        <p>
          Business groups, environments, VPCs and firewall rules, VPNs, dedicated load balancers with their TLS
          endpoints and mapping rules, planned applications, systems, teams and permissions, HA/DR tiers and naming
          conventions will be listed and edited here.
        </p>
        <p>Start by importing the architecture document you already have, or by adding the business groups.</p>
      </EmptyState>
    </>
  );
}
