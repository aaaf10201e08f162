import type { DecisionStatus } from "@/lib/domain/decisions/lifecycle";

export type DecisionStatusBadgeProps = { status: DecisionStatus; supersededBy?: string[] };

const styles: Record<DecisionStatus, string> = {
  draft: "bg-slate-100 text-slate-800 border-slate-300",
  proposed: "bg-amber-50 text-amber-900 border-amber-300",
  accepted: "bg-green-50 text-green-900 border-green-300",
  rejected: "bg-red-50 text-red-900 border-red-300",
  deprecated: "bg-slate-100 text-slate-700 border-slate-300 line-through",
  superseded: "bg-violet-50 text-violet-900 border-violet-300",
};

/** A decision's status; a superseded one says by which decision. */
export function DecisionStatusBadge({ status, supersededBy = [] }: DecisionStatusBadgeProps) {
  const label = status === "superseded" && supersededBy.length ? `superseded by ${supersededBy.join(", ")}` : status;
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${styles[status]}`}
    >
      {label}
    </span>
  );
}
