// The recovery tiers table (the HA/DR material: `Tier | Examples | RTO | RPO | Strategy | Cost Multiplier`).

import { minutes, multiplier } from "@/lib/domain/document/cell-formats";
import type { KindDocuments } from "@/lib/domain/document/kind-tables";
import type { resilienceKinds } from "@/lib/domain/spec/kinds/resilience";

/** How recovery tiers appear in the document. */
export const resilienceTables: KindDocuments<keyof typeof resilienceKinds> = {
  "recovery-tier": {
    tables: [
      {
        id: "recovery-tiers",
        label: "Recovery tiers",
        sections: ["recovery tiers", "disaster recovery", "high availability and disaster recovery"],
        columns: [
          { field: "name", headers: ["Tier", "Recovery tier"], required: true },
          { field: "examples", headers: ["Examples"] },
          { field: "rtoMinutes", headers: ["RTO"], required: true, format: minutes },
          { field: "rpoMinutes", headers: ["RPO"], format: minutes },
          { field: "strategy", headers: ["Strategy"] },
          { field: "costMultiplier", headers: ["Cost Multiplier", "Cost"], format: multiplier },
        ],
        write: { place: "Disaster Recovery", caption: "Recovery tiers" },
      },
    ],
  },
};
