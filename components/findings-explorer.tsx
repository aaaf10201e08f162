"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { liveResourcePath } from "@/lib/domain/governance/finding-links";
import { formatReadAt } from "@/lib/domain/live/read-scope";
import { useId, useState } from "react";
import { DataTable } from "@/components/data-table";
import { FilterBar, FilterSearch, FilterSelect, toOptions, type FilterOption } from "@/components/table-filters";
import { ApiError } from "@/lib/queries/api-client";
import { emptyFindingFilter, findingsPageSize, sameFindingFilter } from "@/lib/queries/finding-filter";
import {
  useAcceptLive,
  useFindings,
  useDecideWaiver,
  useRequestWaiver,
  useRunEvaluation,
  useWaivers,
  type FindingFilter,
  type FindingItem,
  type FindingsPage,
  type Waiver,
} from "@/lib/queries/governance";

export type FindingsExplorerProps = {
  workspace: string;
  rules: { id: string; title: string; category: string }[];
  environments: string[];
  businessGroups: string[];
  canEvaluate: boolean;
  canRequestWaiver: boolean;
  canGrantWaiver: boolean;
  /** Whether the reader may edit specification records: the record link says "Edit" or "Open". */
  canEditSpec?: boolean;
  actorId: string;
  /** The filter the page opens with (from its address: ?q= from a diagram's node, ?environment= from the dashboard). */
  initialFilter?: Partial<FindingFilter>;
  /** The first page for `initialFilter`, read by the server with the page. */
  initialPage?: FindingsPage;
};

const pageSize = findingsPageSize;
const card = "rounded-lg border border-slate-200 bg-white p-4";
const categories = ["gap", "naming", "drift", "network", "availability", "security", "capacity", "lifecycle"];
const severityStyle = {
  error: "bg-red-50 text-red-900 border-red-300",
  warning: "bg-amber-50 text-amber-950 border-amber-300",
  info: "bg-slate-100 text-slate-800 border-slate-300",
} as const;
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");
// One column per grouping: the list shows a page's findings grouped by the chosen one's value.
const groupings: ColumnDef<FindingItem>[] = [
  { id: "rule", accessorFn: (f) => `${f.ruleId} · ${f.ruleTitle}` },
  { id: "resource", accessorFn: (f) => `${f.resourceKind} · ${f.resourceName}` },
];

/** What a finding's record link says: a decision, the editor of a record, or the record for a reader. */
function editLabel(editUrl: string, canEditSpec: boolean | undefined): string {
  if (editUrl.includes("/decisions/")) return "Open the decision";
  return canEditSpec ? "Edit the record" : "Open in the specification";
}

/** Findings with filters, grouping and waivers. */
export function FindingsExplorer(props: FindingsExplorerProps) {
  const { workspace, rules, environments, businessGroups, canEvaluate } = props;
  const id = useId();
  const [initialFilter] = useState<FindingFilter>(() => ({ ...emptyFindingFilter, ...props.initialFilter, offset: 0 }));
  const [filter, setFilter] = useState<FindingFilter>(initialFilter);
  const [groupBy, setGroupBy] = useState<"rule" | "resource">("rule");
  const { data, error, isFetching } = useFindings(
    workspace,
    filter,
    pageSize,
    sameFindingFilter(filter, initialFilter) ? props.initialPage : undefined,
  );
  const evaluate = useRunEvaluation(workspace);
  const set = (change: Partial<FindingFilter>) => setFilter({ ...filter, offset: 0, ...change });
  const total = data?.total ?? 0;
  const select = (name: Exclude<keyof FindingFilter, "q" | "offset">, label: string, options: FilterOption[]) => (
    <FilterSelect
      label={label}
      value={filter[name]}
      onChange={(value) => set({ [name]: value })}
      options={options}
      allLabel={name === "status" ? "Open and waived" : "All"}
    />
  );

  return (
    <div className="space-y-4">
      <section className={card} aria-labelledby={`${id}-title`}>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {total} {total === 1 ? "finding" : "findings"}
          </h2>
          <div className="flex items-center gap-2">
            <fieldset className="flex gap-1 text-sm">
              <legend className="sr-only">Group by</legend>
              {(["rule", "resource"] as const).map((g) => (
                <button
                  key={g}
                  type="button"
                  aria-pressed={groupBy === g}
                  onClick={() => setGroupBy(g)}
                  className={`rounded-md border px-2 py-1 ${groupBy === g ? "border-brand-900 bg-brand-900 text-white" : "border-slate-400"}`}
                >
                  By {g}
                </button>
              ))}
            </fieldset>
            {canEvaluate ? (
              <button
                type="button"
                disabled={evaluate.isPending}
                onClick={() => evaluate.mutate()}
                className="rounded-md bg-brand-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
              >
                {evaluate.isPending ? "Evaluating…" : "Run rules now"}
              </button>
            ) : null}
          </div>
        </div>
        <FilterBar
          onReset={
            sameFindingFilter({ ...filter, offset: 0 }, emptyFindingFilter)
              ? undefined
              : () => setFilter(emptyFindingFilter)
          }
        >
          {select("severity", "Severity", toOptions(["error", "warning", "info"]))}
          {select("category", "Category", toOptions(categories))}
          {select("status", "Status", toOptions(["open", "waived", "resolved"]))}
          {select("environment", "Environment", toOptions(environments))}
          {select("businessGroup", "Business group", toOptions(businessGroups))}
          {select(
            "rule",
            "Rule",
            rules.map((r) => ({ value: r.id, label: `${r.id} ${r.title}` })),
          )}
          <FilterSearch label="Search" value={filter.q} onChange={(q) => set({ q })} />
        </FilterBar>
        <DataTable
          columns={groupings}
          data={data?.items}
          getRowId={(f) => f.id}
          groupBy={groupBy}
          paging={{
            kind: "server",
            offset: filter.offset,
            pageSize,
            total,
            onChange: (offset) => setFilter({ ...filter, offset }),
          }}
          isFetching={isFetching}
          error={error}
          empty={{ title: "No finding matches", body: <p>Change the filters or reset them.</p> }}
          layout={(table) =>
            table.getRowModel().rows.map((group) => {
              const title = String(group.groupingValue);
              return (
                <section key={group.id} aria-label={title}>
                  <h3 className="mb-1 text-sm font-semibold text-slate-700">
                    {title} <span className="font-normal">({group.subRows.length})</span>
                  </h3>
                  <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
                    {group.subRows.map((row) => (
                      <FindingRow key={row.id} finding={row.original} {...props} />
                    ))}
                  </ul>
                </section>
              );
            })
          }
        />
      </section>
      <WaiverList {...props} />
    </div>
  );
}

