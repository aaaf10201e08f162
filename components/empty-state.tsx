import type { ReactNode } from "react";

export type EmptyStateProps = {
  title: string;
  children?: ReactNode;
  /** 3 inside a titled card (a table with nothing to show); 2, the default, for a page's or section's own state. */
  level?: 2 | 3;
};

/** Explains what will appear in an empty place and what makes it appear. */
export function EmptyState({ title, children, level = 2 }: EmptyStateProps) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section
      aria-label={title}
      className={`rounded-lg border border-dashed border-slate-300 bg-white text-slate-700 ${level === 2 ? "p-8" : "p-6"}`}
    >
      <Heading
        className={`font-semibold text-slate-900 ${level === 2 ? "text-lg" : "text-base"} ${children ? "mb-2" : ""}`}
      >
        {title}
      </Heading>
      {children ? <div className="max-w-prose space-y-2 text-sm leading-6">{children}</div> : null}
    </section>
  );
}
