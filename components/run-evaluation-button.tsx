"use client";

import { useRouter } from "next/navigation";
import { useRunEvaluation } from "@/lib/queries/governance";

export type RunEvaluationButtonProps = { workspace: string };

/** Runs the rules now and shows the page again with the results. */
export function RunEvaluationButton({ workspace }: RunEvaluationButtonProps) {
  const router = useRouter();
  const evaluate = useRunEvaluation(workspace);
  return (
    <p>
      <button
        type="button"
        disabled={evaluate.isPending}
        onClick={() => evaluate.mutate(undefined, { onSuccess: () => router.refresh() })}
        className="rounded-md bg-brand-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {evaluate.isPending ? "Evaluating…" : "Run rules now"}
      </button>
      {evaluate.error ? (
        <span role="alert" className="ml-2 text-red-800">
          {evaluate.error.message}
        </span>
      ) : null}
    </p>
  );
}
