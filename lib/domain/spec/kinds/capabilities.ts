// Licensed capabilities: what the subscription allows.

import { name, type KindShape } from "@/lib/domain/spec/kinds/shape";

/** The kinds of this chapter, by id. */
export const capabilityKinds = {
  entitlement: {
    label: "Licensed capability",
    plural: "Licensed capabilities",
    chapter: "capabilities",
    key: "name",
    summary: "Subscription tier and what the licence allows: vCores, VPCs, VPNs, DLBs, static IPs, add-ons.",
    fields: [
      name("Capability", "e.g. Production vCores, Anypoint VPCs, Subscription tier"),
      { name: "quantity", label: "Quantity", type: "number", min: 0 },
      { name: "value", label: "Value", type: "text", help: "for non-numeric capabilities, e.g. Platinum" },
      { name: "notes", label: "Notes", type: "longtext" },
    ],
  },
} as const satisfies Record<string, KindShape>;
