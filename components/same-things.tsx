"use client";

import { PreviewAgainButton } from "@/components/preview-again-button";
import { useId } from "react";
import { describeRow } from "@/lib/domain/document/draft";
import { isSpecKind, specKinds } from "@/lib/domain/spec/kinds";
import type { ImportReport } from "@/lib/queries/documents";

/** A question's key in the answers: kind and both names. */
export const sameThingKey = (kind: string, names: readonly [string, string]) => [kind, ...names].join("\u0000");

export type SameThingsProps = {
  report: ImportReport;
  answers: Record<string, "same" | "different">;
  onAnswer: (key: string, answer: "same" | "different" | "") => void;
  onApply: () => void;
  pending: boolean;
};

/** Records of different tables with close names ("Epic", "Epic EHR"): the architect says whether they are one. */
export function SameThings({ report, answers, onAnswer, onApply, pending }: SameThingsProps) {
  const id = useId();
  if (!report.questions.length) return null;
  const withFile = new Set(report.questions.flatMap((q) => q.places.map((p) => p.file))).size > 1;
  return (
    <section aria-labelledby={`${id}-same`} className="rounded-md border border-amber-300 bg-amber-50 p-4">
      <h3 id={`${id}-same`} className="font-medium">
        Possibly the same ({report.questions.length})
      </h3>
      <p className="text-sm text-slate-700">
        These names of different tables are close but not the same, so they are imported as separate records. Say
        whether they are one: the answer is remembered for the next import of this document.
      </p>
      <ul className="mt-2 space-y-2 text-sm">
        {report.questions.map((q, i) => {
          const key = sameThingKey(q.kind, q.names);
          const label = isSpecKind(q.kind) ? specKinds[q.kind].label.toLowerCase() : q.kind;
          return (
            <li key={key} className="flex flex-wrap items-center gap-2">
              <label htmlFor={`${id}-${i}`}>
                “{q.names[0]}” in {describeRow(q.places[0], withFile)} and “{q.names[1]}” in{" "}
                {describeRow(q.places[1], withFile)} ({q.why}) are
              </label>
              <select
                id={`${id}-${i}`}
                value={answers[key] ?? ""}
                onChange={(event) => onAnswer(key, event.target.value as "same" | "different" | "")}
                className="rounded border border-slate-300 bg-white px-2 py-1"
              >
                <option value="">not decided (two records)</option>
                <option value="same">one {label}</option>
                <option value="different">two different {label}s</option>
              </select>
            </li>
          );
        })}
      </ul>
      <PreviewAgainButton onClick={onApply} pending={pending}>
        Preview again with these answers
      </PreviewAgainButton>
    </section>
  );
}
