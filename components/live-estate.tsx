"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useId, useState } from "react";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterSearch, FilterSelect, toOptions } from "@/components/table-filters";
import { formatAge, ReadStatus } from "@/components/read-status";
import { liveKindLabels, liveKinds, type LiveKind } from "@/lib/domain/live/snapshot";
import {
  useLiveOverview,
  useLiveResources,
  useSyncMutations,
  type LiveFilter,
  type LiveResource,
  type LiveOverview,
  type SyncRun,
} from "@/lib/queries/live";

export type LiveEstateProps = {
  workspace: string;
  initial: LiveOverview;
  canSync: boolean;
  canConfirm: boolean;
  /** Server time when the page was rendered, so that "how long ago" renders the same on both sides. */
  now: string;
  /** The kind and name the inventory opens with, from the address (`?kind=&q=`, a finding's link). */
  initialInventory?: { kind: LiveKind; q: string };
};

const pageSize = 50;
const staleAfterHours = 24;
const card = "rounded-lg border border-slate-200 bg-white p-4";
const when = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "");

const ago = formatAge;

const statusStyle: Record<SyncRun["status"], string> = {
  running: "bg-sky-50 text-sky-900 border-sky-300",
  succeeded: "bg-green-50 text-green-900 border-green-300",
  failed: "bg-red-50 text-red-900 border-red-300",
  held: "bg-amber-50 text-amber-950 border-amber-300",
  discarded: "bg-slate-100 text-slate-700 border-slate-300",
};

const attributeValue = (value: unknown) =>
  typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);

const resourceColumns: ColumnDef<LiveResource>[] = [
  {
    id: "name",
    header: "Name",
    cell: ({ row: { original: r } }) => (
      <>
        <span className="font-mono">{r.name}</span>
        {r.carried ? (
          <span
            className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-950"
            title="The latest sync could not read it: this is what an earlier sync read"
          >
            {r.carried.attributes ? `${r.carried.attributes.join(", ")} kept` : "kept"} from {when(r.carried.readAt)}
          </span>
        ) : null}
      </>
    ),
  },
  { id: "businessGroup", header: "Business group", accessorFn: (r) => r.businessGroup ?? "" },
  { id: "environment", header: "Environment", accessorFn: (r) => r.environment ?? "" },
  {
    id: "attributes",
    header: "Attributes",
    cell: ({ row: { original: r } }) => (
      <details>
        <summary className="cursor-pointer text-brand-700">
          {Object.keys(r.attributes).length} attributes<span className="sr-only"> of {r.name}</span>
        </summary>
        <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
          {Object.entries(r.attributes).map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="text-slate-600">{key}</dt>
              <dd className="font-mono break-all">{attributeValue(value)}</dd>
            </div>
          ))}
        </dl>
      </details>
    ),
  },
];

