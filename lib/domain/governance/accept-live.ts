// "Accept live as plan": for a drift finding whose live value the specification can hold, the
// change that makes the plan match Anypoint. The drift rules say the value (planValue) as they
// find the difference; this runs them again over the same input and picks the findings asked for
// by fingerprint, so that what is accepted is what the rules see now, not a stored copy.

import { buildContext, fingerprintOf } from "@/lib/domain/governance/engine";
import { driftRules } from "@/lib/domain/governance/rules/drift";
import type { EvaluationInput } from "@/lib/domain/governance/types";

/** One accepted difference: which record's field takes which value, and the finding it closes. */
export type LiveAcceptance = {
  fingerprint: string;
  ruleId: string;
  message: string;
  specRecordId: string;
  field: string;
  value: unknown;
  /** Other fields that go with it (a target's name with its kind). */
  also?: Record<string, unknown>;
};

/** Why a fingerprint asked for cannot be accepted. */
export type LiveRefusal = { fingerprint: string; reason: string };

/** The plan changes that close the drift findings asked for, and why any of them cannot be. */
export function acceptLiveValues(
  input: EvaluationInput,
  fingerprints: readonly string[],
): { accepted: LiveAcceptance[]; refused: LiveRefusal[] } {
  const wanted = new Set(fingerprints);
  const found = new Map<string, LiveAcceptance | LiveRefusal>();
  if (input.live !== null) {
    const context = buildContext(input);
    for (const rule of driftRules) {
      for (const raw of rule.evaluate(context)) {
        const fingerprint = fingerprintOf(rule.id, raw);
        if (!wanted.has(fingerprint) || found.has(fingerprint)) continue;
        found.set(
          fingerprint,
          raw.planValue && raw.specRecordId
            ? {
                fingerprint,
                ruleId: rule.id,
                message: raw.message,
                specRecordId: raw.specRecordId,
                field: raw.planValue.field,
                value: raw.planValue.value,
                ...(raw.planValue.also ? { also: raw.planValue.also } : {}),
              }
            : {
                fingerprint,
                reason:
                  rule.id === "DRIFT-VALUE"
                    ? `${raw.message}: the live value cannot be recorded as it is; change the record in its editor`
                    : `${raw.message}: ${rule.id} is not a difference of values; change the specification in its editor`,
              },
        );
      }
    }
  }
  const accepted: LiveAcceptance[] = [];
  const refused: LiveRefusal[] = [];
  for (const fingerprint of new Set(fingerprints)) {
    const result = found.get(fingerprint);
    if (!result)
      refused.push({
        fingerprint,
        reason: "no open drift finding has this fingerprint now (resolved already, or the live estate changed)",
      });
    else if ("reason" in result) refused.push(result);
    else accepted.push(result);
  }
  // The plan holds one value per field for every environment: two environments' different live
  // values for it cannot both be accepted.
  const byField = new Map<string, LiveAcceptance[]>();
  for (const a of accepted) {
    const key = `${a.specRecordId}\u0000${a.field}`;
    byField.set(key, [...(byField.get(key) ?? []), a]);
  }
  const clashing = new Set<LiveAcceptance>();
  for (const group of byField.values()) {
    const values = new Set(group.map((a) => JSON.stringify([a.value, a.also ?? null])));
    if (values.size < 2) continue;
    for (const a of group) {
      clashing.add(a);
      refused.push({
        fingerprint: a.fingerprint,
        reason: `${a.message}: the specification holds one value for every environment, and the findings chosen want ${listValues(group)}; accept one of them`,
      });
    }
  }
  return { accepted: accepted.filter((a) => !clashing.has(a)), refused };
}

const listValues = (group: readonly LiveAcceptance[]) => {
  const values = [...new Set(group.map((a) => (Array.isArray(a.value) ? a.value.join(", ") : String(a.value))))];
  return `${values.slice(0, -1).join(", ")} and ${values.at(-1)}`;
};
