// SDLC: naming conventions.

import { opts, name, description, type KindShape } from "@/lib/domain/spec/kinds/shape";

/** The kinds of this chapter, by id. */
export const sdlcKinds = {
  "naming-convention": {
    label: "Naming convention",
    plural: "Naming conventions",
    chapter: "sdlc",
    key: "name",
    summary: "Name patterns per resource kind, with {placeholders}; checked against the live estate.",
    fields: [
      name(),
      {
        name: "resourceKind",
        label: "Resource kind",
        type: "enum",
        required: true,
        options: opts(
          ["application", "Application"],
          ["environment", "Environment"],
          ["business-group", "Business group"],
          ["vpc", "VPC"],
          ["load-balancer", "Load balancer"],
          ["team", "Team"],
          ["api-instance", "API instance label"],
        ),
      },
      {
        name: "pattern",
        label: "Pattern",
        type: "text",
        required: true,
        help: "literal text, {name} (lowercase words joined by hyphens), {name:a|b|c} (one of), {name:/regex/}, [optional part]; e.g. {scope}-{layer:exp|prc|sys}-{system}-api-{version}",
      },
      { name: "maxLength", label: "Maximum length", type: "integer", min: 1, max: 255 },
      { name: "environments", label: "Environments", type: "ref-list", ref: "environment" },
      description,
    ],
  },
} as const satisfies Record<string, KindShape>;
