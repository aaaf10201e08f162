import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { getEnv } from "@/lib/env";
import { ServiceError } from "@/lib/services/errors";
import { getRequestContext } from "@/lib/services/request-context";
import { getWorkspace, listWorkspaces } from "@/lib/services/workspaces";

export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const { workspace: slug } = await params;
  const ctx = await getRequestContext();
  try {
    const [current, workspaces] = await Promise.all([getWorkspace(ctx, slug), listWorkspaces(ctx)]);
    return (
      <AppShell
        mode={getEnv().mode}
        workspaces={workspaces.map(({ slug, name }) => ({ slug, name }))}
        currentSlug={current.slug}
        user={{ name: ctx.actor.name, role: ctx.actor.role }}
      >
        {children}
      </AppShell>
    );
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404) notFound();
    throw error;
  }
}
