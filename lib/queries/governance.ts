import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FindingsPage as DomainFindingsPage, ListedFinding, WaiverRecord } from "@/lib/domain/governance/records";
import type { Json } from "@/lib/domain/json";
import { apiFetch } from "@/lib/queries/api-client";
import { findingSearchParams, type FindingFilter } from "@/lib/queries/finding-filter";

export type { FindingFilter };

/** A finding as the findings API lists it. */
export type FindingItem = Json<ListedFinding>;

export type Waiver = Json<WaiverRecord>;

const base = (workspace: string) => `/workspaces/${encodeURIComponent(workspace)}`;

export type FindingsPage = Json<DomainFindingsPage>;

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

/** What accepting live as plan changed (the REST answer). */
export type AcceptLiveResult = {
  updated: { kind: string; id: string; title: string; version: number; fields: string[] }[];
  closes: { fingerprint: string; ruleId: string; message: string }[];
};

/** Makes the plan match Anypoint for drift findings; the evaluation that closes them runs a moment later. */
export function useAcceptLive(workspace: string) {
  const refresh = useGovernanceRefresh(workspace);
  return useMutation({
    mutationFn: (fingerprints: string[]) =>
      apiFetch<AcceptLiveResult>(`${base(workspace)}/findings/accept-live`, { method: "POST", body: { fingerprints } }),
    onSuccess: async () => {
      await refresh();
      setTimeout(() => void refresh(), 2500);
    },
  });
}
