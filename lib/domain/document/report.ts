import type { MergedRecord, MergeQuestionOf } from "@/lib/domain/document/draft";
import type { ImportPlan } from "@/lib/domain/document/plan";
import type { ImportGap, ImportProblem } from "@/lib/domain/document/read-spec";
import type { SpecKind } from "@/lib/domain/spec/kinds";

/** What an import will do (preview) or did (applied), for people and pipelines. */
export type ImportReport = {
  workspace: string;
  files: { name: string; bytes: number }[];
  /** Identifies this plan: pass it back as `expect` to apply exactly what was previewed. */
  digest: string;
  applied: boolean;
  importId: string | null;
  created: Record<string, number>;
  updated: Record<string, number>;
  unchanged: number;
  records: {
    action: "create" | "update" | "unchanged";
    kind: SpecKind;
    title: string;
    offered: boolean;
    changes: { field: string; label: string; from: string; to: string }[];
    place: ImportProblem["place"];
  }[];
  decisions: { action: string; number: string; title: string; status: string; changes: string[] }[];
  skipped: ImportPlan["skipped"];
  gaps: ImportGap[];
  problems: ImportProblem[];
  offered: ImportPlan["offered"];
  /** Tables that are not the template's, kept as text in their section's narrative. */
  keptAsText: ImportPlan["keptAsText"];
  /** Rows of different tables made one record (a key system and its catalog row), and why. */
  merged: MergedRecord[];
  /** Records of different tables whose names are close and were not merged: one thing or two? */
  questions: MergeQuestionOf<SpecKind>[];
  /** For each kind an unresolved reference should name: the names it may mean (document and workspace). */
  referenceCandidates: Partial<Record<SpecKind, string[]>>;
};
