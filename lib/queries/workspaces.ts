import { useMutation } from "@tanstack/react-query";
import type { Json } from "@/lib/domain/json";
import type { Workspace as DomainWorkspace } from "@/lib/domain/workspace";
import { apiFetch } from "@/lib/queries/api-client";

/** A workspace as its settings panel edits it. */
export type Workspace = Omit<Json<DomainWorkspace>, "createdAt" | "updatedAt">;

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
