"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { DataTable } from "@/components/data-table";
import { openedRecord } from "@/components/opened-record";
import { RecordHistory } from "@/components/record-history";
import { SpecRecordForm, type RefOption } from "@/components/spec-record-form";
import { displayValue, type RefTitles } from "@/components/spec-values";
import { FilterSearch } from "@/components/table-filters";
import type { FieldDef } from "@/lib/domain/spec/fields";
import { labelInSentence } from "@/lib/domain/spec/kinds";
import { isFilled, isPlaceholder } from "@/lib/domain/spec/placeholders";
import { ApiError } from "@/lib/queries/api-client";
import { useSpecMutations, useSpecRecords, type SpecRecord } from "@/lib/queries/spec";

export type SpecSectionEditorProps = {
  workspace: string;
  kind: string;
  label: string;
  fields: readonly FieldDef[];
  initialRecords: SpecRecord[];
  options: Record<string, RefOption[]>;
  canEdit: boolean;
  /** The record the address names (`?edit=<id>`, a finding's link): its editor opens with the page. */
  openRecordId?: string;
};

const pageSize = 50;

type Panel =
  | { mode: "create" }
  | { mode: "edit"; record: SpecRecord }
  | { mode: "history"; record: SpecRecord }
  | { mode: "conflict"; record: SpecRecord; mine: Record<string, unknown>; theirs: SpecRecord };

/** Turns a 400's field list into messages by top-level field ("staticRoutes.1" -> staticRoutes, entry 2). */
function fieldErrors(error: unknown): { byField: Record<string, string>; general: string | null } {
  if (!(error instanceof ApiError)) return { byField: {}, general: error ? String((error as Error).message) : null };
  const byField: Record<string, string> = {};
  for (const problem of error.details?.fields ?? []) {
    const [field, index] = problem.field.split(".");
    const message = index === undefined ? problem.message : `entry ${Number(index) + 1}: ${problem.message}`;
    byField[field ?? ""] = byField[field ?? ""] ? `${byField[field ?? ""]}; ${message}` : message;
  }
  return { byField, general: error.status === 400 ? "Check the highlighted fields." : error.message };
}

