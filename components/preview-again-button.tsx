"use client";

export type PreviewAgainButtonProps = { onClick: () => void; pending: boolean; children: React.ReactNode };

/** Runs the import preview again with what the architect chose in one of its panels. */
export function PreviewAgainButton({ onClick, pending, children }: PreviewAgainButtonProps) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={pending}
      className="mt-3 rounded-md border border-brand-700 px-3 py-1 text-sm font-medium text-brand-700 disabled:opacity-50"
    >
      {children}
    </button>
  );
}
