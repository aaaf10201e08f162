// Security architecture: teams and what they may do.

import { name, description, type KindShape } from "@/lib/domain/spec/kinds/shape";

/** The kinds of this chapter, by id. */
export const securityKinds = {
  team: {
    label: "Team",
    plural: "Teams",
    chapter: "security",
    key: "name",
    summary: "Anypoint teams; they nest up to 10 levels and children inherit permissions.",
    fields: [name("Team"), description, { name: "parent", label: "Parent team", type: "ref", ref: "team" }],
  },
  "team-permission": {
    label: "Team permission",
    plural: "Team permissions",
    chapter: "security",
    summary: "What each team may do, per product, business group and environment.",
    title: (d) => `${String(d.product)}: ${String(d.permission)}`,
    identifiedBy: ["team", "product", "permission", "businessGroup"],
    fields: [
      { name: "team", label: "Team", type: "ref", ref: "team", required: true },
      { name: "product", label: "Product", type: "text", required: true, help: "e.g. Runtime Manager" },
      { name: "permission", label: "Permission", type: "text", required: true, help: "e.g. Read Applications" },
      { name: "businessGroup", label: "Business group", type: "ref", ref: "business-group", tracked: true },
      { name: "environments", label: "Environments", type: "ref-list", ref: "environment" },
    ],
  },
} as const satisfies Record<string, KindShape>;
