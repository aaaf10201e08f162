import { formatReadAt as when, labelReadScope, type ReadScope } from "@/lib/domain/live/read-scope";
import type { Json } from "@/lib/domain/json";

export type ReadStatusProps = {
  scopes: Json<ReadScope>[];
  /** Server time of the render, so that ages read the same on both sides. */
  now: string;
};

/** How long ago, for people: "just now", "40 min ago", "5 h ago", "3 days ago". */
export function formatAge(iso: string, now: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(now) - Date.parse(iso)) / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

/**
 * What the current snapshot's sync could not read, part by part: kept from an earlier sync (its
 * age, how many records) or unknown, and why. Whatever is not listed was read completely.
 */
export function ReadStatus({ scopes, now }: ReadStatusProps) {
  const kept = scopes.filter((s) => s.status === "carried-forward");
  const unknown = scopes.length - kept.length;
  const oldest = scopes
    .map((s) => s.carriedFrom?.readAt)
    .filter((at): at is string => !!at)
    .sort()[0];
  return (
    <details
      open={scopes.length <= 10}
      className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <summary className="cursor-pointer font-medium">
        Partial: {scopes.length} {scopes.length === 1 ? "part" : "parts"} of the estate could not be read
        {kept.length ? ` · ${kept.length} kept from an earlier sync` : ""}
        {unknown ? ` · ${unknown} unknown` : ""}
      </summary>
      <p className="mt-1">
        Everything else was read completely.
        {kept.length
          ? ` What was kept is checked as it was then${oldest ? ` (the oldest from ${when(oldest)}, ${formatAge(oldest, now)})` : ""}, and its findings are marked stale.`
          : ""}
        {unknown ? " Nothing unknown is reported missing, unplanned or without policies until a sync reads it." : ""}
      </p>
      <table className="mt-2 w-full text-left text-xs">
        <thead>
          <tr className="border-b border-amber-300">
            <th scope="col" className="py-1 pr-3 font-semibold">
              Not read
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">
              Where
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">
              Status
            </th>
            <th scope="col" className="py-1 font-semibold">
              Why
            </th>
          </tr>
        </thead>
        <tbody>
          {scopes.map((scope, i) => {
            const label = labelReadScope(scope);
            const from = scope.carriedFrom?.readAt;
            return (
              <tr key={i} className="border-b border-amber-200 align-top last:border-0">
                <td className="py-1 pr-3">{label.what}</td>
                <td className="py-1 pr-3">{label.where || "whole organisation"}</td>
                <td className="py-1 pr-3 whitespace-nowrap">
                  {scope.status === "carried-forward" && from ? (
                    <span className="rounded bg-amber-100 px-1">
                      Carried forward from <time dateTime={from}>{when(from)}</time> ({formatAge(from, now)}),{" "}
                      {scope.carriedRecords ?? 0} {scope.carriedRecords === 1 ? "record" : "records"}
                    </span>
                  ) : (
                    <span className="rounded bg-red-100 px-1 text-red-900">
                      Unreadable: unknown{scope.carriedRecords ? `, ${scope.carriedRecords} records kept` : ""}
                    </span>
                  )}
                </td>
                <td className="py-1 break-all">{scope.reason}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
