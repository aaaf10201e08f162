import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AuditEvent as DomainAuditEvent } from "@/lib/domain/audit";
import type { Json } from "@/lib/domain/json";
import type { SpecRecordView } from "@/lib/domain/spec/record";
import { apiFetch } from "@/lib/queries/api-client";

/** A specification record as the API returns it, with the decisions that govern it ("governed by D03"). */
export type SpecRecord = Omit<Json<SpecRecordView>, "governedBy"> & Partial<Pick<Json<SpecRecordView>, "governedBy">>;

type AuditState = { title?: string; version?: number; data?: Record<string, unknown> } | null;

/** An audit event as the API returns it (before and after as the services record them). */
export type AuditEvent = Omit<Json<DomainAuditEvent>, "actorId" | "before" | "after"> & {
  before: AuditState;
  after: AuditState;
};

const base = (workspace: string) => `/workspaces/${encodeURIComponent(workspace)}`;

export const specRecordsQuery = (workspace: string, kind: string) =>
  queryOptions({
    queryKey: ["spec", workspace, kind],
    queryFn: async () => (await apiFetch<{ items: SpecRecord[] }>(`${base(workspace)}/spec/${kind}`)).items,
  });

export const auditQuery = (workspace: string, filter: Record<string, string>) =>
  queryOptions({
    queryKey: ["audit", workspace, filter],
    queryFn: () =>
      apiFetch<{ items: AuditEvent[]; nextCursor: string | null }>(
        `${base(workspace)}/audit?${new URLSearchParams(filter).toString()}`,
      ),
  });

export function useSpecRecords(workspace: string, kind: string, initialData?: SpecRecord[]) {
  return useQuery({ ...specRecordsQuery(workspace, kind), initialData });
}

export function useRecordHistory(workspace: string, id: string | null) {
  return useQuery({ ...auditQuery(workspace, { entityId: id ?? "" }), enabled: !!id });
}

export function useAuditEvents(workspace: string, filter: Record<string, string>) {
  return useQuery(auditQuery(workspace, filter));
}

/** Create, update and delete of one section's records; each refreshes the section and histories. */
export function useSpecMutations(workspace: string, kind: string) {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["spec", workspace] }),
      client.invalidateQueries({ queryKey: ["audit", workspace] }),
    ]);
  return {
    create: useMutation({
      mutationFn: (data: Record<string, unknown>) =>
        apiFetch<SpecRecord>(`${base(workspace)}/spec/${kind}`, { method: "POST", body: data }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, version, data }: { id: string; version: number; data: Record<string, unknown> }) =>
        apiFetch<SpecRecord>(`${base(workspace)}/spec/${kind}/${id}`, { method: "PUT", body: { version, data } }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        apiFetch<void>(`${base(workspace)}/spec/${kind}/${id}?version=${version}`, { method: "DELETE" }),
      onSuccess: refresh,
    }),
  };
}
