import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata = { title: "Dashboard" };

export default function DashboardPage() {
  return (
    <>
      <PageHeader title="Dashboard" description="Is each environment ready for go-live?" />
      <EmptyState title="No evaluation yet">
        <p>
          Readiness per environment will appear here: open findings by severity and category, gaps left in the
          specification, drift between the plan and the live estate, waivers about to expire, and the trend over past
          evaluations.
        </p>
        <p>It fills in once the specification is written and the first evaluation has run.</p>
      </EmptyState>
    </>
  );
}
