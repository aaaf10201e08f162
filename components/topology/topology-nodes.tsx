"use client";

import { Handle, Position, useStore, type Node, type NodeProps, type ReactFlowState } from "@xyflow/react";
import { createContext, memo, useCallback, useContext } from "react";
import { kindFills, kindLabels, overlayStyles, severityColors } from "@/lib/domain/topology/style";
import type { TopologyNode } from "@/lib/domain/topology/types";

/** `leaves`: how many leaves a container holds directly (the overview says so instead of drawing them). */
export type DiagramNodeData = { node: TopologyNode; leaves: number };
// Not React Flow's built-in "group"/"default" types: their stylesheet would add its own border and padding.
export type DiagramNode = Node<DiagramNodeData, "leaf" | "container">;

const overlayText: Record<TopologyNode["overlay"], string> = {
  both: "planned and built",
  "planned-only": "planned, not built",
  "live-only": "built, not planned",
  different: "built differently from the plan",
  plan: "planned",
  none: "",
};

/** How a node reads to a screen reader: kind, name, overlay, findings. */
export function describeNode(node: TopologyNode): string {
  const parts = [`${kindLabels[node.kind]} ${node.label}`];
  if (overlayText[node.overlay]) parts.push(overlayText[node.overlay]);
  if (node.findings.length)
    parts.push(`${node.findings.length} finding${node.findings.length === 1 ? "" : "s"}, worst ${node.worst}`);
  return parts.join(", ");
}

function Badge({ node }: { node: TopologyNode }) {
  if (!node.worst) return null;
  return (
    <span
      data-testid="finding-badge"
      data-severity={node.worst}
      title={`${node.findings.length} open finding${node.findings.length === 1 ? "" : "s"}, worst: ${node.worst}`}
      className="absolute -top-2 -right-2 flex h-5 min-w-5 items-center justify-center rounded-full px-1 text-[10px] font-bold text-white shadow"
      style={{ background: severityColors[node.worst] }}
    >
      {node.findings.length}
    </span>
  );
}

const border = (node: TopologyNode) => {
  const style = overlayStyles[node.overlay];
  const heavy = node.overlay === "different" || node.overlay === "live-only";
  return {
    borderColor: style.stroke,
    borderStyle: style.dash ? "dashed" : "solid",
    borderWidth: heavy ? 2 : 1,
    color: style.text,
  } as const;
};

const hidden = "!h-1 !w-1 !min-w-0 !border-0 !bg-transparent";

/**
 * Below this zoom text is too small to read (12 px at 0.4 is under 5 px): nodes draw as coloured
 * boxes only, which keeps a whole-estate view cheap to paint. Crossing it re-renders nodes once;
 * panning and zooming on either side re-render nothing.
 */
export const COMPACT_ZOOM = 0.4;
const compactSelector = (state: ReactFlowState) => state.transform[2] < COMPACT_ZOOM;
const useCompact = () => useStore(compactSelector);
/** True while an estate-scale diagram is zoomed out to its containers (see the canvas). */
export const OverviewContext = createContext(false);

/** In the overview, container titles are drawn at a readable size whatever the zoom. */
function useOverviewTitleSize(): number | null {
  const overview = useContext(OverviewContext);
  // Rounded so that a zoom gesture re-renders the few containers a few times, not every frame.
  const zoom = useStore(
    useCallback((s: ReactFlowState) => (overview ? Math.round(s.transform[2] * 100) / 100 : 0), [overview]),
  );
  return overview && zoom > 0 ? Math.round(13 / zoom) : null;
}

// Layout and style of a node stay inside it; the badge may overflow, so paint is not contained.
const contained = { contain: "layout style" } as const;

/** A leaf of the diagram: an application, load balancer, VPN, system, the control plane. */
export const BoxNode = memo(function BoxNode({ data, selected }: NodeProps<DiagramNode>) {
  const { node } = data;
  const compact = useCompact();
  return (
    <div
      role="group"
      aria-label={describeNode(node)}
      data-overlay={node.overlay}
      data-kind={node.kind}
      className={`relative flex h-full w-full flex-col justify-center rounded-md px-2.5 ${selected ? "ring-2 ring-brand-600" : ""}`}
      style={{
        ...border(node),
        ...contained,
        background: node.overlay === "planned-only" ? "#f8fafc" : kindFills[node.kind],
      }}
      title={node.label}
    >
      <Handle type="target" position={Position.Top} className={hidden} isConnectable={false} />
      {compact ? null : (
        <>
          <span className="truncate text-[12px] leading-4 font-semibold">{node.label}</span>
          {node.detail ? <span className="truncate text-[11px] leading-4 text-slate-600">{node.detail}</span> : null}
        </>
      )}
      <Badge node={node} />
      <Handle type="source" position={Position.Bottom} className={hidden} isConnectable={false} />
    </div>
  );
});

/** A container: region, VPC, private space, environment, lane, DR tier. */
export const GroupNode = memo(function GroupNode({ data, selected }: NodeProps<DiagramNode>) {
  const { node } = data;
  const compact = useCompact();
  const titleSize = useOverviewTitleSize();
  return (
    <div
      role="group"
      aria-label={describeNode(node)}
      data-overlay={node.overlay}
      data-kind={node.kind}
      className={`relative h-full w-full rounded-lg ${selected ? "ring-2 ring-brand-600" : ""}`}
      style={{ ...border(node), ...contained, background: kindFills[node.kind] }}
    >
      <Handle type="target" position={Position.Top} className={hidden} isConnectable={false} />
      {titleSize ? (
        <div
          className="truncate px-[0.5em] pt-[0.3em] leading-tight font-semibold"
          style={{ fontSize: titleSize }}
          title={node.label}
        >
          {node.label}
          {node.detail ? <span className="font-normal text-slate-600"> · {node.detail}</span> : null}
          {data.leaves ? (
            <span className="font-normal text-slate-600">
              {" "}
              · {data.leaves.toLocaleString("en")} inside, zoom in to see them
            </span>
          ) : null}
        </div>
      ) : compact ? null : (
        <>
          <div className="truncate px-3 pt-1.5 text-[12px] leading-4 font-semibold" title={node.label}>
            {node.label}
          </div>
          {node.detail ? <div className="truncate px-3 text-[11px] leading-4 text-slate-600">{node.detail}</div> : null}
        </>
      )}
      <Badge node={node} />
      <Handle type="source" position={Position.Bottom} className={hidden} isConnectable={false} />
    </div>
  );
});

export const nodeTypes = { leaf: BoxNode, container: GroupNode };
