import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Json } from "@/lib/domain/json";
import type { ConnectionCheck, ConnectionView } from "@/lib/domain/live/connection";
import type { LiveResourcesPage, StoredLiveResource } from "@/lib/domain/live/snapshot";
import type { SyncRun as DomainSyncRun } from "@/lib/domain/live/sync-run";
import { apiFetch } from "@/lib/queries/api-client";

export type SyncRun = Json<DomainSyncRun>;

export type LiveOverview = {
  connected: boolean;
  baseUrl: string | null;
  current: SyncRun | null;
  runs: SyncRun[];
  facets: { environments: string[]; businessGroups: string[] };
};

export type LiveResource = Json<StoredLiveResource>;

export type LiveFilter = { kind: string; environment: string; businessGroup: string; q: string; offset: number };

export type Connection = Json<ConnectionView>;

export type { ConnectionCheck };

const base = (workspace: string) => `/workspaces/${encodeURIComponent(workspace)}`;

export function useLiveOverview(workspace: string, initialData?: LiveOverview) {
  return useQuery({
    queryKey: ["live", workspace, "overview"],
    queryFn: () => apiFetch<LiveOverview>(`${base(workspace)}/live`),
    initialData,
    // While a sync runs, follow its progress.
    refetchInterval: (query) => (query.state.data?.runs[0]?.status === "running" ? 1000 : false),
  });
}

export function useLiveResources(workspace: string, filter: LiveFilter, pageSize: number) {
  return useQuery({
    queryKey: ["live", workspace, "resources", filter],
    queryFn: () => {
      const params = new URLSearchParams(
        Object.entries({ ...filter, offset: String(filter.offset), limit: String(pageSize) }).filter(
          ([, value]) => value !== "",
        ),
      );
      return apiFetch<Json<LiveResourcesPage>>(`${base(workspace)}/live/resources?${params.toString()}`);
    },
    placeholderData: keepPreviousData,
  });
}

/** Start, cancel, confirm and discard syncs; each refreshes the live views. */
export function useSyncMutations(workspace: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ["live", workspace] });
  const post = (path: string, body?: unknown) =>
    apiFetch<SyncRun>(`${base(workspace)}${path}`, { method: "POST", body });
  return {
    start: useMutation({ mutationFn: (force: boolean) => post("/syncs", { force }), onSuccess: refresh }),
    cancel: useMutation({ mutationFn: (id: string) => post(`/syncs/${id}/cancel`), onSuccess: refresh }),
    confirm: useMutation({ mutationFn: (id: string) => post(`/syncs/${id}/confirm`), onSuccess: refresh }),
    discard: useMutation({ mutationFn: (id: string) => post(`/syncs/${id}/discard`), onSuccess: refresh }),
  };
}

export function useConnectionMutations(workspace: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ["live", workspace] });
  return {
    save: useMutation({
      mutationFn: (input: Record<string, unknown>) =>
        apiFetch<Connection>(`${base(workspace)}/connection`, { method: "PUT", body: input }),
      onSuccess: refresh,
    }),
    test: useMutation({
      mutationFn: () =>
        apiFetch<{ ok: boolean; checks: ConnectionCheck[] }>(`${base(workspace)}/connection/test`, { method: "POST" }),
    }),
    remove: useMutation({
      mutationFn: () => apiFetch<void>(`${base(workspace)}/connection`, { method: "DELETE" }),
      onSuccess: refresh,
    }),
  };
}
