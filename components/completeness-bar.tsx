export type CompletenessBarProps = { ratio: number; label: string };

/** A completeness figure: a percentage and a bar (the number is what counts; the bar helps scan). */
export function CompletenessBar({ ratio, label }: CompletenessBarProps) {
  const percent = Math.round(ratio * 100);
  const tone = percent >= 90 ? "bg-green-700" : percent >= 50 ? "bg-amber-600" : "bg-red-700";
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        className="h-2 w-28 overflow-hidden rounded bg-slate-200"
      >
        <div className={`h-full ${tone}`} style={{ width: `${percent}%` }} />
      </div>
      <span className="w-10 text-right text-sm tabular-nums">{percent}%</span>
    </div>
  );
}
