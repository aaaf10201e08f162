"use client";

import { ReactFlowProvider } from "@xyflow/react";
import Link from "next/link";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { downloadPng, downloadSvg } from "@/components/topology/export-diagram";
import { NodePanel } from "@/components/topology/node-panel";
import { TopologyCanvas, type TopologyCanvasHandle } from "@/components/topology/topology-canvas";
import { prewarmLayoutWorker } from "@/components/topology/use-topology-layout";
import { filterTopology, topologyFacets, type TopologyFilter } from "@/lib/domain/topology/filter";
import { overlayStyles } from "@/lib/domain/topology/style";
import { topologyViewLabels, topologyViews, type Pin, type TopologyView } from "@/lib/domain/topology/types";
import { useNudgeTopology, useResetTopology, useTopology } from "@/lib/queries/topology";

export type TopologyDiagramProps = { workspace: string; workspaceName: string; view: TopologyView };

const viewHelp: Record<TopologyView, string> = {
  platform:
    "Control plane, runtime regions, VPCs and private spaces with their load balancers and applications per environment, VPN tunnels to the data centre, backend systems.",
  "api-led": "Experience, process and system APIs in lanes; edges from mapping rules, declared calls and systems.",
  dr: "Regions side by side: which applications run where, per DR tier, and the pairs across regions.",
};

const control = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";
const button = "rounded border border-slate-300 bg-white px-2.5 py-1 text-sm hover:bg-slate-50 disabled:opacity-50";

