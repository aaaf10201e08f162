"use client";

import { useRouter } from "next/navigation";
import { DecisionEditor } from "@/components/decision-editor";
import { useDecisionMutations } from "@/lib/queries/decisions";

export type DecisionCreateProps = { workspace: string };

/** The form of a new decision; on success, its page. */
export function DecisionCreate({ workspace }: DecisionCreateProps) {
  const router = useRouter();
  const { create } = useDecisionMutations(workspace);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <DecisionEditor
        workspace={workspace}
        decision={null}
        pending={create.isPending}
        error={create.error}
        onCancel={() => router.push(`/w/${workspace}/decisions`)}
        onSubmit={(write) =>
          create.mutate(write, { onSuccess: (saved) => router.push(`/w/${workspace}/decisions/${saved.number}`) })
        }
      />
    </div>
  );
}
