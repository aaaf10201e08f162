import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Role, RoleMapping } from "@/lib/domain/access";
import type { ApiToken as DomainApiToken } from "@/lib/domain/api-token";
import type { Json } from "@/lib/domain/json";
import { apiFetch } from "@/lib/queries/api-client";

/** An API token as the API returns it (never its secret). */
export type ApiToken = Json<DomainApiToken>;

export type RoleMappingView = { mapping: RoleMapping; version: number; source: "settings" | "environment" };

export const tokensQuery = () =>
  queryOptions({
    queryKey: ["tokens"],
    queryFn: async () => (await apiFetch<{ items: ApiToken[] }>("/tokens")).items,
  });

export const roleMappingQuery = () =>
  queryOptions({
    queryKey: ["settings", "role-mapping"],
    queryFn: () => apiFetch<RoleMappingView>("/settings/role-mapping"),
  });

export function useTokens(initialData?: ApiToken[]) {
  return useQuery({ ...tokensQuery(), initialData });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; role: Role; expiresInDays: number }) =>
      apiFetch<{ token: ApiToken; secret: string }>("/tokens", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensQuery().queryKey }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensQuery().queryKey }),
  });
}

export function useRoleMapping(initialData?: RoleMappingView) {
  return useQuery({ ...roleMappingQuery(), initialData });
}

export function useSaveRoleMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { mapping: RoleMapping; version: number }) =>
      apiFetch<RoleMappingView>("/settings/role-mapping", { method: "PUT", body: input }),
    onSuccess: (saved) => client.setQueryData(roleMappingQuery().queryKey, saved),
  });
}
