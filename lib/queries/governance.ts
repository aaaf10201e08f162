import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/queries/api-client";

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

export type FindingFilter = {
  severity: string;
  category: string;
  status: string;
  environment: string;
  businessGroup: string;
  rule: string;
  q: string;
  offset: number;
};

const base = (workspace: string) => `/workspaces/${encodeURIComponent(workspace)}`;

export function useFindings(workspace: string, filter: FindingFilter, pageSize: number) {
  return useQuery({
    queryKey: ["governance", workspace, "findings", filter],
    queryFn: () => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(filter)) {
        if (key === "status" && value === "") {
          params.append("status", "open");
          params.append("status", "waived");
        } else if (value !== "") params.set(key, String(value));
      }
      params.set("limit", String(pageSize));
      return apiFetch<{ items: FindingItem[]; total: number }>(`${base(workspace)}/findings?${params.toString()}`);
    },
    placeholderData: keepPreviousData,
  });
}

export function useWaivers(workspace: string) {
  return useQuery({
    queryKey: ["governance", workspace, "waivers"],
    queryFn: async () => (await apiFetch<{ items: Waiver[] }>(`${base(workspace)}/waivers`)).items,
  });
}

/** Run the rules, request and decide waivers; each refreshes findings, waivers and the dashboard. */
export function useGovernanceMutations(workspace: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ["governance", workspace] });
  return {
    evaluate: useMutation({
      mutationFn: () => apiFetch<unknown>(`${base(workspace)}/evaluations`, { method: "POST" }),
      onSuccess: refresh,
    }),
    requestWaiver: useMutation({
      mutationFn: (input: { fingerprint: string; reason: string; expiresAt: string }) =>
        apiFetch<Waiver>(`${base(workspace)}/waivers`, { method: "POST", body: input }),
      onSuccess: refresh,
    }),
    decideWaiver: useMutation({
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
    }),
  };
}
