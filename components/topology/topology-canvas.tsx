"use client";

import "@xyflow/react/dist/style.css";
import {
  applyNodeChanges,
  Background,
  Controls,
  MarkerType,
  MiniMap,
  Position,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type ReactFlowState,
  type Edge,
  type NodeChange,
} from "@xyflow/react";
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from "react";
import { nodeTypes, OverviewContext, type DiagramNode } from "@/components/topology/topology-nodes";
import { useTopologyLayout } from "@/components/topology/use-topology-layout";
import type { TopologyLayout } from "@/lib/domain/topology/layout";
import { edgeColors, liveOnlyEdgeColor, overlayStyles, severityColors } from "@/lib/domain/topology/style";
import type { Pin, Pins, TopologyGraph } from "@/lib/domain/topology/types";

export type TopologyCanvasProps = {
  graph: TopologyGraph;
  pins: Pins;
  canNudge: boolean;
  /** Lay out again although the graph is the same (after a reset of the nudges). */
  revision?: number;
  onNudge?: (pins: Record<string, Pin>) => void;
  onSelect?: (nodeId: string | null) => void;
  /** Called once per layout with its time in the worker and the time to the first painted frame. */
  onRendered?: (figures: { layoutMs: number; renderMs: number; nodes: number; edges: number }) => void;
  createWorker?: () => Worker;
};

/** What the toolbar can ask of the canvas. */
export type TopologyCanvasHandle = {
  focusNode: (id: string) => void;
  /** Unselects every node (the details panel was closed: a redraw must not select it again). */
  clearSelection: () => void;
  fitAll: () => void;
  /** The graph and the layout as drawn now, nudges included. */
  current: () => { graph: TopologyGraph; layout: TopologyLayout } | null;
};

/**
 * Every node's size and its two handles (top centre in, bottom centre out) are known from the
 * layout, so React Flow is told them instead of measuring thousands of DOM nodes before it can
 * draw the first edge.
 */
function toFlowNodes(graph: TopologyGraph, layout: TopologyLayout, overview: boolean): DiagramNode[] {
  const leaves = new Map<string, number>();
  for (const node of graph.nodes)
    if (!node.container && node.parent) leaves.set(node.parent, (leaves.get(node.parent) ?? 0) + 1);
  return graph.nodes.map((node) => {
    const { width, height } = layout.sizes[node.id] ?? { width: 1, height: 1 };
    return {
      id: node.id,
      type: node.container ? "container" : "leaf",
      position: layout.positions[node.id] ?? { x: 0, y: 0 },
      width,
      height,
      measured: { width, height },
      handles: [
        { type: "target", position: Position.Top, x: width / 2 - 0.5, y: 0, width: 1, height: 1 },
        { type: "source", position: Position.Bottom, x: width / 2 - 0.5, y: height - 1, width: 1, height: 1 },
      ],
      parentId: node.parent ?? undefined,
      extent: node.parent ? "parent" : undefined,
      hidden: overview && !node.container,
      data: { node, leaves: leaves.get(node.id) ?? 0 },
      // Containers below their contents; edges are drawn above containers (see the CSS below).
      zIndex: node.container ? 0 : 1,
    };
  });
}

function toFlowEdges(graph: TopologyGraph, overview: boolean): Edge[] {
  const overlay = new Map(graph.nodes.map((n) => [n.id, n.overlay]));
  const leaves = new Set(overview ? graph.nodes.filter((n) => !n.container).map((n) => n.id) : []);
  return graph.edges.map((edge) => {
    const color = edge.origin === "live" ? liveOnlyEdgeColor : edgeColors[edge.kind];
    const dashed = overlay.get(edge.source) === "planned-only" || overlay.get(edge.target) === "planned-only";
    const labelled = edge.kind === "route" || edge.kind === "dr-pair";
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      // React Flow keeps drawing the edges of hidden nodes.
      hidden: leaves.has(edge.source) || leaves.has(edge.target),
      type: edge.kind === "dr-pair" ? "straight" : "default",
      label: labelled ? (edge.label ?? undefined) : undefined,
      labelStyle: { fontSize: 10, fill: color },
      style: { stroke: color, strokeWidth: 1.2, strokeDasharray: dashed ? "5 4" : undefined },
      markerEnd: edge.kind === "control" ? undefined : { type: MarkerType.ArrowClosed, color, width: 14, height: 14 },
      focusable: false,
      selectable: false,
      // Edges are not clickable: no invisible wide path per edge to hit-test and paint.
      interactionWidth: 0,
      zIndex: 2,
    } satisfies Edge;
  });
}

/**
 * Estate-scale diagrams zoomed out this far draw their containers only (regions, VPCs,
 * environments, lanes): thousands of leaves a few pixels wide say nothing and cost seconds to
 * paint. Zooming in (or finding a node) brings them back, in view only.
 */
export const OVERVIEW_MIN_NODES = 600;
export const OVERVIEW_ZOOM = 0.2;
const zoomedOutSelector = (state: ReactFlowState) => state.transform[2] < OVERVIEW_ZOOM;
const FIT_PADDING = 0.05;

/** The zoom fitView will choose for a layout in a pane of this size. */
function fitZoom(layout: TopologyLayout, width: number, height: number): number {
  if (!layout.width || !layout.height || !width || !height) return 1;
  return Math.min(width / layout.width, height / layout.height) / (1 + 2 * FIT_PADDING);
}

/**
 * The diagram itself: lays the graph out in a worker, draws it with React Flow (only what is in
 * view), and reports nudges when a drag ends.
 */
