"use client";

import Link from "next/link";
import { kindLabels, severityBadgeColors } from "@/lib/domain/topology/style";
import type { Fact, TopologyNode } from "@/lib/domain/topology/types";

export type NodePanelProps = { workspace: string; node: TopologyNode; hasLive: boolean; onClose: () => void };

const overlaySentence: Record<TopologyNode["overlay"], string> = {
  both: "Planned and built.",
  "planned-only": "Planned, but not in the live estate.",
  "live-only": "In the live estate, but not in the plan.",
  different: "Built, but differently from the plan (see the drift findings).",
  plan: "Planned. No live snapshot to compare with yet.",
  none: "",
};

function Facts({ title, facts }: { title: string; facts: Fact[] }) {
  if (!facts.length) return null;
  return (
    <section className="mt-4">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      <dl className="mt-1 grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-x-2 gap-y-1 text-xs">
        {facts.map((fact) => (
          <div key={fact.label} className="contents">
            <dt className="truncate text-slate-500" title={fact.label}>
              {fact.label}
            </dt>
            <dd className="break-words text-slate-900">{fact.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** What one node stands for: its spec record, its live attributes and its open findings. */
export function NodePanel({ workspace, node, hasLive, onClose }: NodePanelProps) {
  const base = `/w/${encodeURIComponent(workspace)}`;
  return (
    <aside
      aria-label={`Details of ${node.label}`}
      className="absolute top-0 right-0 z-20 h-full w-96 overflow-y-auto border-l border-slate-200 bg-white p-4 shadow-lg"
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xs text-slate-500">{kindLabels[node.kind]}</p>
          <h2 className="text-base font-semibold break-words text-slate-900">{node.label}</h2>
          {node.detail ? <p className="text-xs text-slate-600">{node.detail}</p> : null}
        </div>
        <button
          type="button"
          onClick={onClose}
          className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
          aria-label="Close the details"
        >
          ✕
        </button>
      </div>
      {overlaySentence[node.overlay] ? (
        <p className="mt-2 text-sm text-slate-700">{overlaySentence[node.overlay]}</p>
      ) : null}

      <section className="mt-4" aria-label="Findings">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          Open findings ({node.findings.length})
        </h3>
        {node.findings.length ? (
          <ul className="mt-1 space-y-2">
            {node.findings.map((finding) => (
              <li key={finding.fingerprint} className="rounded border border-slate-200 p-2 text-xs">
                <span
                  className="mr-1 inline-block rounded px-1.5 py-0.5 text-[10px] font-semibold text-white uppercase"
                  style={{ background: severityBadgeColors[finding.severity] }}
                >
                  {finding.severity}
                </span>
                <span className="font-mono text-[11px] text-slate-600">{finding.ruleId}</span>
                <p className="mt-1 text-slate-800">{finding.message}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-xs text-slate-600">
            {hasLive ? "None: the rules found nothing here." : "None in the plan; the estate has not been synced yet."}
          </p>
        )}
        {node.findings.length ? (
          <Link
            className="mt-2 inline-block text-xs text-brand-700 underline"
            href={`${base}/findings?q=${encodeURIComponent(node.label)}`}
          >
            Open in Findings
          </Link>
        ) : null}
      </section>

      <Facts title="In the specification" facts={node.plan} />
      {node.specKind ? (
        <Link
          className="mt-1 inline-block text-xs text-brand-700 underline"
          href={`${base}/specification/${node.specKind}`}
        >
          Edit in the specification
        </Link>
      ) : null}
      <Facts title="In Anypoint" facts={node.actual} />
    </aside>
  );
}
