"use client";

import { usePathname, useRouter } from "next/navigation";
import { useId } from "react";
import { WORKSPACE_COOKIE } from "@/components/nav-items";

export type WorkspaceSwitcherProps = {
  workspaces: { slug: string; name: string }[];
  currentSlug: string;
};

/** Switches workspace and stays on the same section; remembers the choice for the next visit. */
export function WorkspaceSwitcher({ workspaces, currentSlug }: WorkspaceSwitcherProps) {
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();

  function switchTo(slug: string) {
    document.cookie = `${WORKSPACE_COOKIE}=${encodeURIComponent(slug)}; path=/; max-age=31536000; samesite=lax`;
    const prefix = `/w/${encodeURIComponent(currentSlug)}`;
    const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : "";
    router.push(`/w/${encodeURIComponent(slug)}${rest}`);
  }

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-slate-200">
        Workspace
      </label>
      <select
        id={id}
        value={currentSlug}
        onChange={(event) => switchTo(event.target.value)}
        className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900"
      >
        {workspaces.map((workspace) => (
          <option key={workspace.slug} value={workspace.slug}>
            {workspace.name}
          </option>
        ))}
      </select>
    </div>
  );
}
