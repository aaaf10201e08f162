"use client";

import { useId, useState, type ReactNode } from "react";
import { MarkdownView } from "@/components/markdown-view";
import { ApiError } from "@/lib/queries/api-client";
import {
  useDecisionOptions,
  type DecisionDetail,
  type DecisionTextInput,
  type DecisionWrite,
} from "@/lib/queries/decisions";

export type DecisionEditorProps = {
  workspace: string;
  /** The decision being edited; null for a new one. */
  decision: DecisionDetail | null;
  pending: boolean;
  error: unknown;
  onSubmit: (write: DecisionWrite, flag: { editAfterAcceptance: boolean; note: string }) => void;
  onCancel: () => void;
};

const bodyFields = [
  { name: "context", label: "Context", hint: "The forces at play: what makes this decision necessary." },
  { name: "decision", label: "Decision", hint: "What is decided, in a few sentences." },
  { name: "rationale", label: "Rationale", hint: "Why this option over the others." },
  { name: "implications", label: "Implications", hint: "What follows: costs, risks, work for teams." },
] as const;

/** Errors of a 400 by top-level field ("supersedes.0" -> supersedes). */
function errorsByField(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const problem of error.details?.fields ?? []) {
    const field = problem.field.split(".")[0] ?? "";
    result[field] = result[field] ? `${result[field]}; ${problem.message}` : problem.message;
  }
  return result;
}

const outgoing = (d: DecisionDetail | null, kind: string) =>
  d?.links.filter((l) => l.direction === "outgoing" && l.kind === kind).map((l) => l.number) ?? [];

