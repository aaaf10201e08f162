import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/queries/api-client";
import { findingSearchParams, type FindingFilter } from "@/lib/queries/finding-filter";

export type { FindingFilter };

export type FindingItem = {
  id: string;
  fingerprint: string;
  ruleId: string;
  ruleTitle: string;
  severity: "error" | "warning" | "info";
  category: string;
  resourceKind: string;
  resourceName: string;
  environment: string | null;
  businessGroup: string | null;
  message: string;
  remediation: string;
  specRecordId: string | null;
  liveExternalId: string | null;
  status: "open" | "waived" | "resolved";
  waiverId: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
};

export type Waiver = {
  id: string;
  fingerprint: string | null;
  ruleId: string | null;
  resourceName: string | null;
  environment: string | null;
  reason: string;
  status: "requested" | "approved" | "rejected" | "revoked";
  requestedById: string;
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string;
  expiresAt: string;
  version: number;
};

const base = (workspace: string) => `/workspaces/${encodeURIComponent(workspace)}`;

export type FindingsPage = { items: FindingItem[]; total: number; nextCursor: string | null };

/** A page of findings; `initialPage` is the page the server rendered, used while its filter is in force. */
export function useFindings(workspace: string, filter: FindingFilter, pageSize: number, initialPage?: FindingsPage) {
  return useQuery({
    queryKey: ["governance", workspace, "findings", filter],
    queryFn: () =>
      apiFetch<FindingsPage>(`${base(workspace)}/findings?${findingSearchParams(filter, pageSize).toString()}`),
    placeholderData: keepPreviousData,
    initialData: initialPage,
  });
}

export function useWaivers(workspace: string) {
  return useQuery({
    queryKey: ["governance", workspace, "waivers"],
    queryFn: async () => (await apiFetch<{ items: Waiver[] }>(`${base(workspace)}/waivers`)).items,
  });
}

/** Refreshes findings, waivers and the dashboard after a change. */
function useGovernanceRefresh(workspace: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["governance", workspace] });
}

/** Runs the rules now; refreshes findings, waivers and the dashboard. */
export function useRunEvaluation(workspace: string) {
  const refresh = useGovernanceRefresh(workspace);
  return useMutation({
    mutationFn: () => apiFetch<unknown>(`${base(workspace)}/evaluations`, { method: "POST" }),
    onSuccess: refresh,
  });
}

/** Requests a waiver of one finding (one hook per open form, not per listed finding). */
export function useRequestWaiver(workspace: string) {
  const refresh = useGovernanceRefresh(workspace);
  return useMutation({
    mutationFn: (input: { fingerprint: string; reason: string; expiresAt: string }) =>
      apiFetch<Waiver>(`${base(workspace)}/waivers`, { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

/** Approves, rejects or revokes a waiver. */
export function useDecideWaiver(workspace: string) {
  const refresh = useGovernanceRefresh(workspace);
  return useMutation({
    mutationFn: ({
      id,
      ...input
    }: {
      id: string;
      decision: "approve" | "reject" | "revoke";
      version: number;
      note?: string;
    }) => apiFetch<Waiver>(`${base(workspace)}/waivers/${id}/decision`, { method: "POST", body: input }),
    onSuccess: async () => {
      // The evaluation that applies the decision runs a moment later on the server.
      await refresh();
      setTimeout(() => void refresh(), 2500);
    },
  });
}
