import Link from "next/link";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/demo-banner";
import { MainNav } from "@/components/main-nav";
import { WorkspaceSwitcher } from "@/components/workspace-switcher";

export type AppShellProps = {
  mode: "demo" | "production";
  workspaces: { slug: string; name: string }[];
  currentSlug: string;
  user: { name: string; role: string };
  children: ReactNode;
};

/** The frame of every workspace page: banner, header with switcher and user, section navigation. */
export function AppShell({ mode, workspaces, currentSlug, user, children }: AppShellProps) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <DemoBanner mode={mode} />
      <header className="no-print flex flex-wrap items-center justify-between gap-4 bg-brand-900 px-4 py-3 text-white">
        <Link href="/" className="text-base font-semibold tracking-tight">
          Anypoint Governance Portal
        </Link>
        <div className="flex flex-wrap items-center gap-6">
          <WorkspaceSwitcher workspaces={workspaces} currentSlug={currentSlug} />
          <p className="text-sm" data-testid="current-user">
            <span className="font-medium">{user.name}</span>{" "}
            <span className="rounded bg-white/15 px-1.5 py-0.5 text-xs">{user.role.replace("_", " ")}</span>
          </p>
          <form method="post" action="/sign-out">
            <button
              type="submit"
              className="rounded-md border border-white/40 px-3 py-1 text-sm hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
            >
              Sign out
            </button>
          </form>
        </div>
      </header>
      <div className="flex flex-1">
        <aside className="w-52 shrink-0 border-r border-slate-200 bg-white p-3">
          <MainNav workspaceSlug={currentSlug} />
        </aside>
        <main id="main" className="min-w-0 flex-1 p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
