export type PagerProps = { offset: number; pageSize: number; total: number; onChange: (offset: number) => void };

const button = "rounded-md border border-slate-400 px-2 py-1 disabled:opacity-50";

/** Previous / next over a paged list; hidden when everything fits on one page. */
export function Pager({ offset, pageSize, total, onChange }: PagerProps) {
  if (total <= pageSize) return null;
  return (
    <div className="mt-3 flex items-center gap-3 text-sm">
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - pageSize))}
        className={button}
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
        className={button}
      >
        Next
      </button>
    </div>
  );
}

export type CursorPagerProps = { onNewer?: () => void; onOlder?: () => void };

/** Newer / older over a list paged by cursor (no total known); each button only when there is a page that way. */
export function CursorPager({ onNewer, onOlder }: CursorPagerProps) {
  if (!onNewer && !onOlder) return null;
  return (
    <div className="mt-3 flex items-center gap-3 text-sm">
      {onNewer ? (
        <button type="button" onClick={onNewer} className={button}>
          Newer
        </button>
      ) : null}
      {onOlder ? (
        <button type="button" onClick={onOlder} className={button}>
          Older
        </button>
      ) : null}
    </div>
  );
}
