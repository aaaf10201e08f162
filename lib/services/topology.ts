import { z } from "zod";
import {
  deleteTopologyPins,
  findTopologyPins,
  loadTopologySources,
  mergeTopologyPins,
} from "@/lib/db/topology-repository";
import { can } from "@/lib/domain/access";
import { buildTopology, topologySpecKinds } from "@/lib/domain/topology/build";
import {
  MAX_PINS,
  pinSchema,
  topologyViewSchema,
  type Pins,
  type TopologyGraph,
  type TopologyView,
} from "@/lib/domain/topology/types";
import type { ServiceContext } from "@/lib/services/context";
import { ServiceError } from "@/lib/services/errors";
import { authorizeWorkspace } from "@/lib/services/guard";
import { parseInput } from "@/lib/services/validation";

/** A diagram as the browser draws it: the graph, the nudges, and whether this actor may nudge. */
export type TopologyPayload = {
  graph: TopologyGraph;
  pins: Pins;
  canNudge: boolean;
  /** When the live snapshot the overlay compares with was read, or null before the first sync. */
  snapshotAt: string | null;
};

const parseView = (view: unknown): TopologyView => parseInput(z.object({ view: topologyViewSchema }), { view }).view;

/** One diagram of a workspace, with the live overlay, the open findings on the nodes and the saved nudges. */
export async function getTopology(ctx: ServiceContext, slug: string, view: unknown): Promise<TopologyPayload> {
  const workspace = await authorizeWorkspace(ctx, slug);
  const v = parseView(view);
  const [sources, pins] = await Promise.all([
    loadTopologySources(ctx.db.prisma, workspace.id, topologySpecKinds),
    findTopologyPins(ctx.db.prisma, workspace.id, v),
  ]);
  return {
    graph: buildTopology(v, sources),
    pins,
    canNudge: can(ctx.actor, "spec:edit"),
    snapshotAt: sources.snapshotAt?.toISOString() ?? null,
  };
}

export const nudgeSchema = z.object({
  pins: z
    .record(z.string().min(1).max(300, { error: "a node id has at most 300 characters" }), pinSchema.nullable())
    .refine((pins) => Object.keys(pins).length > 0, { error: "name at least one node" })
    .refine((pins) => Object.keys(pins).length <= 1000, { error: "at most 1000 nodes per request" }),
});

/** Saves where nodes were dragged (null forgets a node's place); architects and administrators only. */
export async function nudgeTopology(
  ctx: ServiceContext,
  slug: string,
  view: unknown,
  input: unknown,
): Promise<{ pins: number }> {
  const workspace = await authorizeWorkspace(ctx, slug, "spec:edit");
  const v = parseView(view);
  const { pins } = parseInput(nudgeSchema, input);
  const current = await findTopologyPins(ctx.db.prisma, workspace.id, v);
  const added = Object.keys(pins).filter((id) => pins[id] && !(id in current)).length;
  if (Object.keys(current).length + added > MAX_PINS)
    throw new ServiceError(
      422,
      "too_many_nudges",
      `This diagram already keeps ${Object.keys(current).length} nudged nodes; at most ${MAX_PINS}. Reset the layout first.`,
    );
  const count = await mergeTopologyPins(ctx.db.prisma, workspace.id, v, pins, {
    actor: ctx.actor,
    origin: ctx.origin,
  });
  return { pins: count };
}

/** Forgets every nudge of a diagram: the next drawing is the generated layout. */
export async function resetTopology(ctx: ServiceContext, slug: string, view: unknown): Promise<{ reset: boolean }> {
  const workspace = await authorizeWorkspace(ctx, slug, "spec:edit");
  const v = parseView(view);
  return { reset: await deleteTopologyPins(ctx.db.prisma, workspace.id, v, { actor: ctx.actor, origin: ctx.origin }) };
}