const runColumns: ColumnDef<SyncRun>[] = [
  {
    id: "started",
    header: "Started",
    cell: ({ row: { original: run } }) => <time dateTime={run.startedAt}>{when(run.startedAt)}</time>,
    meta: { className: "whitespace-nowrap" },
  },
  {
    id: "status",
    header: "Status",
    cell: ({ row: { original: run } }) => (
      <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${statusStyle[run.status]}`}>
        {run.status}
      </span>
    ),
  },
  { id: "trigger", header: "Trigger", accessorFn: (run) => run.trigger },
  { id: "by", header: "By", accessorFn: (run) => run.actorName },
  {
    id: "duration",
    header: "Duration",
    accessorFn: (run) => (run.durationMs === null ? "" : `${(run.durationMs / 1000).toFixed(1)} s`),
    meta: { className: "tabular-nums" },
  },
  {
    id: "requests",
    header: "Requests",
    accessorFn: (run) => `${run.requests}${run.retries ? ` (${run.retries} retried)` : ""}`,
    meta: { className: "tabular-nums" },
  },
  {
    id: "resources",
    header: "Resources",
    accessorFn: (run) => Object.values(run.counts).reduce((a, b) => a + b, 0) || "",
    meta: { className: "tabular-nums" },
  },
  {
    id: "notes",
    header: "Notes",
    cell: ({ row: { original: run } }) => (
      <>
        {run.error ? <span className="text-red-800">{run.error}</span> : null}
        {run.warnings.length ? (
          <details className="text-amber-900">
            <summary className="cursor-pointer">
              {run.scopes.length
                ? `${run.scopes.length} ${run.scopes.length === 1 ? "part" : "parts"} not read` +
                  (run.scopes.some((s) => s.status === "carried-forward")
                    ? ` (${run.scopes.filter((s) => s.status === "carried-forward").length} kept)`
                    : "")
                : `${run.warnings.length} ${run.warnings.length === 1 ? "warning" : "warnings"}`}
              {run.scopes.length && run.warnings.length > run.scopes.length
                ? `, ${run.warnings.length - run.scopes.length} records left out`
                : ""}
            </summary>
            {run.warnings.map((w) => (
              <span key={w} className="mt-1 block break-all">
                {w}
              </span>
            ))}
          </details>
        ) : null}
      </>
    ),
  },
];

/** The live estate: sync controls and progress, inventory per kind with filters, sync history. */
export function LiveEstate({ workspace, initial, canSync, canConfirm, now, initialInventory }: LiveEstateProps) {
  const { data: overview = initial } = useLiveOverview(workspace, initial);
  const mutations = useSyncMutations(workspace);
  const latest = overview.runs[0] ?? null;
  const running = latest?.status === "running" ? latest : null;
  const held = overview.runs.find((r) => r.status === "held") ?? null;
  const current = overview.current;
  const stale = current?.finishedAt
    ? Date.parse(now) - Date.parse(current.finishedAt) > staleAfterHours * 3_600_000
    : false;
  const actionError =
    mutations.start.error ?? mutations.cancel.error ?? mutations.confirm.error ?? mutations.discard.error;

  return (
    <div className="space-y-4">
      <section className={card} aria-label="Sync">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="text-sm">
            {!overview.connected ? (
              <p>
                Not connected to Anypoint.{" "}
                {canConfirm ? (
                  <Link href={`/w/${workspace}/settings`} className="text-brand-700 underline">
                    Connect it in Settings
                  </Link>
                ) : (
                  "An administrator connects it in Settings."
                )}
              </p>
            ) : current ? (
              <p>
                Current snapshot from{" "}
                <time dateTime={current.finishedAt ?? current.startedAt}>{when(current.finishedAt)}</time> (
                {ago(current.finishedAt ?? current.startedAt, now)}) of {overview.baseUrl}
                {stale ? (
                  <span className="ml-2 rounded bg-amber-100 px-1 text-amber-950">
                    stale: older than {staleAfterHours} h
                  </span>
                ) : null}
              </p>
            ) : (
              <p>Connected to {overview.baseUrl}; no sync has succeeded yet.</p>
            )}
            {current?.scopes?.length ? <ReadStatus scopes={current.scopes} now={now} /> : null}
          </div>
          {canSync && overview.connected ? (
            <div className="flex gap-2">
              {running ? (
                <button
                  type="button"
                  onClick={() => mutations.cancel.mutate(running.id)}
                  className="rounded-md border border-slate-400 px-3 py-1.5 text-sm"
                >
                  Cancel sync
                </button>
              ) : (
                <button
                  type="button"
                  disabled={mutations.start.isPending}
                  onClick={() => mutations.start.mutate(false)}
                  className="rounded-md bg-brand-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
                >
                  Sync now
                </button>
              )}
            </div>
          ) : null}
        </div>
        {running ? (
          <div role="status" className="mt-3 text-sm">
            <p className="font-medium">Syncing… started {when(running.startedAt)}</p>
            <ul className="mt-1 flex flex-wrap gap-3" aria-label="Progress">
              {running.progress.map((p) => (
                <li key={p.step}>
                  {liveKindLabels[p.step as LiveKind]?.many ?? p.step}: {p.count}
                </li>
              ))}
              {running.progress.length === 0 ? <li>reading the organisation…</li> : null}
            </ul>
          </div>
        ) : null}
        {held ? (
          <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" role="alert">
            <p className="font-medium">
              The sync of {when(held.finishedAt)} was held: it would remove more than the allowed share of resources.
            </p>
            <ul className="mt-1 list-disc pl-5">
              {(held.removals ?? []).map((r) => (
                <li key={r.kind}>
                  {liveKindLabels[r.kind as LiveKind]?.many ?? r.kind}: {r.before} → {r.after}
                </li>
              ))}
            </ul>
            <p className="mt-1">
              An expired scope or a business group the connected app can no longer read looks exactly like this. The
              current snapshot stays until it is confirmed.
            </p>
            {canConfirm ? (
              <div className="mt-2 flex gap-2">
                <button
                  type="button"
                  onClick={() => mutations.confirm.mutate(held.id)}
                  className="rounded-md bg-amber-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-amber-900"
                >
                  Apply it anyway
                </button>
                <button
                  type="button"
                  onClick={() => mutations.discard.mutate(held.id)}
                  className="rounded-md border border-amber-800 px-3 py-1.5 text-sm"
                >
                  Discard it
                </button>
              </div>
            ) : null}
          </div>
        ) : null}
        {latest?.status === "failed" ? (
          <p className="mt-3 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-900">
            The last sync failed: {latest.error}
          </p>
        ) : null}
        {actionError ? (
          <p role="alert" className="mt-3 text-sm text-red-800">
            {actionError.message}
          </p>
        ) : null}
      </section>

      {current ? (
        <Inventory workspace={workspace} current={current} facets={overview.facets} initial={initialInventory} />
      ) : (
        <EmptyState title="Not synchronised yet">
          <p>
            Business groups, environments, VPCs, VPNs, load balancers, applications, teams and API instances read from
            the Anypoint Platform appear here after the first successful sync.
          </p>
        </EmptyState>
      )}
      <SyncHistory runs={overview.runs} />
    </div>
  );
}

function Inventory({
  workspace,
  current,
  facets,
  initial,
}: {
  workspace: string;
  current: SyncRun;
  facets: LiveOverview["facets"];
  initial?: { kind: LiveKind; q: string };
}) {
  const id = useId();
  const [filter, setFilter] = useState<LiveFilter>({
    kind: initial?.kind ?? "application",
    environment: "",
    businessGroup: "",
    q: initial?.q ?? "",
    offset: 0,
  });
  const { data, error, isFetching } = useLiveResources(workspace, filter, pageSize);
  const set = (change: Partial<LiveFilter>) => setFilter({ ...filter, offset: 0, ...change });
  const filtered = filter.environment !== "" || filter.businessGroup !== "" || filter.q !== "";

  return (
    <section className={card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">
        Inventory
      </h2>
      <nav aria-label="Resource kinds" className="mb-3 flex flex-wrap gap-1">
        {liveKinds.map((kind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={filter.kind === kind}
            onClick={() => set({ kind })}
            className={`rounded-full border px-2 py-0.5 text-sm ${filter.kind === kind ? "border-brand-900 bg-brand-900 text-white" : "border-slate-300"}`}
          >
            {liveKindLabels[kind].many} <span className="tabular-nums">{current.counts[kind] ?? 0}</span>
          </button>
        ))}
      </nav>
      <FilterBar onReset={filtered ? () => set({ environment: "", businessGroup: "", q: "" }) : undefined}>
        <FilterSelect
          label="Environment"
          value={filter.environment}
          onChange={(environment) => set({ environment })}
          options={toOptions(facets.environments)}
        />
        <FilterSelect
          label="Business group"
          value={filter.businessGroup}
          onChange={(businessGroup) => set({ businessGroup })}
          options={toOptions(facets.businessGroups)}
        />
        <FilterSearch label="Name" value={filter.q} onChange={(q) => set({ q })} width="w-56" />
      </FilterBar>
      <DataTable
        columns={resourceColumns}
        data={data?.items}
        getRowId={(r) => r.id}
        caption={`${liveKindLabels[filter.kind as LiveKind]?.many ?? filter.kind} in the current snapshot`}
        paging={{
          kind: "server",
          offset: filter.offset,
          pageSize,
          total: data?.total ?? 0,
          onChange: (offset) => setFilter({ ...filter, offset }),
        }}
        isFetching={isFetching}
        error={error}
        empty={{ title: "Nothing matches", body: filtered ? <p>Change the filters or reset them.</p> : null }}
      />
    </section>
  );
}

function SyncHistory({ runs }: { runs: SyncRun[] }) {
  const id = useId();
  if (runs.length === 0) return null;
  return (
    <section className={card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">
        Sync history
      </h2>
      <DataTable columns={runColumns} data={runs} getRowId={(run) => run.id} empty={{ title: "No sync yet" }} />
    </section>
  );
}
