"use client";

import { useId, useState } from "react";
import { specKindIds, specKinds } from "@/lib/domain/spec/kinds";
import { useAuditEvents } from "@/lib/queries/spec";

export type AuditLogProps = { workspace: string };

const actions = [
  ["", "All actions"],
  ["spec.create", "Created"],
  ["spec.update", "Changed"],
  ["spec.delete", "Deleted"],
  ["workspace.create", "Workspace created"],
  ["workspace.rename", "Workspace renamed"],
] as const;

/** The workspace's append-only audit trail, newest first, filtered by kind, action and actor. */
export function AuditLog({ workspace }: AuditLogProps) {
  const [kind, setKind] = useState("");
  const [action, setAction] = useState("");
  const [actor, setActor] = useState("");
  const [cursors, setCursors] = useState<string[]>([]);
  const filter = Object.fromEntries(
    Object.entries({ kind, action, actor, cursor: cursors.at(-1) ?? "" }).filter(([, v]) => v !== ""),
  );
  const { data, isPending, error } = useAuditEvents(workspace, filter);
  const id = useId();
  const changeFilter = (apply: () => void) => {
    apply();
    setCursors([]);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-title`} className="sr-only">
        Events
      </h2>
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor={`${id}-kind`} className="block text-sm font-medium">
            Record kind
          </label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => changeFilter(() => setKind(e.target.value))}
            className="mt-1 rounded-md border border-slate-400 px-2 py-1.5 text-sm"
          >
            <option value="">All kinds</option>
            <option value="workspace">Workspace</option>
            {specKindIds.map((k) => (
              <option key={k} value={k}>
                {specKinds[k].label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-action`} className="block text-sm font-medium">
            Action
          </label>
          <select
            id={`${id}-action`}
            value={action}
            onChange={(e) => changeFilter(() => setAction(e.target.value))}
            className="mt-1 rounded-md border border-slate-400 px-2 py-1.5 text-sm"
          >
            {actions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-actor`} className="block text-sm font-medium">
            Actor
          </label>
          <input
            id={`${id}-actor`}
            value={actor}
            onChange={(e) => changeFilter(() => setActor(e.target.value))}
            className="mt-1 rounded-md border border-slate-400 px-2 py-1.5 text-sm"
          />
        </div>
      </div>
      {isPending ? <p className="text-sm text-slate-600">Loading…</p> : null}
      {error ? <p role="alert">Could not load the audit log: {error.message}</p> : null}
      {data ? (
        data.items.length === 0 ? (
          <p className="text-sm text-slate-600">No events match.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  When (UTC)
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Who
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Through
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Action
                </th>
                <th scope="col" className="py-2 font-medium">
                  Record
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((event) => (
                <tr key={event.id} className="border-b border-slate-100">
                  <td className="py-1.5 pr-3 tabular-nums">{event.at.replace("T", " ").slice(0, 19)}</td>
                  <td className="py-1.5 pr-3">{event.actorName}</td>
                  <td className="py-1.5 pr-3">{event.origin}</td>
                  <td className="py-1.5 pr-3">{event.action}</td>
                  <td className="py-1.5">
                    {specKinds[event.entityKind as keyof typeof specKinds]?.label ?? event.entityKind}{" "}
                    {event.after?.title ?? event.before?.title ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      <div className="mt-3 flex gap-3">
        {cursors.length > 0 ? (
          <button
            type="button"
            onClick={() => setCursors(cursors.slice(0, -1))}
            className="rounded-md border border-slate-400 px-3 py-1 text-sm"
          >
            Newer
          </button>
        ) : null}
        {data?.nextCursor ? (
          <button
            type="button"
            onClick={() => setCursors([...cursors, data.nextCursor!])}
            className="rounded-md border border-slate-400 px-3 py-1 text-sm"
          >
            Older
          </button>
        ) : null}
      </div>
    </section>
  );
}
