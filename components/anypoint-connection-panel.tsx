"use client";

import { useId, useState } from "react";
import { ApiError } from "@/lib/queries/api-client";
import { useConnectionMutations, type Connection } from "@/lib/queries/live";

export type AnypointConnectionPanelProps = { workspace: string; initial: Connection | null };

const planes = [
  { value: "us", label: "US (anypoint.mulesoft.com)" },
  { value: "eu", label: "EU (eu1.anypoint.mulesoft.com)" },
  { value: "gov", label: "US Gov (gov.anypoint.mulesoft.com)" },
  { value: "custom", label: "Custom base URL" },
] as const;

/** The workspace's Anypoint connection: control plane, connected app, test. The secret is write-only. */
export function AnypointConnectionPanel({ workspace, initial }: AnypointConnectionPanelProps) {
  const id = useId();
  const { save, test } = useConnectionMutations(workspace);
  const [saved, setSaved] = useState<Connection | null>(initial);
  const [form, setForm] = useState({
    controlPlane: initial?.controlPlane ?? "us",
    baseUrl: initial?.controlPlane === "custom" ? initial.baseUrl : "",
    clientId: initial?.clientId ?? "",
    clientSecret: "",
    organizationId: initial?.organizationId ?? "",
    syncIntervalMinutes: initial?.syncIntervalMinutes ? String(initial.syncIntervalMinutes) : "",
  });
  const errors: Record<string, string> = {};
  if (save.error instanceof ApiError) {
    for (const f of save.error.details?.fields ?? []) errors[f.field] = f.message;
  }
  const field = (
    name: keyof typeof form,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string,
  ) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={`${id}-${name}`}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={
          [hint ? `${id}-${name}-hint` : "", errors[name] ? `${id}-${name}-error` : ""].filter(Boolean).join(" ") ||
          undefined
        }
        className="mt-1 w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm"
        {...props}
      />
      {errors[name] ? (
        <p id={`${id}-${name}-error`} className="text-sm text-red-800">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Anypoint connection
      </h2>
      <p className="mt-1 max-w-prose text-sm text-slate-600">
        A connected app (client credentials) with read-only scopes: View Organization, View Environments, Cloudhub
        Network Viewer, Read Applications, Read Runtime Fabrics, View APIs Configuration, View Policies and View access
        controls, granted on every business group. The portal only ever reads.
      </p>
      <form
        className="mt-4 grid max-w-3xl gap-4 md:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            {
              controlPlane: form.controlPlane,
              baseUrl: form.controlPlane === "custom" ? form.baseUrl : undefined,
              clientId: form.clientId,
              clientSecret: form.clientSecret || undefined,
              organizationId: form.organizationId || undefined,
              syncIntervalMinutes: form.syncIntervalMinutes ? Number(form.syncIntervalMinutes) : null,
              version: saved?.version ?? 0,
            },
            {
              onSuccess: (connection) => {
                setSaved(connection);
                setForm({ ...form, clientSecret: "" });
                test.reset();
              },
            },
          );
        }}
      >
        <div>
          <label htmlFor={`${id}-plane`} className="block text-sm font-medium">
            Control plane
          </label>
          <select
            id={`${id}-plane`}
            value={form.controlPlane}
            onChange={(e) => setForm({ ...form, controlPlane: e.target.value as Connection["controlPlane"] })}
            className="mt-1 w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm"
          >
            {planes.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        {form.controlPlane === "custom" ? (
          field("baseUrl", "Base URL", { type: "url", placeholder: "https://ca1.platform.mulesoft.com" })
        ) : (
          <div />
        )}
        {field("clientId", "Client id", { autoComplete: "off" })}
        {field(
          "clientSecret",
          "Client secret",
          { type: "password", autoComplete: "new-password", placeholder: saved ? "set (leave empty to keep it)" : "" },
          saved ? "Stored encrypted; it is never shown again." : undefined,
        )}
        {field(
          "organizationId",
          "Organisation id (optional)",
          {},
          "Empty: the organisation the connected app belongs to.",
        )}
        {field(
          "syncIntervalMinutes",
          "Sync every … minutes (optional)",
          { type: "number", min: 15 },
          "Empty: sync on demand only.",
        )}
        <div className="flex flex-wrap items-center gap-3 md:col-span-2">
          <button
            type="submit"
            disabled={save.isPending}
            className="rounded-md bg-brand-900 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {saved ? "Save connection" : "Connect"}
          </button>
          {saved ? (
            <button
              type="button"
              disabled={test.isPending}
              onClick={() => test.mutate()}
              className="rounded-md border border-slate-400 px-4 py-2 text-sm"
            >
              {test.isPending ? "Testing…" : "Test connection"}
            </button>
          ) : null}
          {save.isSuccess ? (
            <p role="status" className="text-sm text-green-800">
              Connection saved.
            </p>
          ) : null}
          {save.error && !(save.error instanceof ApiError && save.error.status === 400) ? (
            <p role="alert" className="text-sm text-red-800">
              {save.error.message}
            </p>
          ) : null}
        </div>
      </form>
      {test.error ? (
        <p role="alert" className="mt-3 text-sm text-red-800">
          {test.error.message}
        </p>
      ) : null}
      {test.data ? (
        <div className="mt-4" role="status">
          <p className={`text-sm font-medium ${test.data.ok ? "text-green-800" : "text-red-800"}`}>
            {test.data.ok ? "The connected app can read everything the portal needs." : "Some reads failed:"}
          </p>
          <ul className="mt-2 space-y-1 text-sm" aria-label="Connection checks">
            {test.data.checks.map((c) => (
              <li key={c.check}>
                <span aria-hidden="true">{c.ok ? "✓" : "✗"}</span> <span className="font-medium">{c.check}</span>
                <span className="sr-only">{c.ok ? " passed" : " failed"}</span>: {c.detail}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
