// A diagram as one self-contained SVG document: the whole diagram (not a viewport), drawn from
// the same graph and layout as the page, for the SVG and PNG exports and the printed document.

import { absolutePositions, CONTAINER_HEADER, type TopologyLayout } from "@/lib/domain/topology/layout";
import { edgeColors, kindFills, liveOnlyEdgeColor, overlayStyles, severityColors } from "@/lib/domain/topology/style";
import { topologyViewLabels, type Overlay, type TopologyGraph } from "@/lib/domain/topology/types";

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
// About 7 px per character at 12 px: enough to keep a label inside its box without measuring.
const clip = (text: string, width: number, px = 7) => {
  const max = Math.max(4, Math.floor(width / px));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};
const MARGIN = 24;
const LEGEND = 28;

/** The diagram as an SVG document (deterministic for the same graph and layout). */
export function renderTopologySvg(graph: TopologyGraph, layout: TopologyLayout, title?: string): string {
  const abs = absolutePositions(graph, layout);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const size = (id: string) => layout.sizes[id] ?? { width: 0, height: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of graph.nodes) {
    const p = abs[node.id]!;
    const s = size(node.id);
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + s.width);
    maxY = Math.max(maxY, p.y + s.height);
  }
  if (!graph.nodes.length) minX = minY = maxX = maxY = 0;
  const header = title ? 32 : 0;
  const width = Math.ceil(maxX - minX + 2 * MARGIN);
  const height = Math.ceil(maxY - minY + 2 * MARGIN + header + LEGEND);
  const x = (v: number) => (v - minX + MARGIN).toFixed(1);
  const y = (v: number) => (v - minY + MARGIN + header).toFixed(1);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Inter, 'Segoe UI', Arial, sans-serif" font-size="12">`,
    `<title>${escapeXml(title ?? `${topologyViewLabels[graph.view]} view`)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  if (title)
    out.push(
      `<text x="${MARGIN}" y="${MARGIN + 8}" font-size="16" font-weight="600" fill="#0f172a">${escapeXml(title)}</text>`,
    );

  const border = (overlay: Overlay) => {
    const style = overlayStyles[overlay];
    return `stroke="${style.stroke}" stroke-width="${overlay === "different" || overlay === "live-only" ? 2 : 1.2}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ""}`;
  };
  const badge = (node: TopologyGraph["nodes"][number], right: number, top: number) =>
    node.worst
      ? `<g><circle cx="${(right - 12).toFixed(1)}" cy="${(top + 12).toFixed(1)}" r="9" fill="${severityColors[node.worst]}"/><text x="${(right - 12).toFixed(1)}" y="${(top + 16).toFixed(1)}" text-anchor="middle" font-size="10" font-weight="700" fill="#ffffff">${node.findings.length}</text></g>`
      : "";

  // Containers first (parents before children), then edges, then the boxes on top.
  for (const node of graph.nodes.filter((n) => n.container)) {
    const p = abs[node.id]!;
    const s = size(node.id);
    out.push(
      `<g data-id="${escapeXml(node.id)}"><rect x="${x(p.x)}" y="${y(p.y)}" width="${s.width.toFixed(1)}" height="${s.height.toFixed(1)}" rx="8" fill="${kindFills[node.kind]}" ${border(node.overlay)}/>`,
      `<text x="${x(p.x + 12)}" y="${y(p.y + 18)}" font-weight="600" fill="${overlayStyles[node.overlay].text}">${escapeXml(clip(node.label, s.width - 40))}</text>`,
      node.detail
        ? `<text x="${x(p.x + 12)}" y="${y(p.y + 34)}" font-size="11" fill="#64748b">${escapeXml(clip(node.detail, s.width - 24, 6.2))}</text>`
        : "",
      badge(node, Number(x(p.x + s.width)), Number(y(p.y))),
      `</g>`,
    );
  }
  for (const edge of graph.edges) {
    const a = abs[edge.source];
    const b = abs[edge.target];
    if (!a || !b) continue;
    const sa = size(edge.source);
    const sb = size(edge.target);
    const source = byId.get(edge.source)!;
    const target = byId.get(edge.target)!;
    // Leave a container from its header line, a box from its bottom; enter at the top.
    const x1 = a.x + sa.width / 2;
    const y1 = source.container ? a.y + CONTAINER_HEADER / 2 : a.y + sa.height;
    const x2 = b.x + sb.width / 2;
    const y2 = b.y;
    const sideways = edge.kind === "dr-pair" || edge.kind === "vpn";
    const path = sideways
      ? `M${x(a.x + sa.width)},${y(a.y + Math.min(sa.height, CONTAINER_HEADER) / 2)} L${x(b.x)},${y(b.y + Math.min(sb.height, CONTAINER_HEADER) / 2)}`
      : `M${x(x1)},${y(y1)} C${x(x1)},${y((y1 + y2) / 2)} ${x(x2)},${y((y1 + y2) / 2)} ${x(x2)},${y(y2)}`;
    const color = edge.origin === "live" ? liveOnlyEdgeColor : edgeColors[edge.kind];
    const dashed = source.overlay === "planned-only" || target.overlay === "planned-only";
    out.push(
      `<path d="${path}" fill="none" stroke="${color}" stroke-width="1.2"${dashed ? ' stroke-dasharray="5 4"' : ""} opacity="0.8"/>`,
    );
    if (edge.label && (edge.kind === "route" || edge.kind === "dr-pair")) {
      const mx = sideways ? (a.x + sa.width + b.x) / 2 : (x1 + x2) / 2;
      const my = sideways ? (a.y + b.y) / 2 + 12 : (y1 + y2) / 2;
      out.push(
        `<text x="${x(mx)}" y="${y(my)}" text-anchor="middle" font-size="10" fill="${color}">${escapeXml(clip(edge.label, 220, 6))}</text>`,
      );
    }
  }
  for (const node of graph.nodes.filter((n) => !n.container)) {
    const p = abs[node.id]!;
    const s = size(node.id);
    out.push(
      `<g data-id="${escapeXml(node.id)}"><rect x="${x(p.x)}" y="${y(p.y)}" width="${s.width.toFixed(1)}" height="${s.height.toFixed(1)}" rx="6" fill="${node.overlay === "planned-only" ? "#f8fafc" : kindFills[node.kind]}" ${border(node.overlay)}/>`,
      `<text x="${x(p.x + 10)}" y="${y(p.y + 22)}" font-weight="600" fill="${overlayStyles[node.overlay].text}">${escapeXml(clip(node.label, s.width - (node.worst ? 40 : 20)))}</text>`,
      node.detail
        ? `<text x="${x(p.x + 10)}" y="${y(p.y + 40)}" font-size="11" fill="#64748b">${escapeXml(clip(node.detail, s.width - 20, 6.2))}</text>`
        : "",
      badge(node, Number(x(p.x + s.width)), Number(y(p.y))),
      `</g>`,
    );
  }
  // Legend: what the borders mean.
  const overlays: Overlay[] = graph.hasLive ? ["both", "planned-only", "live-only", "different"] : ["plan"];
  let lx = MARGIN;
  const ly = height - LEGEND + 6;
  for (const overlay of overlays) {
    const style = overlayStyles[overlay];
    out.push(
      `<rect x="${lx}" y="${ly}" width="22" height="12" rx="3" fill="#ffffff" ${border(overlay)}/>`,
      `<text x="${lx + 28}" y="${ly + 10}" font-size="11" fill="#334155">${escapeXml(style.legend)}</text>`,
    );
    lx += 40 + style.legend.length * 6.2;
  }
  out.push(`</svg>`);
  return out.filter(Boolean).join("\n");
}