export const TopologyCanvas = forwardRef<TopologyCanvasHandle, TopologyCanvasProps>(function TopologyCanvas(
  { graph, pins, canNudge, revision, onNudge, onSelect, onRendered, createWorker },
  ref,
) {
  const state = useTopologyLayout(graph, pins, revision, createWorker);
  const flow = useReactFlow();
  const store = useStoreApi();
  const [nodes, setNodes] = useState<DiagramNode[]>([]);
  const laidOut = state.status === "ready" ? state : null;
  const [overview, setOverview] = useState(false);
  const edges = useMemo(() => (laidOut ? toFlowEdges(laidOut.graph, overview) : []), [laidOut, overview]);
  const pending = useRef<{ layoutMs: number; started: number } | null>(null);
  const large = (laidOut?.graph.nodes.length ?? 0) >= OVERVIEW_MIN_NODES;
  const zoomedOut = useStore(zoomedOutSelector);
  // Until the first fit the zoom is React Flow's default, not the diagram's.
  const [fitted, setFitted] = useState(false);

  useEffect(() => {
    if (!laidOut) return;
    pending.current = { layoutMs: laidOut.ms, started: performance.now() };
    // Start as the fitted view will be, so that the first paint does not draw leaves to hide them.
    const { width, height } = store.getState();
    const predicted = large && fitZoom(laidOut.layout, width, height) < OVERVIEW_ZOOM;
    setOverview(predicted);
    setNodes(toFlowNodes(laidOut.graph, laidOut.layout, predicted));
  }, [laidOut, large, store]);

  useEffect(() => {
    if (!fitted) return;
    const hide = large && zoomedOut;
    setOverview(hide);
    setNodes((current) =>
      current.some((n) => !n.data.node.container && Boolean(n.hidden) !== hide)
        ? current.map((n) => (n.data.node.container || Boolean(n.hidden) === hide ? n : { ...n, hidden: hide }))
        : current,
    );
  }, [fitted, large, zoomedOut]);

  // The first frame painted with the new nodes: fit them, then report the figures.
  useEffect(() => {
    if (!pending.current || !laidOut || nodes.length !== laidOut.graph.nodes.length) return;
    const figures = pending.current;
    pending.current = null;
    requestAnimationFrame(() => {
      void flow.fitView({ padding: FIT_PADDING }).then(() => setFitted(true));
      requestAnimationFrame(() =>
        onRendered?.({
          layoutMs: figures.layoutMs,
          renderMs: performance.now() - figures.started,
          nodes: laidOut.graph.nodes.length,
          edges: laidOut.graph.edges.length,
        }),
      );
    });
  }, [nodes, laidOut, flow, onRendered]);

  const onNodesChange = useCallback(
    (changes: NodeChange<DiagramNode>[]) => setNodes((current) => applyNodeChanges(changes, current)),
    [],
  );

  useImperativeHandle(
    ref,
    () => ({
      focusNode: (id) => {
        setNodes((current) => current.map((n) => ({ ...n, selected: n.id === id })));
        void flow.fitView({ nodes: [{ id }], includeHiddenNodes: true, duration: 400, maxZoom: 1.4, padding: 0.4 });
        onSelect?.(id);
      },
      clearSelection: () =>
        setNodes((current) =>
          current.some((n) => n.selected) ? current.map((n) => ({ ...n, selected: false })) : current,
        ),
      fitAll: () => void flow.fitView({ padding: FIT_PADDING, duration: 300 }),
      current: () => {
        if (!laidOut) return null;
        const positions = Object.fromEntries(nodes.map((n) => [n.id, n.position]));
        return { graph: laidOut.graph, layout: { ...laidOut.layout, positions } };
      },
    }),
    [flow, laidOut, nodes, onSelect],
  );

  if (state.status === "failed")
    return (
      <p role="alert" className="p-6 text-sm text-red-700">
        The diagram could not be laid out: {state.error}
      </p>
    );

  return (
    <div className="relative h-full w-full" data-testid="topology-canvas" data-state={laidOut ? "ready" : "pending"}>
      {laidOut ? null : (
        <p className="absolute inset-0 z-10 flex items-center justify-center text-sm text-slate-500" role="status">
          Laying out {graph.nodes.length.toLocaleString("en")} nodes…
        </p>
      )}
      <OverviewContext value={overview}>
        <ReactFlow<DiagramNode, Edge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onSelectionChange={({ nodes: selected }) => onSelect?.(selected.length === 1 ? selected[0]!.id : null)}
          onNodeDragStop={(_event, _node, dragged) => {
            if (!canNudge || !onNudge) return;
            onNudge(
              Object.fromEntries(
                dragged.map((n) => [n.id, { x: n.position.x, y: n.position.y, parent: n.parentId ?? null }]),
              ),
            );
          }}
          nodesDraggable={canNudge}
          nodesConnectable={false}
          edgesFocusable={false}
          onlyRenderVisibleElements
          minZoom={0.02}
          maxZoom={2}
          fitView
          proOptions={{ hideAttribution: false }}
        >
          <Background gap={24} color="#e2e8f0" />
          <MiniMap<DiagramNode>
            pannable
            zoomable
            ariaLabel="Mini map of the diagram"
            nodeColor={(n) =>
              n.data.node.worst ? severityColors[n.data.node.worst] : n.data.node.container ? "#e2e8f0" : "#94a3b8"
            }
            nodeStrokeColor={(n) => overlayStyles[n.data.node.overlay].stroke}
          />
          <Controls showInteractive={false} />
        </ReactFlow>
      </OverviewContext>
    </div>
  );
});
