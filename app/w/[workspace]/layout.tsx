import type { ReactNode } from "react";
import { notFoundOn404 } from "@/app/_lib/not-found-on-404";
import { AppShell } from "@/components/app-shell";
import { getEnv } from "@/lib/env";
import { requirePageContext } from "@/app/_lib/page-context";
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
  const ctx = await requirePageContext();
  // The switcher lists every workspace; the current one is among them (one read, not two).
  const workspaces = await listWorkspaces(ctx);
  const current = workspaces.find((w) => w.slug === slug) ?? (await notFoundOn404(getWorkspace(ctx, slug)));
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
}