/** One section of the specification: a sortable, filterable table with add, edit, delete and history. */
export function SpecSectionEditor({
  workspace,
  kind,
  label,
  fields,
  initialRecords,
  options,
  canEdit,
  openRecordId,
}: SpecSectionEditorProps) {
  const { data: records = initialRecords } = useSpecRecords(workspace, kind, initialRecords);
  const { create, update, remove } = useSpecMutations(workspace, kind);
  const [opened] = useState(() => openedRecord(initialRecords, openRecordId, canEdit));
  const [panel, setPanel] = useState<Panel | null>(opened && opened.mode !== "missing" ? opened : null);
  const [filter, setFilter] = useState("");
  const [notice, setNotice] = useState<string | null>(
    opened?.mode === "missing" ? "The record the link named is no longer in this section." : null,
  );
  const id = useId();
  const panelHeading = useRef<HTMLHeadingElement>(null);

  // Opened from a link: bring the panel up when it starts low on the screen (below the table on a
  // narrow one); beside the table it is in view already and the page stays where it is.
  useEffect(() => {
    const heading = panelHeading.current;
    if (!opened || opened.mode === "missing" || !heading) return;
    if (heading.getBoundingClientRect().top > window.innerHeight / 2) heading.scrollIntoView({ block: "start" });
  }, [opened]);
  // Once that panel is closed, the address stops naming the record: a reload opens the section alone.
  useEffect(() => {
    if (panel || !openRecordId) return;
    const params = new URLSearchParams(window.location.search);
    if (!params.has("edit")) return;
    params.delete("edit");
    window.history.replaceState(null, "", `${window.location.pathname}${params.size ? `?${params}` : ""}`);
  }, [panel, openRecordId]);

  const titles: RefTitles = useMemo(
    () =>
      Object.fromEntries(Object.entries(options).map(([k, list]) => [k, new Map(list.map((o) => [o.id, o.title]))])),
    [options],
  );
  const shown = useMemo(() => fields.filter((f) => f.type !== "longtext").slice(0, 6), [fields]);
  const columns = useMemo<ColumnDef<SpecRecord>[]>(
    () => [
      ...shown.map((field): ColumnDef<SpecRecord> => ({
        id: field.name,
        header: field.label,
        accessorFn: (record) => displayValue(field, record.data[field.name], titles),
        cell: (info) => {
          const raw = info.row.original.data[field.name];
          const counted = field.required === true || field.tracked === true;
          const gap =
            isPlaceholder(raw) ||
            (Array.isArray(raw) && raw.some(isPlaceholder)) ||
            (counted && field.type !== "boolean" && !isFilled(raw));
          const mono = field.type.includes("cidr") || field.type === "ipv4" ? "font-mono" : "";
          // The name an imported document wrote that matches no record: shown as written, to resolve.
          const unmatched = (info.row.original.data.unresolved as Record<string, string[]> | undefined)?.[field.name];
          if (unmatched?.length)
            return (
              <span className="rounded bg-amber-100 px-1 text-amber-950">
                {[String(info.getValue()), ...unmatched.map((name) => `“${name}”`)].filter(Boolean).join(", ")}
                <span className="text-xs"> (matches no record)</span>
              </span>
            );
          const value = gap ? (
            <span className={`rounded bg-amber-100 px-1 text-amber-950 ${mono}`}>
              {String(info.getValue()) || "empty"}
              <span className="sr-only"> (to finish)</span>
            </span>
          ) : (
            <span className={mono}>{String(info.getValue())}</span>
          );
          // Another environment's value of the same field (a system's test host), under the record's.
          const others = Object.entries(
            (info.row.original.data.perEnvironment ?? {}) as Record<string, Record<string, string>>,
          ).filter(([, values]) => values[field.name]);
          if (!others.length) return value;
          return (
            <>
              {value}
              {others.map(([env, values]) => (
                <span key={env} className="block text-xs text-slate-600">
                  {env}: {values[field.name]}
                </span>
              ))}
            </>
          );
        },
      })),
      ...(records.some((r) => r.governedBy?.length)
        ? [
            {
              id: "governedBy",
              header: "Governed by",
              accessorFn: (record: SpecRecord) => (record.governedBy ?? []).map((d) => d.number).join(" "),
              cell: ({ row }: { row: { original: SpecRecord } }) => (
                <span className="flex flex-wrap gap-1">
                  {(row.original.governedBy ?? []).map((d) => (
                    <Link
                      key={d.number}
                      href={`/w/${workspace}/decisions/${d.number}`}
                      title={`${d.title} (${d.status})`}
                      className="font-mono text-brand-700 underline"
                    >
                      governed by {d.number}
                    </Link>
                  ))}
                </span>
              ),
            } satisfies ColumnDef<SpecRecord>,
          ]
        : []),
      {
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        cell: ({ row }) => {
          const record = row.original;
          return (
            <div className="flex justify-end gap-2">
              {canEdit ? (
                <button
                  type="button"
                  onClick={() => {
                    reset();
                    setPanel({ mode: "edit", record });
                  }}
                  className="text-brand-700 underline"
                >
                  Edit<span className="sr-only"> {record.title}</span>
                </button>
              ) : null}
              <button
                type="button"
                onClick={() => setPanel({ mode: "history", record })}
                className="text-brand-700 underline"
              >
                History<span className="sr-only"> of {record.title}</span>
              </button>
              {canEdit ? (
                <button
                  type="button"
                  onClick={() => {
                    if (!window.confirm(`Delete ${labelInSentence(label)} "${record.title}"? This cannot be undone.`))
                      return;
                    remove.mutate(
                      { id: record.id, version: record.version },
                      {
                        onSuccess: () => setNotice(`Deleted "${record.title}".`),
                        onError: (error) => setNotice(error.message),
                      },
                    );
                  }}
                  className="text-red-800 underline"
                >
                  Delete<span className="sr-only"> {record.title}</span>
                </button>
              ) : null}
            </div>
          );
        },
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the mutation objects are stable enough for a cell renderer
    [shown, titles, canEdit, label, records, workspace],
  );

  function reset() {
    create.reset();
    update.reset();
    setNotice(null);
  }

  const active = panel?.mode === "create" ? create : update;
  const { byField, general } = fieldErrors(active.error);

  function save(data: Record<string, unknown>, record: SpecRecord | null, version?: number) {
    if (!record) {
      create.mutate(data, {
        onSuccess: (saved) => {
          setPanel(null);
          setNotice(`Added "${saved.title}".`);
        },
      });
      return;
    }
    update.mutate(
      { id: record.id, version: version ?? record.version, data },
      {
        onSuccess: (saved) => {
          setPanel(null);
          setNotice(`Saved "${saved.title}" (version ${saved.version}).`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) {
            // Keep only what this user changed, laid over the other person's version.
            const theirs = error.details?.current as SpecRecord;
            const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
            const mine = Object.fromEntries(
              fields.map((f) => [f.name, same(data[f.name], record.data[f.name]) ? theirs.data[f.name] : data[f.name]]),
            );
            setPanel({ mode: "conflict", record, mine, theirs });
          }
        },
      },
    );
  }

  return (
    <div className="flex flex-col gap-4 lg:flex-row lg:items-start">
      <section
        aria-labelledby={`${id}-title`}
        className="min-w-0 flex-1 rounded-lg border border-slate-200 bg-white p-4"
      >
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {records.length} {records.length === 1 ? "record" : "records"}
          </h2>
          <div className="flex items-center gap-3">
            <FilterSearch label="Filter" value={filter} onChange={setFilter} width="w-48" inline />
            {canEdit ? (
              <button
                type="button"
                onClick={() => {
                  reset();
                  setPanel({ mode: "create" });
                }}
                className="rounded-md bg-brand-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
              >
                Add {labelInSentence(label)}
              </button>
            ) : null}
          </div>
        </div>
        {notice ? (
          <p role="status" className="mb-3 rounded-md bg-slate-100 px-3 py-2 text-sm">
            {notice}
          </p>
        ) : null}
        <DataTable
          columns={columns}
          data={records}
          getRowId={(record) => record.id}
          caption={label}
          clientSide={{ globalFilter: filter }}
          paging={{ kind: "client", pageSize }}
          empty={
            records.length === 0
              ? {
                  title: "Nothing here yet",
                  body: (
                    <p>{canEdit ? `Add the first ${labelInSentence(label)}.` : "An architect fills this section."}</p>
                  ),
                }
              : { title: `No ${labelInSentence(label)} matches “${filter}”` }
          }
        />
      </section>

      {panel ? (
        <aside
          aria-labelledby={`${id}-panel`}
          className="w-full rounded-lg border border-slate-200 bg-white p-4 lg:w-[26rem]"
        >
          <h2 id={`${id}-panel`} ref={panelHeading} className="mb-3 scroll-mt-4 text-lg font-semibold">
            {panel.mode === "create"
              ? `New ${labelInSentence(label)}`
              : panel.mode === "edit"
                ? `Edit ${panel.record.title}`
                : panel.mode === "history"
                  ? `History of ${panel.record.title}`
                  : "Someone else changed this record"}
          </h2>
          {general && (panel.mode === "create" || panel.mode === "edit") ? (
            <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-900">
              {general}
            </p>
          ) : null}
          {panel.mode === "create" || panel.mode === "edit" ? (
            <SpecRecordForm
              key={panel.mode === "edit" ? `${panel.record.id}-${panel.record.version}` : "new"}
              fields={fields}
              initial={panel.mode === "edit" ? panel.record.data : null}
              options={options}
              errors={byField}
              pending={active.isPending}
              submitLabel={panel.mode === "create" ? `Add ${labelInSentence(label)}` : "Save changes"}
              onSubmit={(data) => save(data, panel.mode === "edit" ? panel.record : null)}
              onCancel={() => setPanel(null)}
            />
          ) : null}
          {panel.mode === "history" ? (
            <>
              <RecordHistory workspace={workspace} recordId={panel.record.id} fields={fields} titles={titles} />
              <button
                type="button"
                onClick={() => setPanel(null)}
                className="mt-4 rounded-md border border-slate-400 px-3 py-1.5 text-sm"
              >
                Close
              </button>
            </>
          ) : null}
          {panel.mode === "conflict" ? (
            <div className="space-y-3 text-sm">
              <p role="alert">
                While you edited, this record was saved by someone else (now version {panel.theirs.version}). Nothing
                was overwritten. Where you both changed a field, compare; applying yours keeps their other changes.
              </p>
              <table className="w-full text-left">
                <thead>
                  <tr>
                    <th scope="col" className="py-1 pr-2 font-medium">
                      Field
                    </th>
                    <th scope="col" className="py-1 pr-2 font-medium">
                      Theirs
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Yours
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {fields
                    .filter(
                      (f) =>
                        JSON.stringify(panel.theirs.data[f.name] ?? null) !==
                        JSON.stringify(panel.mine[f.name] ?? null),
                    )
                    .map((f) => (
                      <tr key={f.name} className="border-t border-slate-100">
                        <th scope="row" className="py-1 pr-2 font-normal">
                          {f.label}
                        </th>
                        <td className="py-1 pr-2">{displayValue(f, panel.theirs.data[f.name], titles) || "(empty)"}</td>
                        <td className="py-1">{displayValue(f, panel.mine[f.name], titles) || "(empty)"}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
              <div className="flex flex-wrap gap-3">
                <button
                  type="button"
                  onClick={() => save(panel.mine, panel.theirs, panel.theirs.version)}
                  className="rounded-md bg-brand-900 px-3 py-1.5 font-semibold text-white"
                >
                  Apply my changes on top
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setPanel(null);
                    setNotice(`Kept the other change to "${panel.theirs.title}".`);
                  }}
                  className="rounded-md border border-slate-400 px-3 py-1.5"
                >
                  Keep theirs
                </button>
              </div>
            </div>
          ) : null}
        </aside>
      ) : null}
    </div>
  );
}
