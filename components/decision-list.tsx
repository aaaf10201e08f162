"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useId, useState } from "react";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { DecisionStatusBadge } from "@/components/decision-status-badge";
import { decisionStatusSchema } from "@/lib/domain/decisions/lifecycle";
import { useDecisions, type DecisionFilter, type DecisionSummary } from "@/lib/queries/decisions";

export type DecisionListProps = {
  workspace: string;
  initialDecisions: DecisionSummary[];
  canEdit: boolean;
};

const day = (iso: string) => iso.slice(0, 10);

/** When a decision last moved: retired, else decided, else proposed, else created. */
const lastMove = (d: DecisionSummary) => d.retiredAt ?? d.decidedAt ?? d.proposedAt ?? d.createdAt;

/** Decisions with filters (status, owner, text), as a table or as a timeline. */
export function DecisionList({ workspace, initialDecisions, canEdit }: DecisionListProps) {
  const [filter, setFilter] = useState<DecisionFilter>({ status: "", owner: "", q: "" });
  const [view, setView] = useState<"list" | "timeline">("list");
  const { data: decisions = [], error, isFetching } = useDecisions(workspace, filter, initialDecisions);
  const id = useId();
  const filtered = filter.status !== "" || filter.owner !== "" || filter.q !== "";
  const empty = filtered
    ? { title: "No decision matches these filters." }
    : {
        title: "No decision recorded yet.",
        body: canEdit
          ? "Record the first one: what was decided, why, and what it implies."
          : "Architects record them here.",
      };

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {decisions.length} {decisions.length === 1 ? "decision" : "decisions"}
          {filtered ? " match" : ""}
        </h2>
        <form role="search" className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
          <label className="flex flex-col text-sm">
            Status
            <select
              value={filter.status}
              onChange={(e) => setFilter({ ...filter, status: e.target.value })}
              className="rounded-md border border-slate-400 px-2 py-1"
            >
              <option value="">All</option>
              {decisionStatusSchema.options.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            Owner
            <input
              value={filter.owner}
              onChange={(e) => setFilter({ ...filter, owner: e.target.value })}
              className="w-36 rounded-md border border-slate-400 px-2 py-1"
            />
          </label>
          <label className="flex flex-col text-sm">
            Search
            <input
              type="search"
              value={filter.q}
              placeholder="D05, words…"
              onChange={(e) => setFilter({ ...filter, q: e.target.value })}
              className="w-48 rounded-md border border-slate-400 px-2 py-1"
            />
          </label>
          <fieldset className="flex gap-1 text-sm">
            <legend className="sr-only">View</legend>
            {(["list", "timeline"] as const).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={view === v}
                onClick={() => setView(v)}
                className={`rounded-md border px-2 py-1 ${view === v ? "border-brand-900 bg-brand-900 text-white" : "border-slate-400"}`}
              >
                {v === "list" ? "List" : "Timeline"}
              </button>
            ))}
          </fieldset>
          {canEdit ? (
            <Link
              href={`/w/${workspace}/decisions/new`}
              className="rounded-md bg-brand-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
            >
              New decision
            </Link>
          ) : null}
        </form>
      </div>
      {view === "list" ? (
        <DataTable
          columns={columns(workspace)}
          data={decisions}
          getRowId={(d) => d.id}
          caption="Decisions"
          empty={empty}
          isFetching={isFetching}
          error={error}
        />
      ) : (
        <div aria-busy={isFetching}>
          {error ? (
            <p role="alert" className="mb-3 text-sm text-red-800">
              {error.message}
            </p>
          ) : null}
          {decisions.length === 0 ? (
            <EmptyState level={3} title={empty.title}>
              {empty.body}
            </EmptyState>
          ) : (
            <DecisionTimeline workspace={workspace} decisions={decisions} />
          )}
        </div>
      )}
    </section>
  );
}

const columns = (workspace: string): ColumnDef<DecisionSummary>[] => [
  { id: "number", header: "Id", cell: ({ row }) => row.original.number, meta: { className: "font-mono" } },
  {
    id: "title",
    header: "Decision",
    cell: ({ row }) => (
      <Link href={`/w/${workspace}/decisions/${row.original.number}`} className="text-brand-700 underline">
        {row.original.title}
      </Link>
    ),
  },
  {
    id: "status",
    header: "Status",
    cell: ({ row }) => <DecisionStatusBadge status={row.original.status} supersededBy={row.original.supersededBy} />,
  },
  {
    id: "owner",
    header: "Owner",
    cell: ({ row }) => row.original.owner || <span className="text-slate-600">none</span>,
  },
  {
    id: "approvals",
    header: "Approvals",
    cell: ({ row }) =>
      row.original.status === "proposed" || row.original.status === "draft" ? row.original.approvals : "",
  },
  {
    id: "updatedAt",
    header: "Last change",
    cell: ({ row }) => <time dateTime={row.original.updatedAt}>{day(row.original.updatedAt)}</time>,
  },
];

/** Decisions on a time line, newest first, grouped by month of their last status change. */
function DecisionTimeline({ workspace, decisions }: { workspace: string; decisions: DecisionSummary[] }) {
  const sorted = [...decisions].sort((a, b) => lastMove(b).localeCompare(lastMove(a)) || b.sequence - a.sequence);
  const months = new Map<string, DecisionSummary[]>();
  for (const d of sorted) months.set(lastMove(d).slice(0, 7), [...(months.get(lastMove(d).slice(0, 7)) ?? []), d]);
  return (
    <ol aria-label="Timeline" className="space-y-6">
      {[...months].map(([month, items]) => (
        <li key={month}>
          <h3 className="mb-2 text-sm font-semibold text-slate-700">
            {new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-GB", {
              month: "long",
              year: "numeric",
              timeZone: "UTC",
            })}
          </h3>
          <ol className="space-y-3 border-l-2 border-slate-300 pl-4">
            {items.map((d) => (
              <li key={d.id} className="text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-mono">{d.number}</span>
                  <Link href={`/w/${workspace}/decisions/${d.number}`} className="text-brand-700 underline">
                    {d.title}
                  </Link>
                  <DecisionStatusBadge status={d.status} supersededBy={d.supersededBy} />
                </p>
                <p className="text-slate-600">
                  Created {day(d.createdAt)}
                  {d.proposedAt ? ` · proposed ${day(d.proposedAt)}` : ""}
                  {d.decidedAt ? ` · ${d.status === "rejected" ? "rejected" : "accepted"} ${day(d.decidedAt)}` : ""}
                  {d.retiredAt ? ` · ${d.status} ${day(d.retiredAt)}` : ""}
                </p>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