/** The topology page: view tabs, filters, search, the diagram, the details panel, exports. */
export function TopologyDiagram({ workspace, workspaceName, view }: TopologyDiagramProps) {
  const id = useId();
  const { data, error, isPending } = useTopology(workspace, view);
  const nudge = useNudgeTopology(workspace, view);
  const reset = useResetTopology(workspace, view);
  const canvas = useRef<TopologyCanvasHandle>(null);
  const [filter, setFilter] = useState<TopologyFilter>({});
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [figures, setFigures] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);

  // The worker boots while the diagram is fetched.
  useEffect(() => prewarmLayoutWorker(), []);

  const graph = useMemo(() => (data ? filterTopology(data.graph, filter) : null), [data, filter]);
  const facets = useMemo(() => (data ? topologyFacets(data.graph) : { businessGroups: [], environments: [] }), [data]);
  const selectedNode = useMemo(
    () => (selected && graph ? (graph.nodes.find((n) => n.id === selected) ?? null) : null),
    [graph, selected],
  );
  const onNudge = useCallback(
    (pins: Record<string, Pin>) =>
      nudge.mutate(pins, {
        onError: (e) => setMessage(`The new position was not saved: ${e.message}`),
        onSuccess: () => setMessage(null),
      }),
    [nudge],
  );
  const onRendered = useCallback(
    (f: { layoutMs: number; renderMs: number; nodes: number; edges: number }) =>
      setFigures(
        `${f.nodes.toLocaleString("en")} nodes, ${f.edges.toLocaleString("en")} edges; laid out in ${Math.round(f.layoutMs)} ms, drawn in ${Math.round(f.renderMs)} ms`,
      ),
    [],
  );

  const find = (event: React.FormEvent) => {
    event.preventDefault();
    const text = search.trim().toLowerCase();
    if (!text || !graph) return;
    const match =
      graph.nodes.find((n) => n.label.toLowerCase() === text) ??
      graph.nodes.find((n) => n.label.toLowerCase().includes(text));
    if (!match) {
      setMessage(
        `Nothing called "${search.trim()}" in this view${graph !== data?.graph ? " with these filters" : ""}.`,
      );
      return;
    }
    setMessage(null);
    canvas.current?.focusNode(match.id);
    setSelected(match.id);
  };

  const exportAs = async (format: "svg" | "png") => {
    const current = canvas.current?.current();
    if (!current) return;
    const title = `${workspaceName}: ${topologyViewLabels[view]} view`;
    const filename = `${workspace}-${view}.${format}`;
    try {
      if (format === "svg") downloadSvg(current.graph, current.layout, title, filename);
      else await downloadPng(current.graph, current.layout, title, filename);
    } catch (e) {
      setMessage(`The ${format.toUpperCase()} export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const labels = useMemo(() => [...new Set(graph?.nodes.map((n) => n.label) ?? [])].sort().slice(0, 5000), [graph]);
  const legend = data?.graph.hasLive
    ? (["both", "planned-only", "live-only", "different"] as const)
    : (["plan"] as const);

  return (
    <div className="flex flex-col gap-3">
      <nav aria-label="Diagrams" className="flex flex-wrap items-center gap-1 border-b border-slate-200">
        {topologyViews.map((v) => (
          <Link
            key={v}
            href={`?view=${v}`}
            aria-current={v === view ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${v === view ? "border-brand-600 font-semibold text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {topologyViewLabels[v]}
          </Link>
        ))}
        <p className="ml-3 text-xs text-slate-500">{viewHelp[view]}</p>
      </nav>

      <div className="flex flex-wrap items-end gap-2" role="group" aria-label="Filters">
        <label className="flex flex-col text-xs text-slate-600">
          Business group
          <select
            className={control}
            value={filter.businessGroup ?? ""}
            onChange={(e) => setFilter({ ...filter, businessGroup: e.target.value || null })}
          >
            <option value="">All</option>
            {facets.businessGroups.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Environment
          <select
            className={control}
            value={filter.environment ?? ""}
            onChange={(e) => setFilter({ ...filter, environment: e.target.value || null })}
          >
            <option value="">All</option>
            {facets.environments.map((env) => (
              <option key={env}>{env}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Layer
          <select
            className={control}
            value={filter.layer ?? ""}
            onChange={(e) => setFilter({ ...filter, layer: (e.target.value || null) as TopologyFilter["layer"] })}
          >
            <option value="">All</option>
            <option value="experience">Experience</option>
            <option value="process">Process</option>
            <option value="system">System</option>
          </select>
        </label>
        <label className="flex items-center gap-1.5 self-center pt-4 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={!!filter.withFindings}
            onChange={(e) => setFilter({ ...filter, withFindings: e.target.checked })}
          />
          Only with findings
        </label>
        <form onSubmit={find} className="flex items-end gap-1" role="search">
          <label className="flex flex-col text-xs text-slate-600">
            Find a node
            <input
              className={`${control} w-56`}
              list={`${id}-labels`}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="name, e.g. vpc-prod"
            />
          </label>
          <datalist id={`${id}-labels`}>
            {labels.map((label) => (
              <option key={label} value={label} />
            ))}
          </datalist>
          <button type="submit" className={button}>
            Find
          </button>
        </form>
        <div className="ml-auto flex flex-wrap items-end gap-1">
          {data?.canNudge ? (
            <button
              type="button"
              className={button}
              disabled={reset.isPending || Object.keys(data.pins).length === 0}
              onClick={() => {
                if (window.confirm("Forget every manual position in this diagram and lay it out again?"))
                  reset.mutate(undefined, {
                    onError: (e) => setMessage(`The layout was not reset: ${e.message}`),
                    onSuccess: () => setRevision((r) => r + 1),
                  });
              }}
            >
              Reset layout
            </button>
          ) : null}
          <button type="button" className={button} onClick={() => void exportAs("svg")} disabled={!data}>
            Export SVG
          </button>
          <button type="button" className={button} onClick={() => void exportAs("png")} disabled={!data}>
            Export PNG
          </button>
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-4 text-xs text-slate-600" aria-label="Legend">
        {legend.map((overlay) => (
          <span key={overlay} className="flex items-center gap-1.5">
            <span
              aria-hidden
              className="inline-block h-3 w-5 rounded-sm bg-white"
              style={{
                borderColor: overlayStyles[overlay].stroke,
                borderStyle: overlayStyles[overlay].dash ? "dashed" : "solid",
                borderWidth: overlay === "different" || overlay === "live-only" ? 2 : 1,
              }}
            />
            {overlayStyles[overlay].legend}
          </span>
        ))}
        <span>Badges: open findings, coloured by the worst.</span>
        {data && !data.graph.hasLive ? <span>No sync yet: the live overlay appears after the first sync.</span> : null}
        {data?.canNudge ? <span>Drag a node to keep it where you want it.</span> : null}
        {figures ? (
          <span className="ml-auto text-slate-500" data-testid="diagram-figures">
            {figures}
          </span>
        ) : null}
      </div>
      {message ? (
        <p role="alert" className="text-sm text-amber-800">
          {message}
        </p>
      ) : null}

      <div className="relative h-[calc(100vh-16rem)] min-h-[480px] overflow-hidden rounded-lg border border-slate-200 bg-white">
        {error ? (
          <p role="alert" className="p-6 text-sm text-red-700">
            The diagram could not be loaded: {error.message}
          </p>
        ) : isPending || !graph || !data ? (
          <p role="status" className="p-6 text-sm text-slate-500">
            Loading the diagram…
          </p>
        ) : graph.nodes.length === 0 ? (
          <div className="p-6">
            {data.graph.nodes.length ? (
              <EmptyState title="Nothing matches the filters">
                <p>
                  No node of this view has the business group, environment or layer chosen. Clear a filter to see more.
                </p>
              </EmptyState>
            ) : (
              <EmptyState title="Nothing to draw yet">
                <p>
                  The diagram is generated from the specification and the latest sync: add VPCs, load balancers and
                  applications to the{" "}
                  <Link href={`/w/${workspace}/specification`} className="text-brand-700 underline">
                    specification
                  </Link>
                  , or connect and sync the{" "}
                  <Link href={`/w/${workspace}/live`} className="text-brand-700 underline">
                    live estate
                  </Link>
                  .
                </p>
              </EmptyState>
            )}
          </div>
        ) : (
          <ReactFlowProvider>
            <TopologyCanvas
              ref={canvas}
              graph={graph}
              pins={data.pins}
              canNudge={data.canNudge}
              revision={revision}
              onNudge={onNudge}
              onSelect={setSelected}
              onRendered={onRendered}
            />
          </ReactFlowProvider>
        )}
        {selectedNode && data ? (
          <NodePanel
            workspace={workspace}
            node={selectedNode}
            hasLive={data.graph.hasLive}
            onClose={() => {
              canvas.current?.clearSelection();
              setSelected(null);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
