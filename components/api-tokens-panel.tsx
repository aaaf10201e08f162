"use client";

import { useId, useState } from "react";
import type { Role } from "@/lib/domain/access";
import { ApiError } from "@/lib/queries/api-client";
import { useCreateToken, useRevokeToken, useTokens, type ApiToken } from "@/lib/queries/settings";

export type ApiTokensPanelProps = { initial: ApiToken[] };

const roleLabels: Record<Role, string> = {
  viewer: "viewer",
  delivery_lead: "delivery lead",
  architect: "architect",
  admin: "admin",
};
const lifetimes = [30, 90, 180, 365];
const formatDate = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 10) : "never");

function status(token: ApiToken, now: number): string {
  if (token.revokedAt) return `revoked ${formatDate(token.revokedAt)}`;
  if (new Date(token.expiresAt).getTime() <= now) return "expired";
  return "active";
}

/** Creates, lists and revokes API tokens for CI pipelines; a new secret is shown once. */
export function ApiTokensPanel({ initial }: ApiTokensPanelProps) {
  const { data: tokens = initial } = useTokens(initial);
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [days, setDays] = useState(90);
  const [copied, setCopied] = useState(false);
  const id = useId();
  const [now] = useState(() => Date.now());
  const createError = create.error instanceof ApiError ? create.error : null;

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        API tokens
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        For CI pipelines and the <code>agp</code> command line: send <code>Authorization: Bearer &lt;token&gt;</code>. A
        token acts with its role until it expires or is revoked.
      </p>

      <form
        className="mt-4 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setCopied(false);
          create.mutate({ name, role, expiresInDays: days }, { onSuccess: () => setName("") });
        }}
      >
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium">
            Name
          </label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={80}
            placeholder="e.g. GitHub Actions (payments)"
            className="mt-1 w-72 rounded-md border border-slate-400 px-2 py-1.5 text-sm"
          />
        </div>
        <div>
          <label htmlFor={`${id}-role`} className="block text-sm font-medium">
            Role
          </label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            className="mt-1 rounded-md border border-slate-400 px-2 py-1.5 text-sm"
          >
            {(Object.keys(roleLabels) as Role[]).map((value) => (
              <option key={value} value={value}>
                {roleLabels[value]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-days`} className="block text-sm font-medium">
            Expires in
          </label>
          <select
            id={`${id}-days`}
            value={days}
            onChange={(event) => setDays(Number(event.target.value))}
            className="mt-1 rounded-md border border-slate-400 px-2 py-1.5 text-sm"
          >
            {lifetimes.map((value) => (
              <option key={value} value={value}>
                {value} days
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded-md bg-brand-900 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {create.isPending ? "Creating…" : "Create token"}
        </button>
      </form>
      {createError ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {createError.message}
        </p>
      ) : null}

      {create.data ? (
        <div role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 p-4 text-sm">
          <p className="font-medium text-green-950">
            Token &ldquo;{create.data.token.name}&rdquo; created. Copy it now: it will not be shown again.
          </p>
          <div className="mt-2 flex gap-2">
            <label htmlFor={`${id}-secret`} className="sr-only">
              New token
            </label>
            <input
              id={`${id}-secret`}
              readOnly
              value={create.data.secret}
              onFocus={(event) => event.target.select()}
              className="w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 font-mono text-xs"
            />
            <button
              type="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(create.data.secret);
                setCopied(true);
              }}
              className="rounded-md border border-slate-400 bg-white px-3 text-sm"
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      ) : null}

      <table className="mt-6 w-full text-left text-sm">
        <caption className="sr-only">API tokens</caption>
        <thead className="border-b border-slate-200 text-slate-700">
          <tr>
            <th className="py-2 pr-3 font-medium">Name</th>
            <th className="py-2 pr-3 font-medium">Role</th>
            <th className="py-2 pr-3 font-medium">Token</th>
            <th className="py-2 pr-3 font-medium">Created</th>
            <th className="py-2 pr-3 font-medium">Expires</th>
            <th className="py-2 pr-3 font-medium">Last used</th>
            <th className="py-2 pr-3 font-medium">Status</th>
            <th className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.length === 0 ? (
            <tr>
              <td colSpan={8} className="py-4 text-slate-600">
                No tokens yet. Create one for each pipeline, with the lowest role it needs.
              </td>
            </tr>
          ) : (
            tokens.map((token) => (
              <tr key={token.id} className="border-b border-slate-100">
                <td className="py-2 pr-3">{token.name}</td>
                <td className="py-2 pr-3">{roleLabels[token.role]}</td>
                <td className="py-2 pr-3 font-mono text-xs">{token.prefix}…</td>
                <td className="py-2 pr-3">
                  {formatDate(token.createdAt)} by {token.createdBy}
                </td>
                <td className="py-2 pr-3">{formatDate(token.expiresAt)}</td>
                <td className="py-2 pr-3">{formatDate(token.lastUsedAt)}</td>
                <td className="py-2 pr-3">{status(token, now)}</td>
                <td className="py-2">
                  {token.revokedAt ? null : (
                    <button
                      type="button"
                      disabled={revoke.isPending}
                      onClick={() => {
                        if (window.confirm(`Revoke "${token.name}"? Pipelines using it will get 401 from now on.`)) {
                          revoke.mutate(token.id);
                        }
                      }}
                      className="rounded-md border border-red-300 px-2 py-1 text-red-800 hover:bg-red-50"
                    >
                      Revoke<span className="sr-only"> {token.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
