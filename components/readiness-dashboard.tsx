import Link from "next/link";
import { formatAge } from "@/components/read-status";
import { liveResourcePath } from "@/lib/domain/governance/finding-links";
import type { Readiness, ReadinessOverview } from "@/lib/domain/governance/readiness";
import type { Waiver } from "@/lib/queries/governance";

export type ReadinessDashboardProps = {
  workspace: string;
  /** Readiness per environment and per business group, each possibly cut to those needing most attention. */
  readiness: Record<Readiness["scope"], ReadinessOverview>;
  /** How many cards a scope shows before it is cut to those needing most attention. */
  readinessLimit: number;
  trend: { at: string; error?: number; warning?: number; info?: number }[];
  /** The rules with the most open errors, each with its first few findings: what to do, and where. */
  topBlockers: { ruleId: string; title: string; count: number; findings?: BlockerFinding[] }[];
  /** Whether the reader may edit specification records: a finding's link says "Edit" or "Open". */
  canEditSpec?: boolean;
  /** Open findings of the gap rules: what the specification still leaves unfinished. */
  gaps: { ruleId: string; title: string; count: number }[];
  expiringWaivers: Pick<Waiver, "id" | "ruleId" | "fingerprint" | "resourceName" | "expiresAt" | "reason">[];
  requestedWaivers: number;
  decisionsAwaitingReview: { number: string; title: string; proposedAt: string | null }[];
  lastSyncAt: string | null;
  lastEvaluationAt: string | null;
  /** What the latest sync could not read and how old the data kept in its place is (findings marked stale). */
  liveData?: LiveDataAge;
  now: string;
};

/** One finding of a top blocker, as the dashboard shows it. */
export type BlockerFinding = {
  id: string;
  resourceKind: string;
  resourceName: string;
  environment: string | null;
  remediation: string;
  liveExternalId: string | null;
  editUrl: string | null;
};

type StaleCount = { count: number; oldest: string };
export type LiveDataAge = {
  keptParts: number;
  unknownParts: number;
  staleFindings: {
    count: number;
    oldest: string | null;
    byEnvironment: Record<string, StaleCount>;
    byBusinessGroup: Record<string, StaleCount>;
  };
};

const levelStyle = {
  "not-ready": { label: "Not ready", className: "border-red-300 bg-red-50 text-red-900" },
  "in-progress": { label: "In progress", className: "border-amber-300 bg-amber-50 text-amber-950" },
  ready: { label: "Ready", className: "border-green-300 bg-green-50 text-green-900" },
} as const;
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const card = "rounded-lg border border-slate-200 bg-white p-4";
const day = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "never");

function hoursSince(iso: string | null, now: string): number | null {
  return iso ? Math.round((Date.parse(now) - Date.parse(iso)) / 3_600_000) : null;
}

