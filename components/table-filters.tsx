"use client";

import { useId, type ReactNode } from "react";

export type FilterOption = { value: string; label: string };

/** Options whose label is their value. */
export const toOptions = (values: readonly string[]): FilterOption[] =>
  values.map((value) => ({ value, label: value }));

const control = "h-8 rounded-md border border-slate-400 bg-white px-2 py-1";

export type FilterBarProps = {
  children: ReactNode;
  /** Given while some filter is set: shows "Reset filters", which calls it. */
  onReset?: () => void;
};

/** The filters above a table: a search landmark that never submits (every filter applies as it changes). */
export function FilterBar({ children, onReset }: FilterBarProps) {
  return (
    <form role="search" className="mb-3 flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
      {children}
      {onReset ? (
        <button type="button" onClick={onReset} className="rounded-md px-2 py-1 text-sm text-brand-700 underline">
          Reset filters
        </button>
      ) : null}
    </form>
  );
}

export type FilterSelectProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly FilterOption[];
  /** The label of "" (no filter). */
  allLabel?: string;
};

/** A labelled select over `options` and "" ("All"); a value not among the options (from an address) stays choosable. */
export function FilterSelect({ label, value, onChange, options, allLabel = "All" }: FilterSelectProps) {
  const id = useId();
  const shown =
    value !== "" && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;
  // The label names its select alone (a label wrapping a select takes in every option's text).
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={control}>
        <option value="">{allLabel}</option>
        {shown.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export type FilterSearchProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Tailwind width of the box. */
  width?: string;
  /** Label beside the box rather than above it (a single filter in a card's header). */
  inline?: boolean;
};

/** A labelled search box that filters as one types. */
export function FilterSearch({ label, value, onChange, width = "w-48", inline = false }: FilterSearchProps) {
  const id = useId();
  return (
    <div className={`flex text-sm ${inline ? "items-center gap-3" : "flex-col gap-1"}`}>
      <label htmlFor={id} className={inline ? "" : "font-medium"}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`${width} ${control}`}
      />
    </div>
  );
}
