"use client";

import { useId, useState } from "react";
import type { FieldDef } from "@/lib/domain/spec/fields";
import { labelInSentence } from "@/lib/domain/spec/kinds";

export type RefOption = { id: string; title: string };

export type SpecRecordFormProps = {
  fields: readonly FieldDef[];
  initial: Record<string, unknown> | null;
  /** Records to choose references from, by kind. */
  options: Record<string, RefOption[]>;
  /** Server-side problems by field name. */
  errors: Record<string, string>;
  pending: boolean;
  submitLabel: string;
  onSubmit: (data: Record<string, unknown>) => void;
  onCancel: () => void;
};

type Draft = Record<string, string | boolean | string[]>;

function toDraft(fields: readonly FieldDef[], data: Record<string, unknown> | null): Draft {
  const draft: Draft = {};
  for (const field of fields) {
    const value = data?.[field.name];
    if (field.type === "boolean") draft[field.name] = value === true;
    else if (field.type === "ref-list") draft[field.name] = Array.isArray(value) ? (value as string[]) : [];
    else if (field.type === "cidr-list" || field.type === "text-list")
      draft[field.name] = Array.isArray(value) ? (value as string[]).join("\n") : "";
    else draft[field.name] = value === null || value === undefined ? "" : String(value);
  }
  return draft;
}

/** Turns the form's strings back into the API's values (numbers, nulls, lists). */
function toData(fields: readonly FieldDef[], draft: Draft): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const value = draft[field.name];
    switch (field.type) {
      case "boolean":
      case "ref-list":
        data[field.name] = value;
        break;
      case "integer":
      case "number": {
        const text = String(value).trim();
        data[field.name] = text === "" ? null : Number(text);
        break;
      }
      case "ref":
        data[field.name] = value === "" ? null : value;
        break;
      case "cidr-list":
      case "text-list":
        data[field.name] = String(value)
          .split(/[\n,]/)
          .map((line) => line.trim())
          .filter(Boolean);
        break;
      default:
        data[field.name] = value;
    }
  }
  return data;
}

const inputClass =
  "mt-1 w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-700";

