"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { ApiErrorAlert } from "@/components/api-error-alert";
import { PreviewAgainButton } from "@/components/preview-again-button";
import { SameThings } from "@/components/same-things";
import { useDocumentImport, type ImportReport } from "@/lib/queries/documents";
import { isSpecKind, specKinds } from "@/lib/domain/spec/kinds";
import { describePlace, describeRow } from "@/lib/domain/document/draft";

export type DocumentImportProps = { workspace: string };

const kindLabel = (kind: string) =>
  kind === "decision" ? "Decisions" : isSpecKind(kind) ? specKinds[kind].plural : kind;
const fieldLabel = (kind: string, field: string | null) =>
  field === null
    ? "whole row"
    : isSpecKind(kind)
      ? (specKinds[kind].fields.find((f) => f.name === field)?.label ?? field)
      : field;
const placeOf = describePlace;
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
/** "A, B and C". */
const listOf = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");

/**
 * Upload a specification document, review what it will create, update and leave, its gaps and
 * what could not be read; then apply exactly what was previewed.
 */
export function DocumentImport({ workspace }: DocumentImportProps) {
  const id = useId();
  const { preview, apply } = useDocumentImport(workspace);
  const [files, setFiles] = useState<File[]>([]);
  const [onProblems, setOnProblems] = useState<"skip" | "abort">("skip");
  const [includeOffered, setIncludeOffered] = useState(false);
  const report = preview.data;
  const applied = apply.data;
  const error = (preview.error ?? apply.error) as Error | null;

  // What the architect says the document's unmatched names mean: "kind\u0000written" -> target name.
  const [choices, setChoices] = useState<Record<string, string>>({});
  const resolutions = Object.entries(choices)
    .filter(([, target]) => target)
    .map(([key, target]) => {
      const [kind, written] = key.split("\u0000") as [string, string];
      return { kind, written, target };
    });

  // Whether close names of different tables are one thing: "kind\u0000a\u0000b" -> the answer.
  const [answers, setAnswers] = useState<Record<string, "same" | "different">>({});
  const sameThings = Object.entries(answers).map(([key, answer]) => {
    const [kind, a, b] = key.split("\u0000") as [string, string, string];
    return { kind, names: [a, b] as [string, string], same: answer === "same" };
  });

  const runPreview = (next: { includeOffered?: boolean } = {}) => {
    apply.reset();
    preview.mutate({
      files,
      onProblems,
      includeOffered: next.includeOffered ?? includeOffered,
      resolutions,
      sameThings,
    });
  };

  if (applied) return <AppliedSummary workspace={workspace} report={applied} />;

  return (
    <div className="space-y-6">
      <form
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-6"
        onSubmit={(event) => {
          event.preventDefault();
          runPreview();
        }}
      >
        <div>
          <label htmlFor={`${id}-files`} className="block text-sm font-medium">
            Specification document
          </label>
          <p id={`${id}-files-hint`} className="text-sm text-slate-600">
            The architecture specification template filled in, as Markdown, Word (.docx) or a Confluence page (its HTML
            export, or its storage format as .xml): one file, several chapter files, or a zip of them (at most 10 MB).
            Nothing is written until you apply the preview.
          </p>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            accept=".md,.markdown,.txt,.docx,.html,.htm,.xml,.zip,text/markdown,text/html,application/zip,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={`${id}-files-hint`}
            className="mt-2 block text-sm"
            onChange={(event) => {
              setFiles([...(event.target.files ?? [])]);
              setChoices({});
              preview.reset();
              apply.reset();
            }}
          />
        </div>
        <button
          type="submit"
          disabled={files.length === 0 || preview.isPending}
          className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          {preview.isPending ? "Reading…" : "Preview import"}
        </button>
      </form>

      <ApiErrorAlert error={error} className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" />

      {report ? (
        <section
          aria-labelledby={`${id}-preview`}
          className="space-y-5 rounded-lg border border-slate-200 bg-white p-6"
        >
          <h2 id={`${id}-preview`} className="text-lg font-semibold">
            Preview
          </h2>
          <p className="text-sm">
            From {report.files.map((f) => f.name).join(", ")}: <strong>{total(report.created)}</strong> to create,{" "}
            <strong>{total(report.updated)}</strong> to update, {report.unchanged} unchanged;{" "}
            <strong>{report.gaps.length}</strong> gaps and <strong>{report.problems.length}</strong> parts that could
            not be read.
          </p>
          <table className="text-left text-sm">
            <caption className="sr-only">Records per section</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-6">
                  Section
                </th>
                <th scope="col" className="py-1 pr-6 text-right">
                  Create
                </th>
                <th scope="col" className="py-1 text-right">
                  Update
                </th>
              </tr>
            </thead>
            <tbody>
              {[...new Set([...Object.keys(report.created), ...Object.keys(report.updated)])].map((kind) => (
                <tr key={kind} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-6 font-normal">
                    {kindLabel(kind)}
                  </th>
                  <td className="py-1 pr-6 text-right tabular-nums">{report.created[kind] ?? 0}</td>
                  <td className="py-1 text-right tabular-nums">{report.updated[kind] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>

          {report.records.some((r) => r.action === "update") || report.decisions.some((d) => d.action === "update") ? (
            <div>
              <h3 className="font-medium">Updates, field by field</h3>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                {report.records
                  .filter((r) => r.action === "update")
                  .map((r) => (
                    <li key={`${r.kind}-${r.title}`}>
                      {kindLabel(r.kind)} “{r.title}”:{" "}
                      {r.changes.map((c) => `${c.label} “${c.from}” → “${c.to}”`).join("; ")}
                    </li>
                  ))}
                {report.decisions
                  .filter((d) => d.action === "update")
                  .map((d) => (
                    <li key={d.number}>
                      {d.number} “{d.title}”: {d.changes.join(", ")} (a new revision; reviews asked again)
                    </li>
                  ))}
              </ul>
            </div>
          ) : null}

          {report.merged.length ? (
            <div>
              <h3 className="font-medium">Merged ({report.merged.length})</h3>
              <p className="text-sm text-slate-600">
                Rows that name one thing (a key system and its catalog rows), imported as one record under the plain
                name.
              </p>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                {report.merged.map((m, i) => {
                  // The file matters only when the rows are in different chapter files.
                  const withFile = new Set(m.from.map((f) => f.place.file)).size > 1;
                  return (
                    <li key={`${m.kind}-${m.title}-${i}`}>
                      {isSpecKind(m.kind) ? specKinds[m.kind].label : m.kind} “{m.title}” from{" "}
                      {listOf(
                        m.from.map(
                          (f) => `${describeRow(f.place, withFile)}${f.name === m.title ? "" : ` as “${f.name}”`}`,
                        ),
                      )}
                      : {m.rule}
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}

          <SameThings
            report={report}
            answers={answers}
            onAnswer={(key, answer) =>
              setAnswers((current) => {
                const { [key]: _dropped, ...rest } = current;
                return answer ? { ...rest, [key]: answer } : rest;
              })
            }
            onApply={() => runPreview()}
            pending={preview.isPending}
          />

          <UnmatchedNames
            report={report}
            resolved={resolutions}
            choices={choices}
            onChoose={(key, target) => setChoices((current) => ({ ...current, [key]: target }))}
            onApply={() => runPreview()}
            pending={preview.isPending}
          />

          {report.keptAsText.length ? (
            <div>
              <h3 className="font-medium">Kept as text: {report.keptAsText.length} tables</h3>
              <p className="text-sm text-slate-600">
                Tables that are not the template&apos;s stay, cells and all, in their section&apos;s text; they are not
                read as records.
              </p>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                {report.keptAsText.map((t, i) => (
                  <li key={i}>
                    {t.place.section}
                    {t.caption && t.caption !== t.place.section ? `, “${t.caption}”` : ""}: {t.headers.join(" | ")} (
                    {t.rows} rows)
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          {report.problems.length ? (
            <div>
              <h3 className="font-medium">Could not be read ({report.problems.length})</h3>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-red-900">
                {report.problems.map((p, i) => (
                  <li key={i}>
                    <span className="text-slate-700">{placeOf(p.place)}:</span> {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          {report.gaps.length ? (
            <div>
              <h3 className="font-medium">Gaps ({report.gaps.length})</h3>
              <p className="text-sm text-slate-600">
                Placeholders and empty values the template asks for. They become findings on the dashboard; values that
                cannot be kept in a record (a number, a choice) stay open until the specification says otherwise.
              </p>
              <table className="mt-2 w-full text-left text-sm">
                <caption className="sr-only">Gaps found in the document</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-1 pr-3">
                      Where
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Record
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Field
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Value
                    </th>
                    <th scope="col" className="py-1">
                      Kept
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.gaps.map((g, i) => (
                    <tr key={i} className="border-b border-slate-100 align-top">
                      <td className="py-1 pr-3 text-slate-700">{placeOf(g.place)}</td>
                      <td className="py-1 pr-3">
                        {kindLabel(g.kind)} {g.record ? `“${g.record}”` : ""}
                      </td>
                      <td className="py-1 pr-3">{fieldLabel(g.kind, g.field)}</td>
                      <td className="py-1 pr-3 font-mono text-xs break-all">{g.value || "(empty)"}</td>
                      <td className="py-1">{g.kept ? "in the record" : "open gap"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}

          {report.offered.length ? (
            <fieldset>
              <legend className="font-medium">Naming conventions offered by the mapping rules</legend>
              <p className="text-sm text-slate-600">
                The target apps of the DLB mapping rules are the estate&apos;s application naming convention.
              </p>
              <ul className="mt-1 font-mono text-xs">
                {report.offered.map((o) => (
                  <li key={o.pattern}>{o.pattern}</li>
                ))}
              </ul>
              <label className="mt-2 flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={includeOffered}
                  onChange={(event) => {
                    setIncludeOffered(event.target.checked);
                    runPreview({ includeOffered: event.target.checked });
                  }}
                />
                Take them as naming conventions
              </label>
            </fieldset>
          ) : null}

          <fieldset>
            <legend className="font-medium">When parts of the document cannot be read</legend>
            <label className="mt-1 flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-on-problems`}
                checked={onProblems === "skip"}
                onChange={() => setOnProblems("skip")}
              />
              Import the rest, and keep the list of what was skipped
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-on-problems`}
                checked={onProblems === "abort"}
                onChange={() => setOnProblems("abort")}
              />
              Import nothing
            </label>
          </fieldset>

          <button
            type="button"
            disabled={apply.isPending}
            onClick={() =>
              apply.mutate({ files, onProblems, includeOffered, resolutions, sameThings, expect: report.digest })
            }
            className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
          >
            {apply.isPending ? "Importing…" : "Apply import"}
          </button>
        </section>
      ) : null}
    </div>
  );
}

function AppliedSummary({ workspace, report }: { workspace: string; report: ImportReport }) {
  return (
    <section role="status" className="space-y-3 rounded-lg border border-green-300 bg-green-50 p-6">
      <h2 className="text-lg font-semibold">Imported</h2>
      <p className="text-sm">
        {total(report.created)} records created, {total(report.updated)} updated, {report.unchanged} unchanged;{" "}
        {report.gaps.length} gaps recorded, {report.problems.length} parts skipped. The rules run again in a moment.
      </p>
      <ul className="flex gap-4 text-sm">
        <li>
          <Link className="text-brand-700 underline" href={`/w/${workspace}/specification`}>
            Open the specification
          </Link>
        </li>
        <li>
          <Link className="text-brand-700 underline" href={`/w/${workspace}`}>
            See the gaps on the dashboard
          </Link>
        </li>
      </ul>
    </section>
  );
}

type UnmatchedNamesProps = {
  report: ImportReport;
  resolved: { kind: string; written: string; target: string }[];
  choices: Record<string, string>;
  onChoose: (key: string, target: string) => void;
  onApply: () => void;
  pending: boolean;
};

/** References the document writes that match no record: kept as written, unless the architect says what they mean. */
function UnmatchedNames({ report, resolved, choices, onChoose, onApply, pending }: UnmatchedNamesProps) {
  const id = useId();
  const unmatched = report.gaps.filter((g) => g.reason === "unresolved reference" && g.refKind);
  // One choice per name: the same misspelling in ten rows is said once.
  const names = [...new Map(unmatched.map((g) => [`${g.refKind}\u0000${g.value.toLowerCase()}`, g])).entries()];
  if (!names.length)
    return resolved.length ? (
      <p role="status" className="text-sm text-slate-700">
        Names resolved in this preview (remembered when you apply):{" "}
        {resolved.map((r) => `“${r.written}” is ${r.target}`).join("; ")}.
      </p>
    ) : null;
  return (
    <section aria-labelledby={`${id}-unmatched`} className="rounded-md border border-amber-300 bg-amber-50 p-4">
      <h3 id={`${id}-unmatched`} className="font-medium">
        Names that match no record ({names.length})
      </h3>
      <p className="text-sm text-slate-700">
        The records are imported with the name as written and reported until resolved. Say what a name means and it is
        remembered for the next import of this document.
      </p>
      <ul className="mt-2 space-y-2 text-sm">
        {names.map(([key, gap]) => {
          const rows = unmatched.filter((g) => `${g.refKind}\u0000${g.value.toLowerCase()}` === key);
          const candidates = report.referenceCandidates[gap.refKind!] ?? [];
          return (
            <li key={key} className="flex flex-wrap items-center gap-2">
              <label htmlFor={`${id}-${key}`}>
                {fieldLabel(gap.kind, gap.field)} “<span className="font-mono">{gap.value}</span>” in{" "}
                {rows.map((g) => `${isSpecKind(g.kind) ? specKinds[g.kind].label : g.kind} “${g.record}”`).join(", ")}
                {gap.suggestion ? ` (closest: ${gap.suggestion.name}, ${gap.suggestion.why})` : ""} means
              </label>
              <select
                id={`${id}-${key}`}
                value={choices[key] ?? ""}
                onChange={(event) => onChoose(key, event.target.value)}
                className="rounded border border-slate-300 bg-white px-2 py-1"
              >
                <option value="">no record yet (keep as written)</option>
                {candidates.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      <PreviewAgainButton onClick={onApply} pending={pending}>
        Preview again with these names
      </PreviewAgainButton>
    </section>
  );
}
