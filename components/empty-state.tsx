import type { ReactNode } from "react";

export type EmptyStateProps = { title: string; children: ReactNode };

/** Explains what will appear in an empty place and what makes it appear. */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <section
      aria-label={title}
      className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-slate-700"
    >
      <h2 className="mb-2 text-lg font-semibold text-slate-900">{title}</h2>
      <div className="max-w-prose space-y-2 text-sm leading-6">{children}</div>
    </section>
  );
}