/** Edits one specification record; every field's editor follows from its type, relations are chosen from lists. */
export function SpecRecordForm({
  fields,
  initial,
  options,
  errors,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
}: SpecRecordFormProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(fields, initial));
  const id = useId();
  const set = (name: string, value: Draft[string]) => setDraft((current) => ({ ...current, [name]: value }));
  // Names an imported document wrote that matched no record, per reference field.
  const unresolved = (initial?.unresolved ?? {}) as Record<string, string[]>;
  // A system's values in environments other than production (its test host), by environment.
  const [perEnvironment, setPerEnvironment] = useState<Record<string, Record<string, string>>>(
    () => (initial?.perEnvironment ?? {}) as Record<string, Record<string, string>>,
  );
  const environments = Object.keys(perEnvironment);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = toData(fields, draft);
        // A name still unchosen stays as the document wrote it; a chosen one replaces it.
        const open = Object.fromEntries(
          Object.entries(unresolved).filter(([name]) => {
            const value = data[name];
            return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
          }),
        );
        for (const name of Object.keys(open)) if (data[name] === null) delete data[name];
        if (Object.keys(open).length) data.unresolved = open;
        // A value cleared for an environment is that environment's no longer.
        const varying: Record<string, Record<string, string>> = {};
        for (const [env, values] of Object.entries(perEnvironment)) {
          const kept = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim()));
          if (Object.keys(kept).length) varying[env] = kept;
        }
        if (Object.keys(varying).length) data.perEnvironment = varying;
        onSubmit(data);
      }}
      className="space-y-4"
    >
      {fields.map((field) => {
        const fieldId = `${id}-${field.name}`;
        const error = errors[field.name];
        const describedBy =
          [field.help ? `${fieldId}-help` : "", error ? `${fieldId}-error` : ""].filter(Boolean).join(" ") || undefined;
        const common = {
          id: fieldId,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
        } as const;
        const value = draft[field.name];
        let control: React.ReactNode;
        switch (field.type) {
          case "boolean":
            control = (
              <input
                {...common}
                type="checkbox"
                checked={value === true}
                onChange={(event) => set(field.name, event.target.checked)}
                className="mt-1 h-4 w-4"
              />
            );
            break;
          case "longtext":
            control = (
              <textarea
                {...common}
                rows={4}
                value={String(value)}
                onChange={(event) => set(field.name, event.target.value)}
                className={inputClass}
              />
            );
            break;
          case "cidr-list":
            control = (
              <textarea
                {...common}
                rows={3}
                value={String(value)}
                placeholder="one CIDR per line"
                onChange={(event) => set(field.name, event.target.value)}
                className={`${inputClass} font-mono`}
              />
            );
            break;
          case "text-list":
            control = (
              <textarea
                {...common}
                rows={3}
                value={String(value)}
                placeholder="one per line"
                onChange={(event) => set(field.name, event.target.value)}
                className={inputClass}
              />
            );
            break;
          case "enum":
          case "ref": {
            // Enums choose from their options, references from the records of their kind.
            const choices =
              field.type === "enum"
                ? (field.options ?? [])
                : (options[field.ref ?? ""] ?? []).map((o) => ({ value: o.id, label: o.title }));
            const offerEmpty = field.type === "ref" || !field.required || value === "";
            control = (
              <select
                {...common}
                value={String(value)}
                onChange={(event) => set(field.name, event.target.value)}
                className={inputClass}
              >
                {offerEmpty ? <option value="">{field.required ? "Choose…" : "(none)"}</option> : null}
                {choices.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            );
            break;
          }
          case "ref-list": {
            const chosen = value as string[];
            const choices = options[field.ref ?? ""] ?? [];
            control = (
              <fieldset aria-describedby={describedBy} className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                <legend className="sr-only">{field.label}</legend>
                {choices.length === 0 ? <span className="text-sm text-slate-600">Nothing to choose yet.</span> : null}
                {choices.map((option) => (
                  <label key={option.id} className="flex items-center gap-1.5 text-sm">
                    <input
                      type="checkbox"
                      checked={chosen.includes(option.id)}
                      onChange={(event) =>
                        set(
                          field.name,
                          event.target.checked ? [...chosen, option.id] : chosen.filter((c) => c !== option.id),
                        )
                      }
                    />
                    {option.title}
                  </label>
                ))}
              </fieldset>
            );
            break;
          }
          default:
            control = (
              <input
                {...common}
                type={field.type === "integer" || field.type === "number" ? "number" : "text"}
                step={field.type === "number" ? "any" : undefined}
                value={String(value)}
                onChange={(event) => set(field.name, event.target.value)}
                className={`${inputClass} ${["cidr", "ipv4", "hostname", "cloudhub-app-name"].includes(field.type) ? "font-mono" : ""}`}
              />
            );
        }
        const labelFor = field.type === "ref-list" ? undefined : fieldId;
        return (
          <div key={field.name}>
            {field.type === "ref-list" ? (
              <p className="text-sm font-medium">
                {field.label}
                {field.required ? <span aria-hidden="true"> *</span> : null}
              </p>
            ) : (
              <label htmlFor={labelFor} className="block text-sm font-medium">
                {field.label}
                {field.required ? <span aria-hidden="true"> *</span> : null}
              </label>
            )}
            {control}
            {field.type === "text" && environments.some((env) => perEnvironment[env]![field.name] !== undefined) ? (
              <div className="mt-1 space-y-1 border-l-2 border-slate-300 pl-3">
                {environments
                  .filter((env) => perEnvironment[env]![field.name] !== undefined)
                  .map((env) => (
                    <label key={env} className="flex items-center gap-2 text-sm">
                      <span className="w-20 shrink-0 text-slate-700">in {env}</span>
                      <input
                        value={perEnvironment[env]![field.name]}
                        aria-label={`${field.label} in ${env}`}
                        onChange={(event) =>
                          setPerEnvironment((current) => ({
                            ...current,
                            [env]: { ...current[env], [field.name]: event.target.value },
                          }))
                        }
                        className="w-full rounded-md border border-slate-400 px-2 py-1 text-sm"
                      />
                    </label>
                  ))}
              </div>
            ) : null}
            {unresolved[field.name]?.length ? (
              <p className="mt-0.5 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">
                The imported document wrote “{unresolved[field.name]!.join("”, “")}”, which matches no{" "}
                {labelInSentence(field.label)}: choose the one it means (later imports will know the name).
              </p>
            ) : null}
            {field.help ? (
              <p id={`${fieldId}-help`} className="mt-0.5 text-xs text-slate-600">
                {field.help}
              </p>
            ) : null}
            {error ? (
              <p id={`${fieldId}-error`} className="mt-0.5 text-sm text-red-800">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <div className="flex gap-3 pt-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-900 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : submitLabel}
        </button>
        <button type="button" onClick={onCancel} className="rounded-md border border-slate-400 px-4 py-2 text-sm">
          Cancel
        </button>
      </div>
    </form>
  );
}
