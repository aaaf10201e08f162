import { z } from "zod";
import type { Category, Finding, Severity, SpecEntry } from "@/lib/domain/governance/types";
import type { LiveKind, LiveResource } from "@/lib/domain/live/snapshot";
import type { SpecKind } from "@/lib/domain/spec/kinds";

/** The diagrams of a workspace; ids are stable (URLs and stored layouts use them). */
export const topologyViewSchema = z.enum(["platform", "api-led", "dr"], {
  error: "view must be platform, api-led or dr",
});
export type TopologyView = z.infer<typeof topologyViewSchema>;
export const topologyViews = topologyViewSchema.options;

export const topologyViewLabels: Record<TopologyView, string> = {
  platform: "Platform",
  "api-led": "API-led",
  dr: "Disaster recovery",
};

export type TopologyNodeKind =
  | "control-plane"
  | "region"
  | "vpc"
  | "private-space"
  | "shared-space"
  | "environment"
  | "load-balancer"
  | "application"
  | "vpn"
  | "data-centre"
  | "system"
  | "lane"
  | "tier"
  | "runtime-fabric"
  | "mule-cluster"
  | "server-group"
  | "mq-destination"
  | "object-store";

/**
 * How a node compares with the live estate: in both, planned but not built, built but not
 * planned, built differently from the plan; `plan` when there is no snapshot to compare with;
 * `none` for what is not compared (regions, lanes, systems).
 */
export type Overlay = "both" | "planned-only" | "live-only" | "different" | "plan" | "none";

/** A finding as a node shows it. */
export type NodeFinding = {
  fingerprint: string;
  ruleId: string;
  severity: Severity;
  category: Category;
  message: string;
};

/** One line of the side panel: a field of the plan or an attribute of the live resource. */
export type Fact = { label: string; value: string };

export type TopologyNode = {
  /** Stable across syncs and edits: built from the spec record's id, or the live resource's external id. */
  id: string;
  kind: TopologyNodeKind;
  label: string;
  /** A second line: CIDR, role, layer, DR tier. */
  detail: string | null;
  parent: string | null;
  container: boolean;
  overlay: Overlay;
  specRecordId: string | null;
  specKind: SpecKind | null;
  live: { kind: LiveKind; externalId: string } | null;
  /** For filters. */
  businessGroup: string | null;
  environments: string[];
  layer: "experience" | "process" | "system" | null;
  findings: NodeFinding[];
  /** The most severe open finding's severity, or null. */
  worst: Severity | null;
  plan: Fact[];
  actual: Fact[];
};

export type TopologyEdgeKind = "control" | "mapping" | "dependency" | "system" | "vpn" | "route" | "dr-pair";

export type TopologyEdge = {
  id: string;
  source: string;
  target: string;
  kind: TopologyEdgeKind;
  label: string | null;
  /** Where the edge comes from: the plan, the live estate, or both. */
  origin: "plan" | "live" | "both";
};

export type TopologyGraph = {
  view: TopologyView;
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  /** False before the first sync: the overlay has nothing to compare with. */
  hasLive: boolean;
};

/** A finding as the diagrams read it (the latest evaluation's open findings). */
export type TopologyFinding = Pick<
  Finding,
  | "fingerprint"
  | "ruleId"
  | "severity"
  | "category"
  | "resourceKind"
  | "resourceName"
  | "environment"
  | "message"
  | "specRecordId"
  | "liveExternalId"
>;

/** What a diagram is drawn from. */
export type TopologyInput = {
  spec: readonly SpecEntry[];
  live: readonly LiveResource[] | null;
  findings: readonly TopologyFinding[];
  /** The connection's control plane (us, eu, gov, custom), or null. */
  controlPlane: string | null;
};

/** A manual nudge: a node's position inside its parent when it was dragged there. */
export const pinSchema = z.object({
  x: z.number({ error: "x must be a number" }).finite().min(-1e6).max(1e6),
  y: z.number({ error: "y must be a number" }).finite().min(-1e6).max(1e6),
  parent: z.string().max(300).nullable(),
});
export type Pin = z.infer<typeof pinSchema>;

export const MAX_PINS = 20_000;

export const pinsSchema = z
  .record(z.string().min(1).max(300, { error: "a node id has at most 300 characters" }), pinSchema)
  .refine((pins) => Object.keys(pins).length <= MAX_PINS, { error: `at most ${MAX_PINS} nudged nodes per view` });
export type Pins = z.infer<typeof pinsSchema>;
