import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DecisionStatus } from "@/lib/domain/decisions/lifecycle";
import type {
  DecisionDetail as DomainDecisionDetail,
  DecisionReviewRecord,
  DecisionRevisionRecord,
  DecisionSummary as DomainDecisionSummary,
} from "@/lib/domain/decisions/stored";
import type { Json } from "@/lib/domain/json";
import { apiFetch } from "@/lib/queries/api-client";

/** The text an author edits. */
export type DecisionTextInput = {
  title: string;
  context: string;
  decision: string;
  rationale: string;
  implications: string;
  owner: string;
};

/** A decision in a list, as the API returns it. */
export type DecisionSummary = Json<DomainDecisionSummary>;

export type DecisionReview = Json<DecisionReviewRecord>;

export type DecisionRevisionSummary = Omit<Json<DecisionRevisionRecord>, keyof DecisionTextInput>;

/** A decision with everything its page shows. */
export type DecisionDetail = Json<DomainDecisionDetail>;

export type DecisionEditorOptions = {
  decisions: { number: string; title: string; status: DecisionStatus }[];
  records: { id: string; kind: string; label: string; title: string }[];
  reviewers: { id: string; name: string }[];
};

export type DecisionDiff = {
  from: Json<DecisionRevisionRecord>;
  to: Json<DecisionRevisionRecord>;
  fields: { field: string; changed: boolean; parts: { kind: "same" | "added" | "removed"; text: string }[] }[];
};

/** What a save sends: the text, the links by number, the governed record ids. */
export type DecisionWrite = DecisionTextInput & {
  supersedes: string[];
  amends: string[];
  relatesTo: string[];
  governs: string[];
};

export type DecisionFilter = { status: string; owner: string; q: string };

const base = (workspace: string) => `/workspaces/${encodeURIComponent(workspace)}/decisions`;

export const decisionsQuery = (workspace: string, filter: DecisionFilter) =>
  queryOptions({
    queryKey: ["decisions", workspace, "list", filter],
    queryFn: async () => {
      const params = new URLSearchParams(Object.entries(filter).filter(([, value]) => value.trim() !== ""));
      return (await apiFetch<{ items: DecisionSummary[] }>(`${base(workspace)}?${params.toString()}`)).items;
    },
  });

export const decisionQuery = (workspace: string, number: string) =>
  queryOptions({
    queryKey: ["decisions", workspace, "one", number],
    queryFn: () => apiFetch<DecisionDetail>(`${base(workspace)}/${number}`),
  });

export function useDecisions(workspace: string, filter: DecisionFilter, initialData?: DecisionSummary[]) {
  const unfiltered = !filter.status && !filter.owner && !filter.q;
  return useQuery({
    ...decisionsQuery(workspace, filter),
    initialData: unfiltered ? initialData : undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDecision(workspace: string, number: string, initialData?: DecisionDetail) {
  return useQuery({ ...decisionQuery(workspace, number), initialData });
}

export function useDecisionOptions(workspace: string) {
  return useQuery({
    queryKey: ["decisions", workspace, "options"],
    queryFn: () => apiFetch<DecisionEditorOptions>(`${base(workspace)}/options`),
  });
}

export function useDecisionDiff(workspace: string, number: string, range: { from: number; to: number } | null) {
  return useQuery({
    queryKey: ["decisions", workspace, "diff", number, range],
    queryFn: () => apiFetch<DecisionDiff>(`${base(workspace)}/${number}/diff?from=${range!.from}&to=${range!.to}`),
    enabled: range !== null,
  });
}

/** Every write on decisions; each refreshes the decisions and the audit trail. */
export function useDecisionMutations(workspace: string) {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["decisions", workspace] }),
      client.invalidateQueries({ queryKey: ["audit", workspace] }),
      client.invalidateQueries({ queryKey: ["spec", workspace] }),
    ]);
  return {
    create: useMutation({
      mutationFn: (input: DecisionWrite) => apiFetch<DecisionDetail>(base(workspace), { method: "POST", body: input }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({
        number,
        ...input
      }: DecisionWrite & { number: string; version: number; editAfterAcceptance: boolean; note: string }) =>
        apiFetch<DecisionDetail>(`${base(workspace)}/${number}`, { method: "PUT", body: input }),
      onSuccess: refresh,
    }),
    transition: useMutation({
      mutationFn: ({ number, ...input }: { number: string; to: DecisionStatus; version: number }) =>
        apiFetch<DecisionDetail>(`${base(workspace)}/${number}/transitions`, { method: "POST", body: input }),
      onSuccess: refresh,
    }),
    requestReviews: useMutation({
      mutationFn: ({ number, reviewers }: { number: string; reviewers: string[] }) =>
        apiFetch<DecisionDetail>(`${base(workspace)}/${number}/review-requests`, {
          method: "POST",
          body: { reviewers },
        }),
      onSuccess: refresh,
    }),
    review: useMutation({
      mutationFn: ({
        number,
        ...input
      }: {
        number: string;
        verdict: "approved" | "changes_requested";
        note: string;
        revision: number;
      }) => apiFetch<DecisionDetail>(`${base(workspace)}/${number}/reviews`, { method: "POST", body: input }),
      onSuccess: refresh,
    }),
  };
}