/** Open findings by severity over the past evaluations, as stacked bars (an SVG, readable without script). */
function TrendChart({ trend }: { trend: ReadinessDashboardProps["trend"] }) {
  const width = 560;
  const height = 120;
  const max = Math.max(1, ...trend.map((t) => (t.error ?? 0) + (t.warning ?? 0) + (t.info ?? 0)));
  const bar = width / Math.max(trend.length, 1);
  const colours = { error: "#b91c1c", warning: "#b45309", info: "#64748b" } as const;
  const last = trend.at(-1);
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="trend-title" className="h-32 w-full max-w-xl">
        <title id="trend-title">
          Open findings over the last {trend.length} evaluations; now {last?.error ?? 0} errors, {last?.warning ?? 0}{" "}
          warnings, {last?.info ?? 0} infos
        </title>
        {trend.map((t, i) => {
          let y = height;
          return (["error", "warning", "info"] as const).map((severity) => {
            const h = ((t[severity] ?? 0) / max) * (height - 4);
            y -= h;
            return (
              <rect
                key={`${i}-${severity}`}
                x={i * bar + 1}
                y={y}
                width={Math.max(1, bar - 2)}
                height={h}
                fill={colours[severity]}
              />
            );
          });
        })}
      </svg>
      <figcaption className="mt-1 flex gap-4 text-xs text-slate-700">
        {(["error", "warning", "info"] as const).map((s) => (
          <span key={s}>
            <span aria-hidden="true" className="mr-1 inline-block h-2 w-2" style={{ background: colours[s] }} />
            {s}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

const scopes = {
  environment: {
    title: "Environments",
    singular: "environment",
    plural: "environments",
    label: "Readiness per environment",
    all: "environments",
  },
  "business-group": {
    title: "Business groups",
    singular: "business group",
    plural: "business groups",
    label: "Readiness per business group",
    all: "business-groups",
  },
} as const;

/** One scope's cards: counts per level, then the cards shown (all, or those needing most attention). */
function ReadinessSection({
  workspace,
  scope,
  overview,
  limit,
  stale,
  now,
}: {
  workspace: string;
  scope: Readiness["scope"];
  overview: ReadinessOverview;
  limit: number;
  stale: Record<string, StaleCount>;
  now: string;
}) {
  const names = scopes[scope];
  const filter = scope === "environment" ? "environment" : "businessGroup";
  const cut = overview.hidden > 0;
  return (
    <section aria-label={names.label}>
      <div className="mb-2 flex flex-wrap items-baseline gap-x-3">
        <h2 className="text-lg font-semibold">{names.title}</h2>
        {overview.total > 0 ? (
          <p className="text-sm text-slate-700">
            {overview.total} {overview.total === 1 ? names.singular : names.plural}: {overview.byLevel["not-ready"]} not
            ready · {overview.byLevel["in-progress"]} in progress · {overview.byLevel.ready} ready
          </p>
        ) : null}
      </div>
      {cut ? (
        <p className="mb-2 text-sm text-slate-700">
          The {overview.shown.length} needing most attention.{" "}
          <Link href={`/w/${workspace}?all=${names.all}`} className="text-brand-700 underline">
            Show all {overview.total} {names.plural}
          </Link>
        </p>
      ) : overview.total > limit ? (
        <p className="mb-2 text-sm text-slate-700">
          All {overview.total} {names.plural}.{" "}
          <Link href={`/w/${workspace}`} className="text-brand-700 underline">
            Show only the {limit} needing most attention
          </Link>
        </p>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {overview.shown.map((r) => (
          <li key={r.name} className={`rounded-lg border p-3 ${levelStyle[r.level].className}`}>
            <p className="flex items-baseline justify-between gap-2">
              <Link
                href={`/w/${workspace}/findings?${filter}=${encodeURIComponent(r.name)}`}
                className="font-semibold underline"
                aria-label={`${r.name}: ${levelStyle[r.level].label}, score ${r.score}`}
              >
                {r.name}
              </Link>
              <span className="text-2xl font-semibold tabular-nums">{r.score}</span>
            </p>
            <p className="text-sm font-medium">{levelStyle[r.level].label}</p>
            <p className="text-sm">
              {count(r.errors, "error")} · {count(r.warnings, "warning")}
              {r.waived ? ` · ${r.waived} waived` : ""}
            </p>
            {stale[r.name] ? (
              <p className="mt-1 text-xs" title="Findings resting on live data an earlier sync read">
                {count(stale[r.name]!.count, "finding")} on live data of {day(stale[r.name]!.oldest)} (
                {formatAge(stale[r.name]!.oldest, now)})
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A top blocker's first findings: each one's next step and its record's editor (or the live resource), then the rest. */
function BlockerFindings({
  workspace,
  blocker,
  findings,
  canEditSpec,
}: {
  workspace: string;
  blocker: { ruleId: string; count: number };
  findings: BlockerFinding[];
  canEditSpec?: boolean;
}) {
  const rest = blocker.count - findings.length;
  return (
    <ul className="mt-1 space-y-1 border-l-2 border-slate-200 pl-3">
      {findings.map((f) => {
        const live = f.liveExternalId ? liveResourcePath(workspace, f.resourceKind, f.resourceName) : null;
        // Most next steps name their resource; one that does not gets its name in front.
        const step = f.remediation.includes(f.resourceName) ? f.remediation : `${f.resourceName}: ${f.remediation}`;
        return (
          <li key={f.id}>
            {step}{" "}
            {f.editUrl ? (
              <Link href={f.editUrl} className="whitespace-nowrap font-medium text-brand-700 underline">
                {canEditSpec ? "Edit the record" : "Open in the specification"}
                <span className="sr-only"> of {f.resourceName}</span>
              </Link>
            ) : live ? (
              <Link href={live} className="whitespace-nowrap text-brand-700 underline">
                Open in the live estate<span className="sr-only"> ({f.resourceName})</span>
              </Link>
            ) : null}
          </li>
        );
      })}
      {rest > 0 ? (
        <li>
          <Link
            href={`/w/${workspace}/findings?rule=${encodeURIComponent(blocker.ruleId)}&severity=error`}
            className="text-brand-700 underline"
          >
            {rest} more<span className="sr-only"> {blocker.ruleId} findings</span>
          </Link>
        </li>
      ) : null}
    </ul>
  );
}

/** The delivery lead's view: readiness per environment and business group, trend, blockers, what needs attention. */
export function ReadinessDashboard(props: ReadinessDashboardProps) {
  const { workspace, readiness, now } = props;
  const stale = hoursSince(props.lastSyncAt, now);
  const live = props.liveData;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        Last evaluation {day(props.lastEvaluationAt)} · last sync {day(props.lastSyncAt)}
        {stale !== null && stale > 24 ? (
          <span className="ml-2 rounded bg-amber-100 px-1 text-amber-950">live data {stale} h old</span>
        ) : null}
      </p>
      {live && (live.keptParts || live.unknownParts) ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" role="note">
          The last sync could not read {count(live.keptParts + live.unknownParts, "part")} of the estate.{" "}
          {live.staleFindings.count && live.staleFindings.oldest
            ? `${count(live.staleFindings.count, "finding")} ${live.staleFindings.count === 1 ? "rests" : "rest"} on live data kept from the sync of ${day(live.staleFindings.oldest)} (${formatAge(live.staleFindings.oldest, now)}). `
            : ""}
          {live.unknownParts ? `${count(live.unknownParts, "part")} never read: nothing there is counted. ` : ""}
          <Link href={`/w/${workspace}/live`} className="underline">
            What was not read
          </Link>
        </p>
      ) : null}
      {(["environment", "business-group"] as const).map((scope) => (
        <ReadinessSection
          key={scope}
          workspace={workspace}
          scope={scope}
          overview={readiness[scope]}
          limit={props.readinessLimit}
          stale={
            (scope === "environment" ? live?.staleFindings.byEnvironment : live?.staleFindings.byBusinessGroup) ?? {}
          }
          now={now}
        />
      ))}
      <section className={card} aria-labelledby="blockers-heading">
        <h2 id="blockers-heading" className="mb-2 text-lg font-semibold">
          Top blockers
        </h2>
        {props.topBlockers.length === 0 ? (
          <p className="text-sm text-slate-600">No open errors.</p>
        ) : (
          <ol className="grid gap-x-6 gap-y-3 text-sm lg:grid-cols-2">
            {props.topBlockers.map((b) => (
              <li key={b.ruleId}>
                <p>
                  <span className="font-medium tabular-nums">{b.count}</span> × {b.title}{" "}
                  <span className="text-slate-600">({b.ruleId})</span>
                </p>
                {b.findings?.length ? (
                  <BlockerFindings
                    workspace={workspace}
                    blocker={b}
                    findings={b.findings}
                    canEditSpec={props.canEditSpec}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <section className={card} aria-labelledby="trend-heading">
          <h2 id="trend-heading" className="mb-2 text-lg font-semibold">
            Trend
          </h2>
          <TrendChart trend={props.trend} />
        </section>
        <section className={card} aria-labelledby="gaps-heading">
          <h2 id="gaps-heading" className="mb-2 text-lg font-semibold">
            Specification gaps
          </h2>
          {props.gaps.length === 0 ? (
            <p className="text-sm text-slate-600">No open gaps: every section the rules read is filled in.</p>
          ) : (
            <>
              <p className="text-sm">
                <span className="font-medium tabular-nums">{props.gaps.reduce((n, g) => n + g.count, 0)}</span> open in
                the{" "}
                <Link href={`/w/${workspace}/specification`} className="text-brand-700 underline">
                  specification
                </Link>
                :
              </p>
              <ul className="mt-1 space-y-1 text-sm">
                {props.gaps.map((g) => (
                  <li key={g.ruleId}>
                    <span className="font-medium tabular-nums">{g.count}</span> × {g.title}{" "}
                    <span className="text-slate-600">({g.ruleId})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section className={card} aria-labelledby="waivers-heading">
          <h2 id="waivers-heading" className="mb-2 text-lg font-semibold">
            Waivers
          </h2>
          <p className="text-sm">
            {props.requestedWaivers} awaiting approval · {props.expiringWaivers.length} expiring within 14 days
          </p>
          <ul className="mt-1 space-y-1 text-sm">
            {props.expiringWaivers.map((w) => (
              <li key={w.id}>
                {w.ruleId ?? "finding"} {w.resourceName ?? ""} — expires {w.expiresAt.slice(0, 10)}
              </li>
            ))}
          </ul>
        </section>
        <section className={card} aria-labelledby="decisions-heading">
          <h2 id="decisions-heading" className="mb-2 text-lg font-semibold">
            Decisions awaiting review
          </h2>
          {props.decisionsAwaitingReview.length === 0 ? (
            <p className="text-sm text-slate-600">None.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {props.decisionsAwaitingReview.map((d) => (
                <li key={d.number}>
                  <Link href={`/w/${workspace}/decisions/${d.number}`} className="text-brand-700 underline">
                    {d.number} {d.title}
                  </Link>
                  {d.proposedAt ? (
                    <span className="text-slate-600"> · proposed {d.proposedAt.slice(0, 10)}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
