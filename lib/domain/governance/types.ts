import { z } from "zod";
import type { DecisionStatus } from "@/lib/domain/decisions/lifecycle";
import type { ReadScope } from "@/lib/domain/live/read-scope";
import type { LiveKind, LiveResource } from "@/lib/domain/live/snapshot";
import type { SpecKind } from "@/lib/domain/spec/kinds";

export const severitySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof severitySchema>;

export const categorySchema = z.enum([
  "gap",
  "naming",
  "drift",
  "network",
  "availability",
  "security",
  "capacity",
  "lifecycle",
]);
export type Category = z.infer<typeof categorySchema>;

/** A specification record as the rules read it. */
export type SpecEntry = { id: string; kind: SpecKind; title: string; data: Record<string, unknown> };

/** An unfinished part of an imported document that no record holds (a placeholder in a number, a skipped row). */
export type ImportedGap = {
  kind: SpecKind | "decision";
  record: string;
  field: string | null;
  value: string;
  reason: string;
  place: { file: string; line: number; section: string };
};

/** A decision as the gap and lifecycle rules read it. */
export type DecisionEntry = {
  number: string;
  title: string;
  status: DecisionStatus;
  proposedAt: Date | null;
  /** Context, decision, rationale and implications (scanned for placeholders). */
  texts: Record<string, string>;
};

/** Everything one evaluation reads: the plan, the live snapshot (null before the first sync), decisions, the time. */
export type EvaluationInput = {
  spec: readonly SpecEntry[];
  live: readonly LiveResource[] | null;
  /** What the snapshot's sync could not read: no rule concludes "missing" or "no policy" there. */
  liveScopes?: readonly ReadScope[];
  decisions: readonly DecisionEntry[];
  /** The connection's control plane (us, eu, gov, custom), or null when not connected. */
  controlPlane?: string | null;
  /** Gaps of the latest document import whose values could not be stored in a record. */
  importGaps?: readonly ImportedGap[];
  now: Date;
};

/** What a rule reports about one resource; the engine adds the rule's id, category and defaults. */
export type RuleFinding = {
  /** A spec kind or a live kind. */
  resourceKind: SpecKind | LiveKind | "decision" | "section";
  resourceName: string;
  environment?: string | null;
  businessGroup?: string | null;
  /** Says what is wrong, naming the values involved. */
  message: string;
  /** Overrides the rule's default severity (e.g. a warning at 80 %, an error at 100 %). */
  severity?: Severity;
  /** Overrides the rule's remediation for this finding. */
  remediation?: string;
  specRecordId?: string | null;
  liveExternalId?: string | null;
  /** Tells apart several findings of one rule on one resource (a field, a port range …). */
  detail?: string;
  /**
   * The specification value that makes the plan match the live estate (a drift finding's "accept
   * live as plan"), in the field's own terms; absent where the live value cannot be said so.
   */
  planValue?: { field: string; value: unknown; also?: Record<string, unknown> };
};

/** A governance rule: a stable id (stored, and used in users' pipelines), what it reads and checks. */
export type Rule = {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  /** The kinds of resource it reads, spec or live. */
  reads: readonly string[];
  rationale: string;
  remediation: string;
  /** Rules that compare with the live estate are skipped before the first sync. */
  needsLive: boolean;
  evaluate: (context: RuleContext) => RuleFinding[];
};

/** One problem found, ready to store and show. */
export type Finding = Required<Omit<RuleFinding, "severity" | "remediation" | "detail" | "planValue">> & {
  ruleId: string;
  category: Category;
  severity: Severity;
  remediation: string;
  /** Same problem, same fingerprint, across runs: rule, resource, environment and detail. */
  fingerprint: string;
  status: "open" | "waived";
  waiverId: string | null;
  /** When the sync that read the live data behind it started, if the latest sync kept that data from it (stale). */
  staleSince: Date | null;
};

/** An approved waiver: by fingerprint, or by rule with an optional resource and environment. */
export type Waiver = {
  id: string;
  fingerprint: string | null;
  ruleId: string | null;
  resourceName: string | null;
  environment: string | null;
  expiresAt: Date;
};

/** What rules get: the input, indexed. */
export type RuleContext = {
  input: EvaluationInput;
  /** Spec records of one kind. */
  spec: (kind: SpecKind) => SpecEntry[];
  /** A spec record by id (references). */
  byId: (id: unknown) => SpecEntry | undefined;
  /** Titles of the records a ref-list or ref field points at. */
  titles: (value: unknown) => string[];
  /** Live resources of one kind (empty before the first sync). */
  live: (kind: LiveKind) => LiveResource[];
};
