import { driftRules } from "@/lib/domain/governance/rules/drift";
import { withGapRemediations } from "@/lib/domain/governance/rules/gap-remediations";
import { gapRules } from "@/lib/domain/governance/rules/gaps";
import { namingRules } from "@/lib/domain/governance/rules/naming";
import { networkRules } from "@/lib/domain/governance/rules/network";
import {
  availabilityRules,
  capacityRules,
  lifecycleRules,
  securityRules,
} from "@/lib/domain/governance/rules/platform";
import { referenceRules } from "@/lib/domain/governance/rules/references";
import { runtimeRules } from "@/lib/domain/governance/rules/runtimes";
import type { Rule } from "@/lib/domain/governance/types";

/** Every rule, in the order findings are explained. Ids are stable: they are stored and used in pipelines. */
export const ruleset: readonly Rule[] = [
  ...withGapRemediations(gapRules),
  ...referenceRules,
  ...namingRules,
  ...driftRules,
  ...networkRules,
  ...availabilityRules,
  ...runtimeRules,
  ...securityRules,
  ...capacityRules,
  ...lifecycleRules,
];

/** Changes whenever a rule is added, removed or changes meaning; stored with every evaluation run. */
export const rulesetVersion = "2026.12.7";

/** A rule by id. */
export function findRule(id: string): Rule | undefined {
  return ruleset.find((rule) => rule.id === id);
}
