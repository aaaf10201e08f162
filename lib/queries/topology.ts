import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Pin, Pins, TopologyGraph, TopologyView } from "@/lib/domain/topology/types";
import { apiFetch } from "@/lib/queries/api-client";

/** A diagram as GET /topology/{view} answers it. */
export type TopologyPayload = { graph: TopologyGraph; pins: Pins; canNudge: boolean; snapshotAt: string | null };

const path = (workspace: string, view: TopologyView) => `/workspaces/${encodeURIComponent(workspace)}/topology/${view}`;
const key = (workspace: string, view: TopologyView) => ["topology", workspace, view] as const;

/** One diagram: graph, overlay, findings per node and the saved nudges. */
export function useTopology(workspace: string, view: TopologyView) {
  return useQuery({
    queryKey: key(workspace, view),
    queryFn: () => apiFetch<TopologyPayload>(path(workspace, view)),
    // A diagram is redrawn when asked to, not every time the window gets focus.
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}

/** Saves where nodes were dragged; the cached pins follow, so that the next layout keeps them. */
export function useNudgeTopology(workspace: string, view: TopologyView) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (pins: Record<string, Pin | null>) =>
      apiFetch<{ pins: number }>(`${path(workspace, view)}/layout`, { method: "PATCH", body: { pins } }),
    onSuccess: (_result, pins) =>
      client.setQueryData<TopologyPayload>(key(workspace, view), (current) => {
        if (!current) return current;
        const next = { ...current.pins };
        for (const [id, pin] of Object.entries(pins)) {
          if (pin) next[id] = pin;
          else delete next[id];
        }
        return { ...current, pins: next };
      }),
  });
}

/** Forgets every nudge of the diagram and draws it again. */
export function useResetTopology(workspace: string, view: TopologyView) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ reset: boolean }>(`${path(workspace, view)}/layout`, { method: "DELETE" }),
    onSuccess: async () => {
      client.setQueryData<TopologyPayload>(key(workspace, view), (current) => current && { ...current, pins: {} });
      await client.invalidateQueries({ queryKey: key(workspace, view) });
    },
  });
}
