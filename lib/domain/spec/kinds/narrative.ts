// Narrative sections: the free text of the sections that are not tables.

import { name, type KindShape } from "@/lib/domain/spec/kinds/shape";

/** The kinds of this chapter, by id. */
export const narrativeKinds = {
  "narrative-section": {
    label: "Narrative section",
    plural: "Narrative sections",
    chapter: "narrative",
    key: "name",
    summary: "Free text of the sections that are not tables: goals, challenges, HA and DR, security, operations.",
    fields: [
      name("Section", "e.g. Goals and Objectives"),
      { name: "body", label: "Text (Markdown)", type: "longtext", tracked: true },
      {
        name: "notApplicable",
        label: "Not applicable at this stage",
        type: "boolean",
        help: "A decided section, not a gap",
      },
    ],
  },
} as const satisfies Record<string, KindShape>;
