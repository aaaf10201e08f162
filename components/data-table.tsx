"use client";

import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getGroupedRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type PaginationState,
  type RowData,
  type SortingState,
  type Table,
} from "@tanstack/react-table";
import { useMemo, useState, type ReactNode } from "react";
import { EmptyState } from "@/components/empty-state";
import { CursorPager, Pager } from "@/components/pager";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the augmented interface must repeat TanStack's parameters
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes of the column's cells (font-mono, tabular-nums, whitespace-nowrap…). */
    className?: string;
  }
}

/**
 * How the rows are paged. "server": the API pages and filters the list (the caller's query hook reads one page
 * for `offset`); "cursor": the API pages by cursor and knows no total; "client": the whole list is loaded and the
 * table pages it.
 */
export type DataTablePaging =
  | { kind: "server"; offset: number; pageSize: number; total: number; onChange: (offset: number) => void }
  | { kind: "cursor"; onNewer?: () => void; onOlder?: () => void }
  | { kind: "client"; pageSize: number };

export type DataTableProps<T> = {
  columns: ColumnDef<T>[];
  /** The rows (one page of them when paged on the server); undefined until the first answer. */
  data: T[] | undefined;
  getRowId: (row: T) => string;
  paging?: DataTablePaging;
  /** Client-side search over every column's value (lists loaded whole); its header sorts by a column on click. */
  clientSide?: { globalFilter: string };
  /** Groups the rows by this column's value (as TanStack's grouped row model); for a custom `layout`. */
  groupBy?: string;
  /** A screen-reader caption naming the table. */
  caption?: string;
  /** What is shown when there is no row to show. */
  empty: { title: string; body?: ReactNode };
  /** A refetch is under way (the rows shown are the previous answer's). */
  isFetching?: boolean;
  error?: { message: string } | null;
  /** Put before the error's message ("Could not load…: "). */
  errorPrefix?: string;
  /** Renders the rows other than as a table (a grouped list), with the same states and paging around them. */
  layout?: (table: Table<T>) => ReactNode;
};

const cell = "py-2 pr-3 last:pr-0";

/** A list on TanStack Table's headless model with its loading, error and empty states and its pager. */
export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, data, paging, clientSide, groupBy, empty, isFetching = false, error, layout } = props;
  const [sorting, setSorting] = useState<SortingState>([]);
  const [clientPage, setClientPage] = useState<PaginationState>({
    pageIndex: 0,
    pageSize: paging?.kind === "client" ? paging.pageSize : Number.MAX_SAFE_INTEGER,
  });
  const server = paging?.kind === "server" ? paging : null;
  // A state value that is new on every render makes TanStack recompute its row model, whose auto-resets set state:
  // a render loop that freezes the page.
  const grouping = useMemo(() => (groupBy ? [groupBy] : []), [groupBy]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns functions React Compiler cannot memoise
  const table = useReactTable({
    data: data ?? [],
    columns,
    getRowId: props.getRowId,
    getCoreRowModel: getCoreRowModel(),
    // Lists paged by the API are filtered and paged there: the table shows the page as it came.
    manualFiltering: !clientSide,
    manualPagination: paging?.kind !== "client",
    enableSorting: !!clientSide,
    ...(clientSide
      ? {
          getFilteredRowModel: getFilteredRowModel(),
          getSortedRowModel: getSortedRowModel(),
          globalFilterFn: "includesString" as const,
          onSortingChange: setSorting,
        }
      : {}),
    ...(paging?.kind === "client"
      ? { getPaginationRowModel: getPaginationRowModel(), onPaginationChange: setClientPage }
      : {}),
    ...(server
      ? {
          rowCount: server.total,
          onPaginationChange: (update) => {
            const state = { pageIndex: server.offset / server.pageSize, pageSize: server.pageSize };
            server.onChange((typeof update === "function" ? update(state) : update).pageIndex * server.pageSize);
          },
        }
      : {}),
    ...(groupBy ? { getGroupedRowModel: getGroupedRowModel(), autoResetExpanded: false } : {}),
    state: {
      sorting,
      globalFilter: clientSide?.globalFilter ?? "",
      grouping,
      pagination: server ? { pageIndex: server.offset / server.pageSize, pageSize: server.pageSize } : clientPage,
    },
  });
  const rows = table.getRowModel().rows;
  const { pageIndex, pageSize } = table.getState().pagination;

  return (
    <>
      {error ? (
        <p role="alert" className="mb-3 text-sm text-red-800">
          {props.errorPrefix}
          {error.message}
        </p>
      ) : null}
      <div aria-busy={isFetching} className={layout ? "space-y-4" : "overflow-x-auto"}>
        {data === undefined ? (
          error ? null : (
            <p className="py-4 text-sm text-slate-600">Loading…</p>
          )
        ) : rows.length === 0 ? (
          <EmptyState level={3} title={empty.title}>
            {empty.body}
          </EmptyState>
        ) : layout ? (
          layout(table)
        ) : (
          <table className="w-full text-left text-sm">
            {props.caption ? <caption className="sr-only">{props.caption}</caption> : null}
            <thead className="border-b border-slate-200">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    const title = flexRender(header.column.columnDef.header, header.getContext());
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                        className={`${cell} font-medium`}
                      >
                        {header.column.getCanSort() ? (
                          <button
                            type="button"
                            onClick={header.column.getToggleSortingHandler()}
                            className="font-medium hover:underline"
                          >
                            {title}
                            {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
                          </button>
                        ) : (
                          title
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100 align-top">
                  {row.getVisibleCells().map((c) => (
                    <td key={c.id} className={`${cell} ${c.column.columnDef.meta?.className ?? ""}`}>
                      {flexRender(c.column.columnDef.cell, c.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {paging?.kind === "cursor" ? (
        <CursorPager onNewer={paging.onNewer} onOlder={paging.onOlder} />
      ) : paging ? (
        <Pager
          offset={pageIndex * pageSize}
          pageSize={pageSize}
          total={table.getRowCount()}
          onChange={(offset) => table.setPageIndex(offset / pageSize)}
        />
      ) : null}
    </>
  );
}
