import type { ReactNode } from "react";

export type PageHeaderProps = { title: string; description?: ReactNode };

/** The heading of a page: one h1, and a sentence on what the page is for. */
export function PageHeader({ title, description }: PageHeaderProps) {
  return (
    <header className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
    </header>
  );
}