/** The form of a decision: its Markdown text with a preview, its links, and what it governs. */
export function DecisionEditor({ workspace, decision, pending, error, onSubmit, onCancel }: DecisionEditorProps) {
  const id = useId();
  const options = useDecisionOptions(workspace);
  const [text, setText] = useState<DecisionTextInput>({
    title: decision?.title ?? "",
    owner: decision?.owner ?? "",
    context: decision?.context ?? "",
    decision: decision?.decision ?? "",
    rationale: decision?.rationale ?? "",
    implications: decision?.implications ?? "",
  });
  const [links, setLinks] = useState({
    supersedes: outgoing(decision, "supersedes"),
    amends: outgoing(decision, "amends"),
    relatesTo: outgoing(decision, "relates_to"),
    governs: decision?.governs.map((g) => g.id) ?? [],
  });
  const [preview, setPreview] = useState(false);
  const [note, setNote] = useState("");
  const accepted = decision?.status === "accepted";
  const errors = errorsByField(error);
  const general =
    error instanceof ApiError ? (error.status === 400 ? "Check the highlighted fields." : error.message) : null;
  const others = (options.data?.decisions ?? []).filter((d) => d.number !== decision?.number);
  const bindingLocked = decision !== null && decision.status !== "draft" && decision.status !== "proposed";

  const described = (name: string) => (errors[name] ? `${id}-${name}-error` : undefined);
  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`${id}-${name}-error`} className="mt-1 text-sm text-red-800">
        {errors[name]}
      </p>
    ) : null;
  const selected = (event: React.ChangeEvent<HTMLSelectElement>) =>
    Array.from(event.target.selectedOptions).map((o) => o.value);

  return (
    <form
      className="space-y-4"
      aria-label={decision ? `Edit ${decision.number}` : "New decision"}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({ ...text, ...links }, { editAfterAcceptance: accepted, note });
      }}
    >
      {general ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-900">
          {general}
        </p>
      ) : null}
      {accepted ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          {decision.number} is accepted: its text is immutable. Save only a typo-level correction here; it is recorded
          as an edit after acceptance. To change what was decided, record a new decision that amends or supersedes it.
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-[1fr_16rem]">
        <Field id={`${id}-title`} label="Title" error={fieldError("title")}>
          <input
            id={`${id}-title`}
            value={text.title}
            required
            maxLength={200}
            aria-invalid={!!errors.title}
            aria-describedby={described("title")}
            onChange={(e) => setText({ ...text, title: e.target.value })}
            className="w-full rounded-md border border-slate-400 px-2 py-1"
          />
        </Field>
        <Field id={`${id}-owner`} label="Owner" error={fieldError("owner")}>
          <input
            id={`${id}-owner`}
            value={text.owner}
            maxLength={120}
            onChange={(e) => setText({ ...text, owner: e.target.value })}
            className="w-full rounded-md border border-slate-400 px-2 py-1"
          />
        </Field>
      </div>
      <div className="flex items-center justify-between">
        <p className="text-sm text-slate-600">The four body fields take Markdown (GitHub flavour).</p>
        <button
          type="button"
          aria-pressed={preview}
          onClick={() => setPreview(!preview)}
          className="rounded-md border border-slate-400 px-2 py-1 text-sm"
        >
          {preview ? "Edit text" : "Preview"}
        </button>
      </div>
      {bodyFields.map((field) => (
        <Field key={field.name} id={`${id}-${field.name}`} label={field.label} error={fieldError(field.name)}>
          {preview ? (
            <div className="rounded-md border border-slate-200 p-2">
              <MarkdownView markdown={text[field.name]} />
            </div>
          ) : (
            <>
              <p id={`${id}-${field.name}-hint`} className="text-sm text-slate-600">
                {field.hint}
              </p>
              <textarea
                id={`${id}-${field.name}`}
                value={text[field.name]}
                rows={field.name === "decision" ? 4 : 5}
                aria-invalid={!!errors[field.name]}
                aria-describedby={[`${id}-${field.name}-hint`, described(field.name)].filter(Boolean).join(" ")}
                onChange={(e) => setText({ ...text, [field.name]: e.target.value })}
                className="w-full rounded-md border border-slate-400 px-2 py-1 font-mono text-sm"
              />
            </>
          )}
        </Field>
      ))}
      <div className="grid gap-4 md:grid-cols-3">
        {(
          [
            ["supersedes", "Supersedes", bindingLocked],
            ["amends", "Amends", bindingLocked],
            ["relatesTo", "Relates to", false],
          ] as const
        ).map(([name, label, locked]) => (
          <Field key={name} id={`${id}-${name}`} label={label} error={fieldError(name)}>
            <select
              id={`${id}-${name}`}
              multiple
              size={Math.min(5, Math.max(2, others.length))}
              disabled={locked}
              value={links[name]}
              aria-describedby={described(name)}
              onChange={(e) => setLinks({ ...links, [name]: selected(e) })}
              className="w-full rounded-md border border-slate-400 px-1 py-1 text-sm"
            >
              {others.map((d) => (
                <option key={d.number} value={d.number}>
                  {d.number} {d.title} ({d.status})
                </option>
              ))}
            </select>
          </Field>
        ))}
      </div>
      <Field id={`${id}-governs`} label="Governs (specification records)" error={fieldError("governs")}>
        <select
          id={`${id}-governs`}
          multiple
          size={6}
          value={links.governs}
          aria-describedby={described("governs")}
          onChange={(e) => setLinks({ ...links, governs: selected(e) })}
          className="w-full rounded-md border border-slate-400 px-1 py-1 text-sm"
        >
          {groupByLabel(options.data?.records ?? []).map(([label, records]) => (
            <optgroup key={label} label={label}>
              {records.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      {accepted ? (
        <Field id={`${id}-note`} label="What this edit corrects" error={fieldError("note")}>
          <input
            id={`${id}-note`}
            value={note}
            required
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
            className="w-full rounded-md border border-slate-400 px-2 py-1"
          />
        </Field>
      ) : null}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : decision ? (accepted ? "Save edit after acceptance" : "Save") : "Create draft"}
        </button>
        <button type="button" onClick={onCancel} className="rounded-md border border-slate-400 px-3 py-1.5 text-sm">
          Cancel
        </button>
      </div>
    </form>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {children}
      {error}
    </div>
  );
}

function groupByLabel<T extends { label: string }>(items: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.label, [...(groups.get(item.label) ?? []), item]);
  return [...groups];
}
