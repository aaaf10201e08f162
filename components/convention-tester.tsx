"use client";

import { useId, useMemo, useState } from "react";
import { checkName, compilePattern, describePart, PatternError } from "@/lib/domain/naming/pattern";

export type ConventionTesterProps = { conventions: { name: string; pattern: string; maxLength: number | null }[] };

/** Try a name against a pattern as you type: pass or fail, which part fails, and a suggestion. */
export function ConventionTester({ conventions }: ConventionTesterProps) {
  const id = useId();
  const [pattern, setPattern] = useState(conventions[0]?.pattern ?? "{company}-{env:dev|tst|ppd|prd}-{api}");
  const [maxLength, setMaxLength] = useState(conventions[0]?.maxLength ? String(conventions[0].maxLength) : "42");
  const [name, setName] = useState("");
  const compiled = useMemo(() => {
    try {
      return { ok: true as const, pattern: compilePattern(pattern) };
    } catch (error) {
      return { ok: false as const, message: error instanceof PatternError ? error.message : String(error) };
    }
  }, [pattern]);
  const result = compiled.ok && name ? checkName(compiled.pattern, name, maxLength ? Number(maxLength) : null) : null;

  return (
    <section aria-labelledby={`${id}-title`} className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Test a name
      </h2>
      <p className="mt-1 max-w-prose text-sm text-slate-600">
        Patterns are literal text plus <code>{"{name}"}</code> (lowercase words joined by hyphens),{" "}
        <code>{"{name:a|b|c}"}</code> (one of the values), <code>{"{name:/regex/}"}</code> (a custom expression) and{" "}
        <code>[ … ]</code> (an optional part).
      </p>
      <div className="mt-3 grid gap-3 md:grid-cols-[1fr_8rem_1fr]">
        <div>
          <label htmlFor={`${id}-pattern`} className="block text-sm font-medium">
            Pattern
          </label>
          {conventions.length ? (
            <select
              aria-label="Start from a convention"
              className="mb-1 w-full rounded-md border border-slate-400 px-2 py-1 text-sm"
              onChange={(e) => {
                const chosen = conventions[Number(e.target.value)];
                if (chosen) {
                  setPattern(chosen.pattern);
                  setMaxLength(chosen.maxLength ? String(chosen.maxLength) : "");
                }
              }}
            >
              {conventions.map((c, i) => (
                <option key={c.name} value={i}>
                  {c.name}
                </option>
              ))}
            </select>
          ) : null}
          <input
            id={`${id}-pattern`}
            value={pattern}
            onChange={(e) => setPattern(e.target.value)}
            aria-invalid={!compiled.ok}
            className="w-full rounded-md border border-slate-400 px-2 py-1 font-mono text-sm"
          />
        </div>
        <div>
          <label htmlFor={`${id}-max`} className="block text-sm font-medium">
            Max length
          </label>
          <input
            id={`${id}-max`}
            type="number"
            min={1}
            value={maxLength}
            onChange={(e) => setMaxLength(e.target.value)}
            className="w-full rounded-md border border-slate-400 px-2 py-1 text-sm"
          />
        </div>
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium">
            Name to test
          </label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className="w-full rounded-md border border-slate-400 px-2 py-1 font-mono text-sm"
          />
        </div>
      </div>
      <div role="status" aria-live="polite" className="mt-3 text-sm">
        {!compiled.ok ? <p className="text-red-800">The pattern cannot be used: {compiled.message}</p> : null}
        {compiled.ok && !name ? (
          <p className="text-slate-600">Parts: {compiled.pattern.parts.map(describePart).join(" · ")}</p>
        ) : null}
        {result?.ok ? (
          <p className="text-green-800">
            Passes.{" "}
            {Object.entries(result.values)
              .map(([k, v]) => `${k} = ${v}`)
              .join(", ")}
          </p>
        ) : null}
        {result && !result.ok ? (
          <p className="text-red-800">
            Fails: {result.message}
            {result.suggestion ? (
              <>
                . Suggested: <code>{result.suggestion}</code>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
    </section>
  );
}
