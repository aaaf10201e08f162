"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { kindFills, kindLabels, overlayStyles, severityColors } from "@/lib/domain/topology/style";
import type { TopologyNode } from "@/lib/domain/topology/types";

export type DiagramNodeData = { node: TopologyNode };
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

/** A leaf of the diagram: an application, load balancer, VPN, system, the control plane. */
export const BoxNode = memo(function BoxNode({ data, selected }: NodeProps<DiagramNode>) {
  const { node } = data;
  return (
    <div
      role="group"
      aria-label={describeNode(node)}
      data-overlay={node.overlay}
      data-kind={node.kind}
      className={`relative flex h-full w-full flex-col justify-center rounded-md px-2.5 ${selected ? "ring-2 ring-brand-600" : ""}`}
      style={{ ...border(node), background: node.overlay === "planned-only" ? "#f8fafc" : kindFills[node.kind] }}
      title={node.label}
    >
      <Handle type="target" position={Position.Top} className={hidden} isConnectable={false} />
      <span className="truncate text-[12px] leading-4 font-semibold">{node.label}</span>
      {node.detail ? <span className="truncate text-[11px] leading-4 text-slate-600">{node.detail}</span> : null}
      <Badge node={node} />
      <Handle type="source" position={Position.Bottom} className={hidden} isConnectable={false} />
    </div>
  );
});

/** A container: region, VPC, private space, environment, lane, DR tier. */
export const GroupNode = memo(function GroupNode({ data, selected }: NodeProps<DiagramNode>) {
  const { node } = data;
  return (
    <div
      role="group"
      aria-label={describeNode(node)}
      data-overlay={node.overlay}
      data-kind={node.kind}
      className={`relative h-full w-full rounded-lg ${selected ? "ring-2 ring-brand-600" : ""}`}
      style={{ ...border(node), background: kindFills[node.kind] }}
    >
      <Handle type="target" position={Position.Top} className={hidden} isConnectable={false} />
      <div className="truncate px-3 pt-1.5 text-[12px] leading-4 font-semibold" title={node.label}>
        {node.label}
      </div>
      {node.detail ? <div className="truncate px-3 text-[11px] leading-4 text-slate-600">{node.detail}</div> : null}
      <Badge node={node} />
      <Handle type="source" position={Position.Bottom} className={hidden} isConnectable={false} />
    </div>
  );
});

export const nodeTypes = { leaf: BoxNode, container: GroupNode };
