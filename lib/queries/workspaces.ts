import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/queries/api-client";

export type Workspace = { id: string; slug: string; name: string; version: number; requiredApprovals: number };

export function useCreateWorkspace() {
  return useMutation({
    mutationFn: (input: { name?: string; slug?: string; backup?: unknown }) =>
      apiFetch<Workspace>("/workspaces", { method: "POST", body: input }),
  });
}

/** Renames a workspace or changes how many approvals its decisions need. */
export function useUpdateWorkspace(slug: string) {
  return useMutation({
    mutationFn: (input: { name?: string; requiredApprovals?: number; version: number }) =>
      apiFetch<Workspace>(`/workspaces/${encodeURIComponent(slug)}`, { method: "PATCH", body: input }),
  });
}
