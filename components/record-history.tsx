"use client";

import type { FieldDef } from "@/lib/domain/spec/fields";
import { displayValue, type RefTitles } from "@/components/spec-values";
import { useRecordHistory } from "@/lib/queries/spec";

export type RecordHistoryProps = {
  workspace: string;
  recordId: string;
  fields: readonly FieldDef[];
  titles: RefTitles;
};

/** The drift findings a change made to match Anypoint closed ("accept live as plan"), if it was one. */
const accepted = (after: unknown): { ruleId: string; message: string }[] => {
  const because = (after as { because?: { acceptedLive?: unknown } } | null)?.because?.acceptedLive;
  return Array.isArray(because) ? (because as { ruleId: string; message: string }[]) : [];
};

const verbs: Record<string, string> = { "spec.create": "Created", "spec.update": "Changed", "spec.delete": "Deleted" };

/** Every saved change of one record: who, when, through which door, and what changed. */
export function RecordHistory({ workspace, recordId, fields, titles }: RecordHistoryProps) {
  const { data, isPending, error } = useRecordHistory(workspace, recordId);
  if (isPending) return <p className="text-sm text-slate-600">Loading history…</p>;
  if (error) return <p role="alert">Could not load the history: {error.message}</p>;
  return (
    <ol className="space-y-4" aria-label="History">
      {data.items.map((event) => {
        const before = event.before?.data ?? {};
        const after = event.after?.data ?? {};
        const changed = fields.filter(
          (f) => JSON.stringify(before[f.name] ?? null) !== JSON.stringify(after[f.name] ?? null),
        );
        return (
          <li key={event.id} className="border-l-2 border-slate-300 pl-3 text-sm">
            <p>
              <span className="font-medium">{verbs[event.action] ?? event.action}</span> by {event.actorName}{" "}
              <span className="text-slate-600">
                ({event.origin}){" "}
                <time dateTime={event.at}>{new Date(event.at).toISOString().replace("T", " ").slice(0, 19)} UTC</time>
                {event.after?.version ? ` · version ${event.after.version}` : ""}
              </span>
            </p>
            {accepted(event.after).length ? (
              <p className="mt-1 text-slate-700">
                To match Anypoint, closing{" "}
                {accepted(event.after)
                  .map((a) => `${a.ruleId}: ${a.message}`)
                  .join("; ")}
              </p>
            ) : null}
            {event.action === "spec.update" ? (
              <ul className="mt-1 space-y-0.5">
                {changed.map((field) => (
                  <li key={field.name}>
                    {field.label}:{" "}
                    <del className="text-red-800">{displayValue(field, before[field.name], titles) || "(empty)"}</del> →{" "}
                    <ins className="text-green-800 no-underline">
                      {displayValue(field, after[field.name], titles) || "(empty)"}
                    </ins>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
