"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useId, useState } from "react";
import { DataTable } from "@/components/data-table";
import { FilterBar, FilterSearch, FilterSelect } from "@/components/table-filters";
import { specKindIds, specKinds } from "@/lib/domain/spec/kinds";
import { useAuditEvents, type AuditEvent } from "@/lib/queries/spec";

export type AuditLogProps = { workspace: string };

const kinds = [
  { value: "workspace", label: "Workspace" },
  ...specKindIds.map((k) => ({ value: k, label: specKinds[k].label })),
];
const actions = [
  { value: "spec.create", label: "Created" },
  { value: "spec.update", label: "Changed" },
  { value: "spec.delete", label: "Deleted" },
  { value: "workspace.create", label: "Workspace created" },
  { value: "workspace.rename", label: "Workspace renamed" },
];

const columns: ColumnDef<AuditEvent>[] = [
  {
    id: "at",
    header: "When (UTC)",
    accessorFn: (event) => event.at.replace("T", " ").slice(0, 19),
    meta: { className: "tabular-nums whitespace-nowrap" },
  },
  { id: "who", header: "Who", accessorFn: (event) => event.actorName },
  { id: "through", header: "Through", accessorFn: (event) => event.origin },
  { id: "action", header: "Action", accessorFn: (event) => event.action },
  {
    id: "record",
    header: "Record",
    accessorFn: (event) =>
      `${specKinds[event.entityKind as keyof typeof specKinds]?.label ?? event.entityKind} ${event.after?.title ?? event.before?.title ?? ""}`,
  },
];

/** The workspace's append-only audit trail, newest first, filtered by kind, action and actor. */
export function AuditLog({ workspace }: AuditLogProps) {
  const [kind, setKind] = useState("");
  const [action, setAction] = useState("");
  const [actor, setActor] = useState("");
  const [cursors, setCursors] = useState<string[]>([]);
  const filter = Object.fromEntries(
    Object.entries({ kind, action, actor, cursor: cursors.at(-1) ?? "" }).filter(([, v]) => v !== ""),
  );
  const { data, error } = useAuditEvents(workspace, filter);
  const id = useId();
  // A new filter starts again from the newest event.
  const changeFilter = (apply: () => void) => {
    apply();
    setCursors([]);
  };
  const nextCursor = data?.nextCursor;

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-title`} className="sr-only">
        Events
      </h2>
      <FilterBar
        onReset={
          kind || action || actor
            ? () =>
                changeFilter(() => {
                  setKind("");
                  setAction("");
                  setActor("");
                })
            : undefined
        }
      >
        <FilterSelect
          label="Record kind"
          value={kind}
          onChange={(value) => changeFilter(() => setKind(value))}
          options={kinds}
          allLabel="All kinds"
        />
        <FilterSelect
          label="Action"
          value={action}
          onChange={(value) => changeFilter(() => setAction(value))}
          options={actions}
          allLabel="All actions"
        />
        <FilterSearch label="Actor" value={actor} onChange={(value) => changeFilter(() => setActor(value))} />
      </FilterBar>
      <DataTable
        columns={columns}
        data={data?.items}
        getRowId={(event) => event.id}
        caption="Audit events, newest first"
        paging={{
          kind: "cursor",
          onNewer: cursors.length > 0 ? () => setCursors(cursors.slice(0, -1)) : undefined,
          onOlder: nextCursor ? () => setCursors([...cursors, nextCursor]) : undefined,
        }}
        error={error}
        errorPrefix="Could not load the audit log: "
        empty={{ title: kind || action || actor ? "No events match" : "No events yet" }}
      />
    </section>
  );
}
