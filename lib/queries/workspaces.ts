import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/queries/api-client";

export type Workspace = { id: string; slug: string; name: string; version: number };

export function useCreateWorkspace() {
  return useMutation({
    mutationFn: (input: { name: string; slug?: string }) =>
      apiFetch<Workspace>("/workspaces", { method: "POST", body: input }),
  });
}

export function useRenameWorkspace(slug: string) {
  return useMutation({
    mutationFn: (input: { name: string; version: number }) =>
      apiFetch<Workspace>(`/workspaces/${encodeURIComponent(slug)}`, { method: "PATCH", body: input }),
  });
}
