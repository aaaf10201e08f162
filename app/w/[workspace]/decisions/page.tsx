import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata = { title: "Decisions" };

export default function DecisionsPage() {
  return (
    <>
      <PageHeader title="Decisions" description="Architecture decision records and their lifecycle." />
      <EmptyState title="No decision recorded yet">
        <p>
          Decision records (D01, D02 …) will be listed here with their status, owner and reviews: drafts, proposals
          awaiting review, accepted decisions, and the ones superseded or deprecated, each with its full history and the
          parts of the specification it governs.
        </p>
      </EmptyState>
    </>
  );
}
