import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { EmptyState } from "@/components/empty-state";
import { WORKSPACE_COOKIE } from "@/components/nav-items";
import { requirePageContext } from "@/app/_lib/page-context";
import { listWorkspaces } from "@/lib/services/workspaces";

export const dynamic = "force-dynamic";

/** Sends the visitor to the workspace they used last, else the first one. */
export default async function HomePage() {
  const workspaces = await listWorkspaces(await requirePageContext());
  const remembered = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const target = workspaces.find((w) => w.slug === remembered) ?? workspaces[0];
  if (target) redirect(`/w/${encodeURIComponent(target.slug)}`);
  return (
    <main id="main" className="mx-auto max-w-2xl p-10">
      <h1 className="mb-6 text-2xl font-semibold">Anypoint Governance Portal</h1>
      <EmptyState title="No workspace yet">
        <p>A workspace holds one Anypoint organisation&apos;s specification. An administrator creates the first one.</p>
      </EmptyState>
    </main>
  );
}
