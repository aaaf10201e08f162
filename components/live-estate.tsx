"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { Pager } from "@/components/pager";
import { liveKindLabels, liveKinds, type LiveKind } from "@/lib/domain/live/snapshot";
import {
  useLiveOverview,
  useLiveResources,
  useSyncMutations,
  type LiveFilter,
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
};

const pageSize = 50;
const staleAfterHours = 24;
const card = "rounded-lg border border-slate-200 bg-white p-4";
const when = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "");

function ago(iso: string, now: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(now) - Date.parse(iso)) / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

const statusStyle: Record<SyncRun["status"], string> = {
  running: "bg-sky-50 text-sky-900 border-sky-300",
  succeeded: "bg-green-50 text-green-900 border-green-300",
  failed: "bg-red-50 text-red-900 border-red-300",
  held: "bg-amber-50 text-amber-950 border-amber-300",
  discarded: "bg-slate-100 text-slate-700 border-slate-300",
};

/** The live estate: sync controls and progress, inventory per kind with filters, sync history. */
export function LiveEstate({ workspace, initial, canSync, canConfirm, now }: LiveEstateProps) {
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
        <Inventory workspace={workspace} current={current} facets={overview.facets} />
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
}: {
  workspace: string;
  current: SyncRun;
  facets: LiveOverview["facets"];
}) {
  const id = useId();
  const [filter, setFilter] = useState<LiveFilter>({
    kind: "application",
    environment: "",
    businessGroup: "",
    q: "",
    offset: 0,
  });
  const { data, error, isFetching } = useLiveResources(workspace, filter, pageSize);
  const set = (change: Partial<LiveFilter>) => setFilter({ ...filter, offset: 0, ...change });
  const total = data?.total ?? 0;

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
      <form role="search" className="mb-3 flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <label className="flex flex-col text-sm">
          Environment
          <select
            value={filter.environment}
            onChange={(e) => set({ environment: e.target.value })}
            className="rounded-md border border-slate-400 px-2 py-1"
          >
            <option value="">All</option>
            {facets.environments.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Business group
          <select
            value={filter.businessGroup}
            onChange={(e) => set({ businessGroup: e.target.value })}
            className="rounded-md border border-slate-400 px-2 py-1"
          >
            <option value="">All</option>
            {facets.businessGroups.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Name
          <input
            type="search"
            value={filter.q}
            onChange={(e) => set({ q: e.target.value })}
            className="w-56 rounded-md border border-slate-400 px-2 py-1"
          />
        </label>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error.message}
        </p>
      ) : null}
      <div aria-busy={isFetching} className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            {liveKindLabels[filter.kind as LiveKind]?.many ?? filter.kind} in the current snapshot
          </caption>
          <thead className="border-b border-slate-200">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                Name
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Business group
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Environment
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Attributes
              </th>
            </tr>
          </thead>
          <tbody>
            {(data?.items ?? []).map((r) => (
              <tr key={r.id} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-3 font-mono">{r.name}</td>
                <td className="py-2 pr-3">{r.businessGroup ?? ""}</td>
                <td className="py-2 pr-3">{r.environment ?? ""}</td>
                <td className="py-2 pr-3">
                  <details>
                    <summary className="cursor-pointer text-brand-700">
                      {Object.keys(r.attributes).length} attributes<span className="sr-only"> of {r.name}</span>
                    </summary>
                    <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
                      {Object.entries(r.attributes).map(([key, value]) => (
                        <div key={key} className="contents">
                          <dt className="text-slate-600">{key}</dt>
                          <dd className="font-mono break-all">
                            {typeof value === "object" && value !== null ? JSON.stringify(value) : String(value)}
                          </dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && data.items.length === 0 ? <p className="py-4 text-sm text-slate-600">Nothing matches.</p> : null}
      </div>
      <Pager
        offset={filter.offset}
        pageSize={pageSize}
        total={total}
        onChange={(offset) => setFilter({ ...filter, offset })}
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
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200">
            <tr>
              {["Started", "Status", "Trigger", "By", "Duration", "Requests", "Resources", "Notes"].map((h) => (
                <th key={h} scope="col" className="py-2 pr-3 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-3 whitespace-nowrap">
                  <time dateTime={run.startedAt}>{when(run.startedAt)}</time>
                </td>
                <td className="py-2 pr-3">
                  <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${statusStyle[run.status]}`}>
                    {run.status}
                  </span>
                </td>
                <td className="py-2 pr-3">{run.trigger}</td>
                <td className="py-2 pr-3">{run.actorName}</td>
                <td className="py-2 pr-3 tabular-nums">
                  {run.durationMs === null ? "" : `${(run.durationMs / 1000).toFixed(1)} s`}
                </td>
                <td className="py-2 pr-3 tabular-nums">
                  {run.requests}
                  {run.retries ? ` (${run.retries} retried)` : ""}
                </td>
                <td className="py-2 pr-3 tabular-nums">{Object.values(run.counts).reduce((a, b) => a + b, 0) || ""}</td>
                <td className="py-2 pr-3">
                  {run.error ? <span className="text-red-800">{run.error}</span> : null}
                  {run.warnings.map((w) => (
                    <span key={w} className="block text-amber-900">
                      {w}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
