// High availability and disaster recovery: the recovery tiers.

import { name, type KindShape } from "@/lib/domain/spec/kinds/shape";

/** The kinds of this chapter, by id. */
export const resilienceKinds = {
  "recovery-tier": {
    label: "Recovery tier",
    plural: "Recovery tiers",
    chapter: "resilience",
    key: "name",
    summary: "HA/DR tiers: recovery time and point objectives, strategy and cost.",
    fields: [
      name("Tier", "e.g. Tier 1 Mission-Critical"),
      { name: "examples", label: "Examples", type: "text" },
      { name: "rtoMinutes", label: "RTO (minutes)", type: "integer", min: 0, tracked: true },
      { name: "rpoMinutes", label: "RPO (minutes)", type: "integer", min: 0, tracked: true },
      { name: "strategy", label: "Strategy", type: "text", tracked: true, help: "e.g. Active-Active, Active-Passive" },
      { name: "costMultiplier", label: "Cost multiplier", type: "number", min: 0 },
    ],
  },
} as const satisfies Record<string, KindShape>;
