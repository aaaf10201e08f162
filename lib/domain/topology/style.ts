import type { Severity } from "@/lib/domain/governance/types";
import type { Overlay, TopologyEdgeKind, TopologyNodeKind } from "@/lib/domain/topology/types";

// One palette for the page and the exported SVG, so that a printed diagram reads like the screen.

/** How a node's border says what the overlay found. */
export const overlayStyles: Record<Overlay, { stroke: string; dash: string | null; text: string; legend: string }> = {
  both: { stroke: "#475569", dash: null, text: "#0f172a", legend: "Planned and built" },
  "planned-only": { stroke: "#64748b", dash: "6 4", text: "#475569", legend: "Planned, not built (dashed)" },
  "live-only": { stroke: "#9333ea", dash: null, text: "#581c87", legend: "Built, not planned" },
  different: { stroke: "#d97706", dash: null, text: "#0f172a", legend: "Built differently from the plan" },
  plan: { stroke: "#475569", dash: null, text: "#0f172a", legend: "Planned (no live snapshot yet)" },
  none: { stroke: "#94a3b8", dash: null, text: "#0f172a", legend: "" },
};

/** Fill of a node by kind. */
export const kindFills: Record<TopologyNodeKind, string> = {
  "control-plane": "#e0e7ff",
  region: "#f8fafc",
  vpc: "#eff6ff",
  "private-space": "#faf5ff",
  "shared-space": "#f1f5f9",
  environment: "#ffffff",
  "load-balancer": "#ecfeff",
  application: "#ffffff",
  vpn: "#f0fdf4",
  "data-centre": "#f0fdf4",
  system: "#fefce8",
  lane: "#f8fafc",
  tier: "#ffffff",
  "runtime-fabric": "#f5f5f4",
  "mule-cluster": "#f5f5f4",
  "server-group": "#f5f5f4",
  "mq-destination": "#f0f9ff",
  "object-store": "#f7fee7",
};

export const kindLabels: Record<TopologyNodeKind, string> = {
  "control-plane": "Control plane",
  region: "Runtime region",
  vpc: "VPC",
  "private-space": "Private space",
  "shared-space": "Shared space",
  environment: "Environment",
  "load-balancer": "Load balancer",
  application: "Application",
  vpn: "VPN",
  "data-centre": "Data centre",
  system: "Backend system",
  lane: "Lane",
  tier: "DR tier",
  "runtime-fabric": "Runtime Fabric",
  "mule-cluster": "Mule cluster",
  "server-group": "Server group",
  "mq-destination": "MQ destination",
  "object-store": "Object store",
};

export const severityColors: Record<Severity, string> = { error: "#dc2626", warning: "#d97706", info: "#2563eb" };

/** Behind white text (a badge): dark enough for 4.5:1 contrast. */
export const severityBadgeColors: Record<Severity, string> = { error: "#b91c1c", warning: "#b45309", info: "#1d4ed8" };

export const edgeColors: Record<TopologyEdgeKind, string> = {
  control: "#a5b4fc",
  mapping: "#0891b2",
  dependency: "#64748b",
  system: "#ca8a04",
  vpn: "#16a34a",
  route: "#16a34a",
  "dr-pair": "#ea580c",
};

/** A live-only edge is drawn in the live-only colour whatever its kind. */
export const liveOnlyEdgeColor = overlayStyles["live-only"].stroke;
