export type PagerProps = { offset: number; pageSize: number; total: number; onChange: (offset: number) => void };

/** Previous / next over a list paged on the server; hidden when everything fits on one page. */
export function Pager({ offset, pageSize, total, onChange }: PagerProps) {
  if (total <= pageSize) return null;
  return (
    <div className="mt-3 flex items-center gap-3 text-sm">
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - pageSize))}
        className="rounded-md border border-slate-400 px-2 py-1 disabled:opacity-50"
      >
        Previous
      </button>
      <span>
        {offset + 1}–{Math.min(total, offset + pageSize)} of {total}
      </span>
      <button
        type="button"
        disabled={offset + pageSize >= total}
        onClick={() => onChange(offset + pageSize)}
        className="rounded-md border border-slate-400 px-2 py-1 disabled:opacity-50"
      >
        Next
      </button>
    </div>
  );
}
