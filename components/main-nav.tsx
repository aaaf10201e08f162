"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { navItems, workspaceHref } from "@/components/nav-items";

export type MainNavProps = { workspaceSlug: string };

/** The section navigation of a workspace; marks the current section for assistive technology. */
export function MainNav({ workspaceSlug }: MainNavProps) {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections" className="no-print">
      <ul className="flex flex-col gap-1">
        {navItems.map((item) => {
          const href = workspaceHref(workspaceSlug, item.segment);
          const current = item.segment === "" ? pathname === href : pathname.startsWith(href);
          return (
            <li key={item.label}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={
                  "block rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 " +
                  (current ? "bg-brand-100 text-brand-900" : "text-slate-700 hover:bg-slate-200")
                }
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
