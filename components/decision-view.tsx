"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { DecisionEditor } from "@/components/decision-editor";
import { DecisionStatusBadge } from "@/components/decision-status-badge";
import { MarkdownView } from "@/components/markdown-view";
import { reverseLinkLabel, type DecisionStatus } from "@/lib/domain/decisions/lifecycle";
import { ApiError } from "@/lib/queries/api-client";
import {
  useDecision,
  useDecisionDiff,
  useDecisionMutations,
  useDecisionOptions,
  type DecisionDetail,
} from "@/lib/queries/decisions";

export type DecisionViewProps = {
  workspace: string;
  initialDecision: DecisionDetail;
  canEdit: boolean;
  canReview: boolean;
  /** The signed-in user or token id: an author does not review their own decision. */
  actorId: string;
};

const actionLabels: Record<DecisionStatus, string> = {
  draft: "Withdraw to draft",
  proposed: "Propose",
  accepted: "Accept",
  rejected: "Reject",
  deprecated: "Deprecate",
  superseded: "Supersede",
};

const when = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "");
const headingClass = "mb-2 text-lg font-semibold";
const card = "rounded-lg border border-slate-200 bg-white p-4";

/** One decision: its text, status and actions, links both ways, governed records, reviews and history. */
export function DecisionView({ workspace, initialDecision, canEdit, canReview, actorId }: DecisionViewProps) {
  const { data: decision = initialDecision } = useDecision(workspace, initialDecision.number, initialDecision);
  const mutations = useDecisionMutations(workspace);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const supersededBy = decision.links.filter((l) => l.kind === "supersedes" && l.direction === "incoming");
  const amendedBy = decision.links.filter((l) => l.kind === "amends" && l.direction === "incoming");
  const open = decision.status === "draft" || decision.status === "proposed";
  const transitionError = mutations.transition.error;

  if (editing) {
    return (
      <div className={card}>
        <h1 className="mb-4 text-2xl font-semibold tracking-tight">
          Edit {decision.number}: {decision.title}
        </h1>
        <DecisionEditor
          workspace={workspace}
          decision={decision}
          pending={mutations.update.isPending}
          error={mutations.update.error}
          onCancel={() => {
            mutations.update.reset();
            setEditing(false);
          }}
          onSubmit={(write, flag) =>
            mutations.update.mutate(
              { ...write, ...flag, number: decision.number, version: decision.version },
              {
                onSuccess: (saved) => {
                  setEditing(false);
                  const reset = saved.reviews.some(
                    (r) => r.staleAt && !decision.reviews.find((o) => o.id === r.id)?.staleAt,
                  );
                  setNotice(
                    `Saved revision ${saved.latestRevision} of ${saved.number}.${reset ? " The text changed, so the reviews given so far were reset." : ""}`,
                  );
                },
              },
            )
          }
        />
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <header className={card}>
        <p className="mb-1 font-mono text-sm text-slate-600">{decision.number}</p>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{decision.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <DecisionStatusBadge status={decision.status} supersededBy={supersededBy.map((l) => l.number)} />
          <span>Owner: {decision.owner || "none"}</span>
          <span>Created {when(decision.createdAt)}</span>
          {decision.decidedAt ? (
            <span>
              {decision.status === "rejected" ? "Rejected" : "Accepted"} {when(decision.decidedAt)}
            </span>
          ) : null}
          <span>
            Version {decision.version} · revision {decision.latestRevision}
          </span>
        </div>
        {supersededBy.length ? (
          <p className="mt-3 rounded-md border border-violet-300 bg-violet-50 p-2 text-sm text-violet-950">
            This decision is no longer in force: superseded by{" "}
            {supersededBy.map((l, i) => (
              <span key={l.number}>
                {i ? ", " : ""}
                <Link href={`/w/${workspace}/decisions/${l.number}`} className="font-medium underline">
                  {l.number}
                </Link>{" "}
                ({l.other.title}, {l.other.status})
              </span>
            ))}
            .
          </p>
        ) : null}
        {amendedBy.length ? (
          <p className="mt-3 rounded-md border border-sky-300 bg-sky-50 p-2 text-sm text-sky-950">
            Amended by{" "}
            {amendedBy.map((l, i) => (
              <span key={l.number}>
                {i ? ", " : ""}
                <Link href={`/w/${workspace}/decisions/${l.number}`} className="font-medium underline">
                  {l.number}
                </Link>{" "}
                ({l.other.title})
              </span>
            ))}
            : read it with this one.
          </p>
        ) : null}
        <div className="mt-4 flex flex-wrap items-center gap-2">
          {canEdit &&
          decision.status !== "rejected" &&
          decision.status !== "superseded" &&
          decision.status !== "deprecated" ? (
            <button
              type="button"
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
              className="rounded-md border border-slate-400 px-3 py-1.5 text-sm"
            >
              {decision.status === "accepted" ? "Correct a typo" : "Edit"}
            </button>
          ) : null}
          {canEdit
            ? decision.nextStatuses.map((to) => (
                <button
                  key={to}
                  type="button"
                  disabled={mutations.transition.isPending}
                  onClick={() => {
                    setNotice(null);
                    mutations.transition.mutate(
                      { number: decision.number, to, version: decision.version },
                      { onSuccess: (saved) => setNotice(`${saved.number} is now ${saved.status}.`) },
                    );
                  }}
                  className={`rounded-md px-3 py-1.5 text-sm font-semibold ${to === "accepted" ? "bg-green-800 text-white hover:bg-green-900" : to === "rejected" ? "bg-red-800 text-white hover:bg-red-900" : "bg-brand-900 text-white hover:bg-brand-700"}`}
                >
                  {actionLabels[to]}
                </button>
              ))
            : null}
          <a
            href={`/api/v1/workspaces/${workspace}/decisions/${decision.number}/export`}
            download
            className="text-sm text-brand-700 underline"
          >
            Export as Markdown (MADR)
          </a>
        </div>
        {transitionError ? (
          <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-900">
            {transitionError.message}
          </p>
        ) : null}
        {notice ? (
          <p role="status" className="mt-3 rounded-md bg-slate-100 px-3 py-2 text-sm">
            {notice}
          </p>
        ) : null}
      </header>

      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          {(
            [
              ["Context", decision.context],
              ["Decision", decision.decision],
              ["Rationale", decision.rationale],
              ["Implications", decision.implications],
            ] as const
          ).map(([title, body]) => (
            <section key={title} className={card} aria-label={title}>
              <h2 className={headingClass}>{title}</h2>
              <MarkdownView markdown={body} />
            </section>
          ))}
          <DecisionHistory workspace={workspace} decision={decision} />
        </div>
        <div className="space-y-4">
          <section className={card} aria-label="Links">
            <h2 className={headingClass}>Links</h2>
            {decision.links.length === 0 ? (
              <p className="text-sm text-slate-600">No link to other decisions.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {decision.links.map((l) => (
                  <li key={`${l.direction}-${l.kind}-${l.number}`}>
                    {l.direction === "outgoing" ? l.kind.replace("_", " ") : reverseLinkLabel(l.kind)}{" "}
                    <Link href={`/w/${workspace}/decisions/${l.number}`} className="text-brand-700 underline">
                      {l.number}
                    </Link>{" "}
                    {l.other.title} <DecisionStatusBadge status={l.other.status} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className={card} aria-label="Governs">
            <h2 className={headingClass}>Governs</h2>
            {decision.governs.length === 0 ? (
              <p className="text-sm text-slate-600">No specification record linked yet.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {decision.governs.map((g) => (
                  <li key={g.id}>
                    {g.label}{" "}
                    <Link href={`/w/${workspace}/specification/${g.kind}`} className="text-brand-700 underline">
                      {g.title}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <DecisionReviews
            workspace={workspace}
            decision={decision}
            canEdit={canEdit && open}
            canReview={canReview && open && actorId !== decision.createdById}
            isAuthor={actorId === decision.createdById}
          />
        </div>
      </div>
    </div>
  );
}

const verdictLabels = { requested: "review requested", approved: "approved", changes_requested: "changes requested" };

function DecisionReviews({
  workspace,
  decision,
  canEdit,
  canReview,
  isAuthor,
}: {
  workspace: string;
  decision: DecisionDetail;
  canEdit: boolean;
  canReview: boolean;
  isAuthor: boolean;
}) {
  const id = useId();
  const { requestReviews, review } = useDecisionMutations(workspace);
  const options = useDecisionOptions(workspace);
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [verdict, setVerdict] = useState<"approved" | "changes_requested">("approved");
  const [note, setNote] = useState("");
  const current = decision.reviews.filter((r) => !r.staleAt);
  const stale = decision.reviews.filter((r) => r.staleAt);
  const candidates = (options.data?.reviewers ?? []).filter(
    (r) => r.id !== decision.createdById && !current.some((c) => c.reviewerId === r.id),
  );
  const reviewError = review.error instanceof ApiError ? review.error : null;

  return (
    <section className={card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={headingClass}>
        Reviews
      </h2>
      <p className="mb-2 text-sm">
        {decision.approvals} of {decision.requiredApprovals} required{" "}
        {decision.requiredApprovals === 1 ? "approval" : "approvals"}
      </p>
      {current.length === 0 ? (
        <p className="text-sm text-slate-600">No review yet.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {current.map((r) => (
            <li key={r.id}>
              <span className="font-medium">{r.reviewerName}</span>: {verdictLabels[r.verdict]}
              {r.reviewedAt ? ` (revision ${r.revision}, ${when(r.reviewedAt)})` : ""}
              {r.note ? <span className="block text-slate-700">“{r.note}”</span> : null}
            </li>
          ))}
        </ul>
      )}
      {stale.length ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer">Earlier reviews ({stale.length}, reset by later changes)</summary>
          <ul className="mt-1 space-y-1">
            {stale.map((r) => (
              <li key={r.id}>
                {r.reviewerName}: {verdictLabels[r.verdict]}
                {r.revision ? ` on revision ${r.revision}` : ""}
                {r.note ? ` — “${r.note}”` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {canReview ? (
        <form
          className="mt-4 space-y-2 border-t border-slate-200 pt-3"
          aria-label="Your review"
          onSubmit={(event) => {
            event.preventDefault();
            review.mutate(
              { number: decision.number, verdict, note, revision: decision.latestRevision },
              { onSuccess: () => setNote("") },
            );
          }}
        >
          <fieldset>
            <legend className="text-sm font-medium">Your review of revision {decision.latestRevision}</legend>
            {(["approved", "changes_requested"] as const).map((v) => (
              <label key={v} className="mr-4 text-sm">
                <input
                  type="radio"
                  name={`${id}-verdict`}
                  value={v}
                  checked={verdict === v}
                  onChange={() => setVerdict(v)}
                  className="mr-1"
                />
                {v === "approved" ? "Approve" : "Request changes"}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`${id}-note`} className="block text-sm">
            Note{verdict === "changes_requested" ? " (say what should change)" : " (optional)"}
          </label>
          <textarea
            id={`${id}-note`}
            value={note}
            rows={3}
            onChange={(e) => setNote(e.target.value)}
            className="w-full rounded-md border border-slate-400 px-2 py-1 text-sm"
          />
          {reviewError ? (
            <p role="alert" className="text-sm text-red-800">
              {reviewError.details?.fields?.map((f) => f.message).join("; ") || reviewError.message}
            </p>
          ) : null}
          <button
            type="submit"
            disabled={review.isPending}
            className="rounded-md bg-brand-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Submit review
          </button>
        </form>
      ) : isAuthor && (decision.status === "draft" || decision.status === "proposed") ? (
        <p className="mt-3 text-sm text-slate-600">You wrote this decision: someone else reviews it.</p>
      ) : null}

      {canEdit && candidates.length ? (
        <form
          className="mt-4 space-y-2 border-t border-slate-200 pt-3"
          aria-label="Request reviews"
          onSubmit={(event) => {
            event.preventDefault();
            requestReviews.mutate({ number: decision.number, reviewers }, { onSuccess: () => setReviewers([]) });
          }}
        >
          <label htmlFor={`${id}-reviewers`} className="block text-sm font-medium">
            Ask for a review
          </label>
          <select
            id={`${id}-reviewers`}
            multiple
            size={Math.min(4, candidates.length)}
            value={reviewers}
            onChange={(e) => setReviewers(Array.from(e.target.selectedOptions).map((o) => o.value))}
            className="w-full rounded-md border border-slate-400 px-1 py-1 text-sm"
          >
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {requestReviews.error ? (
            <p role="alert" className="text-sm text-red-800">
              {requestReviews.error.message}
            </p>
          ) : null}
          <button
            type="submit"
            disabled={reviewers.length === 0 || requestReviews.isPending}
            className="rounded-md border border-slate-400 px-3 py-1.5 text-sm disabled:opacity-60"
          >
            Request review
          </button>
        </form>
      ) : null}
    </section>
  );
}

function DecisionHistory({ workspace, decision }: { workspace: string; decision: DecisionDetail }) {
  const id = useId();
  const latest = decision.latestRevision;
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const diff = useDecisionDiff(workspace, decision.number, range);

  return (
    <section className={card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={headingClass}>
        History
      </h2>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Revisions of {decision.number}, newest first</caption>
        <thead className="border-b border-slate-200">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">
              Revision
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Saved
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              By
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Status then
            </th>
            {latest > 1 ? (
              <>
                <th scope="col" className="py-1 pr-2 font-medium">
                  From
                </th>
                <th scope="col" className="py-1 pr-2 font-medium">
                  To
                </th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {decision.revisions.map((r) => (
            <tr key={r.number} className="border-b border-slate-100">
              <td className="py-1 pr-2">
                {r.number}
                {r.editAfterAcceptance ? (
                  <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-950">edit after acceptance</span>
                ) : null}
                {r.note ? <span className="block text-slate-700">{r.note}</span> : null}
              </td>
              <td className="py-1 pr-2">
                <time dateTime={r.at}>{when(r.at)}</time>
              </td>
              <td className="py-1 pr-2">{r.authorName}</td>
              <td className="py-1 pr-2">{r.status}</td>
              {latest > 1 ? (
                <>
                  <td className="py-1 pr-2">
                    <input
                      type="radio"
                      name={`${id}-from`}
                      aria-label={`Compare from revision ${r.number}`}
                      checked={from === r.number}
                      onChange={() => setFrom(r.number)}
                    />
                  </td>
                  <td className="py-1 pr-2">
                    <input
                      type="radio"
                      name={`${id}-to`}
                      aria-label={`Compare to revision ${r.number}`}
                      checked={to === r.number}
                      onChange={() => setTo(r.number)}
                    />
                  </td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {latest > 1 ? (
        <button
          type="button"
          onClick={() => setRange({ from: Math.min(from, to), to: Math.max(from, to) })}
          className="mt-3 rounded-md border border-slate-400 px-3 py-1.5 text-sm"
        >
          Compare revisions
        </button>
      ) : null}
      {diff.error ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {diff.error.message}
        </p>
      ) : null}
      {diff.data ? (
        <div
          className="mt-3 space-y-3"
          aria-label={`Changes from revision ${diff.data.from.number} to ${diff.data.to.number}`}
        >
          <h3 className="text-sm font-semibold">
            Revision {diff.data.from.number} ({diff.data.from.authorName}) → revision {diff.data.to.number} (
            {diff.data.to.authorName})
          </h3>
          {diff.data.fields.every((f) => !f.changed) ? (
            <p className="text-sm text-slate-600">No difference in the text.</p>
          ) : null}
          {diff.data.fields
            .filter((f) => f.changed)
            .map((f) => (
              <div key={f.field}>
                <h4 className="text-sm font-medium capitalize">{f.field}</h4>
                <p className="rounded-md border border-slate-200 p-2 font-mono text-sm whitespace-pre-wrap">
                  {f.parts.map((part, i) =>
                    part.kind === "added" ? (
                      <ins key={i} className="bg-green-100 text-green-950">
                        {part.text}
                      </ins>
                    ) : part.kind === "removed" ? (
                      <del key={i} className="bg-red-100 text-red-950">
                        {part.text}
                      </del>
                    ) : (
                      <span key={i}>{part.text}</span>
                    ),
                  )}
                </p>
              </div>
            ))}
        </div>
      ) : null}
    </section>
  );
}