// A row keeps no state of its own: fifty of them render with the page.
function FindingRow({
  finding: f,
  workspace,
  canRequestWaiver,
  canEditSpec,
}: { finding: FindingItem } & FindingsExplorerProps) {
  const live = f.liveExternalId ? liveResourcePath(workspace, f.resourceKind, f.resourceName) : null;
  const waivable = canRequestWaiver && f.status === "open";
  return (
    <li className="p-3 text-sm">
      <div className="flex flex-wrap items-start gap-2">
        <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${severityStyle[f.severity]}`}>
          {f.severity}
        </span>
        {f.status !== "open" ? (
          <span className="rounded-full border border-violet-300 bg-violet-50 px-2 py-0.5 text-xs font-medium text-violet-900">
            {f.status}
          </span>
        ) : null}
        {f.staleSince && f.status !== "resolved" ? (
          <span
            className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-950"
            title="The latest sync could not read the live data behind it; this is what the sync of that time read"
          >
            stale: live data of {formatReadAt(f.staleSince)}
          </span>
        ) : null}
        <p className="min-w-0 flex-1">{f.message}</p>
      </div>
      <p className="mt-1 text-slate-600">
        {f.category} · {f.ruleId}
        {f.environment ? ` · ${f.environment}` : ""}
        {f.businessGroup ? ` · ${f.businessGroup}` : ""} · first seen {day(f.firstSeenAt)}, last seen{" "}
        {day(f.lastSeenAt)}
      </p>
      {f.status !== "resolved" ? (
        <p className="mt-1">
          <span className="font-medium">Next step:</span> {f.remediation}
        </p>
      ) : null}
      {/* What to act with, on one line: the record, the live resource, a waiver (its form below them). */}
      {f.editUrl || live || waivable ? (
        <div className="mt-1 flex flex-wrap items-baseline gap-x-4">
          {f.editUrl ? (
            <Link href={f.editUrl} className="font-medium text-brand-700 underline">
              {editLabel(f.editUrl, canEditSpec)}
              <span className="sr-only"> of {f.resourceName}</span>
            </Link>
          ) : null}
          {live ? (
            <Link href={live} className="text-brand-700 underline">
              Open in the live estate<span className="sr-only"> ({f.resourceName})</span>
            </Link>
          ) : null}
          {waivable ? <WaiverRequest workspace={workspace} finding={f} /> : null}
        </div>
      ) : null}
      {canEditSpec && f.ruleId === "DRIFT-VALUE" && f.status === "open" && f.specRecordId ? (
        <AcceptLive workspace={workspace} finding={f} />
      ) : null}
    </li>
  );
}

/** "Make the plan match live": the record takes the value Anypoint has (validated and audited on the server). */
function AcceptLive({ workspace, finding: f }: { workspace: string; finding: FindingItem }) {
  const accept = useAcceptLive(workspace);
  const done = accept.data?.updated[0];
  return (
    <div className="mt-1 flex flex-wrap items-baseline gap-x-3">
      <button
        type="button"
        disabled={accept.isPending || !!done}
        onClick={() => accept.mutate([f.fingerprint])}
        className="text-brand-700 underline disabled:text-slate-500 disabled:no-underline"
      >
        Make the plan match live<span className="sr-only"> for {f.resourceName}</span>
      </button>
      {done ? (
        <span role="status" className="text-slate-700">
          The plan of “{done.title}” now has the live {done.fields.join(", ").toLowerCase()} (version {done.version});
          the finding closes with the next evaluation.
        </span>
      ) : null}
      {accept.error ? (
        <span role="alert" className="text-red-800">
          {accept.error instanceof ApiError ? accept.error.message : "The plan could not be changed."}
        </span>
      ) : null}
    </div>
  );
}

/** The "Request a waiver" button of a finding and, once pressed, its form. */
function WaiverRequest({ workspace, finding: f }: { workspace: string; finding: FindingItem }) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} className="text-brand-700 underline">
        Request a waiver<span className="sr-only"> for {f.resourceName}</span>
      </button>
    );
  return <WaiverRequestForm workspace={workspace} finding={f} onClose={() => setOpen(false)} />;
}

function WaiverRequestForm({
  workspace,
  finding: f,
  onClose,
}: {
  workspace: string;
  finding: FindingItem;
  onClose: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [expiresAt, setExpiresAt] = useState("");
  const requestWaiver = useRequestWaiver(workspace);
  const fieldErrors =
    requestWaiver.error instanceof ApiError
      ? (requestWaiver.error.details?.fields ?? []).map((e) => e.message).join("; ")
      : null;
  return (
    <form
      className="mt-2 flex w-full flex-wrap items-end gap-2"
      aria-label={`Waiver for ${f.resourceName}`}
      onSubmit={(event) => {
        event.preventDefault();
        requestWaiver.mutate(
          {
            fingerprint: f.fingerprint,
            reason,
            expiresAt: expiresAt ? new Date(`${expiresAt}T23:59:59Z`).toISOString() : "",
          },
          { onSuccess: onClose },
        );
      }}
    >
      <label htmlFor={`${id}-reason`} className="flex flex-col">
        Reason
        <input
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          className="w-72 rounded-md border border-slate-400 px-2 py-1"
        />
      </label>
      <label htmlFor={`${id}-expires`} className="flex flex-col">
        Expires on
        <input
          id={`${id}-expires`}
          type="date"
          value={expiresAt}
          onChange={(e) => setExpiresAt(e.target.value)}
          className="rounded-md border border-slate-400 px-2 py-1"
        />
      </label>
      <button type="submit" className="rounded-md bg-brand-900 px-3 py-1 font-semibold text-white">
        Request waiver
      </button>
      <button type="button" onClick={onClose} className="rounded-md border border-slate-400 px-3 py-1">
        Cancel
      </button>
      {requestWaiver.error ? (
        <p role="alert" className="w-full text-red-800">
          {fieldErrors || requestWaiver.error.message}
        </p>
      ) : null}
    </form>
  );
}

function WaiverList({ workspace, canGrantWaiver, actorId }: FindingsExplorerProps) {
  const id = useId();
  const { data: waivers = [] } = useWaivers(workspace);
  const decideWaiver = useDecideWaiver(workspace);
  const active = waivers.filter((w) => w.status === "requested" || w.status === "approved");
  if (active.length === 0) return null;
  const describe = (w: Waiver) =>
    w.fingerprint
      ? `finding ${w.fingerprint}`
      : `rule ${w.ruleId}${w.resourceName ? ` on ${w.resourceName}` : ""}${w.environment ? ` in ${w.environment}` : ""}`;
  return (
    <section className={card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-2 text-lg font-semibold">
        Waivers
      </h2>
      {decideWaiver.error ? (
        <p role="alert" className="mb-2 text-sm text-red-800">
          {decideWaiver.error.message}
        </p>
      ) : null}
      <ul className="space-y-2 text-sm">
        {active.map((w) => (
          <li key={w.id} className="rounded-md border border-slate-200 p-2">
            <p>
              <span className="font-medium">{w.status === "requested" ? "Requested" : "Approved"}</span> for{" "}
              {describe(w)} by {w.requestedByName}, expires {day(w.expiresAt)}: “{w.reason}”
            </p>
            {canGrantWaiver ? (
              <div className="mt-1 flex gap-2">
                {w.status === "requested" && w.requestedById !== actorId ? (
                  <>
                    <button
                      type="button"
                      onClick={() => decideWaiver.mutate({ id: w.id, decision: "approve", version: w.version })}
                      className="rounded-md bg-green-800 px-2 py-1 text-white"
                    >
                      Approve<span className="sr-only"> waiver for {describe(w)}</span>
                    </button>
                    <button
                      type="button"
                      onClick={() => decideWaiver.mutate({ id: w.id, decision: "reject", version: w.version })}
                      className="rounded-md border border-slate-400 px-2 py-1"
                    >
                      Reject<span className="sr-only"> waiver for {describe(w)}</span>
                    </button>
                  </>
                ) : null}
                {w.status === "approved" ? (
                  <button
                    type="button"
                    onClick={() => decideWaiver.mutate({ id: w.id, decision: "revoke", version: w.version })}
                    className="rounded-md border border-slate-400 px-2 py-1"
                  >
                    Revoke<span className="sr-only"> waiver for {describe(w)}</span>
                  </button>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
