import { AuditLog } from "@/components/audit-log";
import { PageHeader } from "@/components/page-header";

export const metadata = { title: "Audit" };

export default async function AuditPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  return (
    <>
      <PageHeader
        title="Audit"
        description="Every change to this workspace: who, when, through which door, and what."
      />
      <AuditLog workspace={workspace} />
    </>
  );
}
