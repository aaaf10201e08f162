import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata = { title: "Findings" };

export default function FindingsPage() {
  return (
    <>
      <PageHeader title="Findings" description="Where the plan is unfinished or the estate breaks it." />
      <EmptyState title="No findings yet">
        <p>
          Findings from every evaluation will be listed here: gaps in the specification, naming-convention violations,
          drift between plan and live estate, and HA/DR, network and security problems, each with its rule, severity,
          remediation and waiver status.
        </p>
      </EmptyState>
    </>
  );
}
