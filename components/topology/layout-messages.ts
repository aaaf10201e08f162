import type { TopologyLayout } from "@/lib/domain/topology/layout";
import type { Pins, TopologyGraph } from "@/lib/domain/topology/types";

/** What the page asks the layout worker. */
export type LayoutRequest = { id: number; graph: TopologyGraph; pins: Pins };

/** What the worker answers: the layout and how long it took, or why it failed. */
export type LayoutResponse = { id: number; layout: TopologyLayout; ms: number } | { id: number; error: string };
