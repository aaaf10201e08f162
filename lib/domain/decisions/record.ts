import { z } from "zod";
import { decisionTextFields, type DecisionLinkKind, type DecisionStatus } from "@/lib/domain/decisions/lifecycle";

const markdown = (label: string) =>
  z
    .string({ error: `${label} must be text (Markdown)` })
    .max(20_000, { error: `${label} has at most 20,000 characters` })
    .default("");

/** The text of a decision as an author edits it; body fields are Markdown. */
export const decisionTextSchema = z.object({
  title: z
    .string({ error: "title is required" })
    .trim()
    .min(1, { error: "title is required: say what was decided in a few words" })
    .max(200, { error: "title has at most 200 characters" }),
  context: markdown("context"),
  decision: markdown("decision"),
  rationale: markdown("rationale"),
  implications: markdown("implications"),
  owner: z.string().trim().max(120, { error: "owner has at most 120 characters" }).default(""),
});
export type DecisionText = z.infer<typeof decisionTextSchema>;

/** The links an author sets, by D-number ("D03") or id. */
export const decisionLinksSchema = z.object({
  supersedes: z.array(z.string().trim().min(1)).max(50).default([]),
  amends: z.array(z.string().trim().min(1)).max(50).default([]),
  relatesTo: z.array(z.string().trim().min(1)).max(50).default([]),
});
export type DecisionLinksInput = z.infer<typeof decisionLinksSchema>;

/** The wire names of the stored link kinds. */
export const linkKindByField = {
  supersedes: "supersedes",
  amends: "amends",
  relatesTo: "relates_to",
} as const satisfies Record<keyof DecisionLinksInput, DecisionLinkKind>;

/** The text fields that differ between two versions of a decision (the owner is not text). */
export function changedTextFields(
  before: Pick<DecisionText, (typeof decisionTextFields)[number]>,
  after: Pick<DecisionText, (typeof decisionTextFields)[number]>,
): (typeof decisionTextFields)[number][] {
  return decisionTextFields.filter((field) => before[field] !== after[field]);
}

/**
 * Whether a decision's text may be saved in its status, and how. Accepted text is immutable
 * except for a typo-level edit the author flags as such; final decisions never change.
 */
export function checkTextEdit(
  number: string,
  status: DecisionStatus,
  editAfterAcceptance: boolean,
): { ok: true; flagged: boolean } | { ok: false; reason: string } {
  if (status === "draft" || status === "proposed") return { ok: true, flagged: false };
  if (status === "accepted") {
    return editAfterAcceptance
      ? { ok: true, flagged: true }
      : {
          ok: false,
          reason: `${number} is accepted and its text is immutable: record a new decision that amends it, or, for a typo-level correction, save it as an edit after acceptance`,
        };
  }
  return { ok: false, reason: `${number} is ${status}, which is final: its text can no longer change` };
}
