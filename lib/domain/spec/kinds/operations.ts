// Operations: the platform alerts.

import { opts, name, type KindShape } from "@/lib/domain/spec/kinds/shape";

/** The kinds of this chapter, by id. */
export const operationsKinds = {
  "alert-policy": {
    label: "Alert policy",
    plural: "Platform alerts",
    chapter: "operations",
    key: "name",
    summary: "Platform alerts: source, condition, severity and configuration.",
    fields: [
      name("Alert name", "e.g. App-CloudHub-Deployment-Failed"),
      { name: "source", label: "Source", type: "text", required: true, help: "e.g. CloudHub application" },
      { name: "condition", label: "Condition", type: "text", required: true },
      {
        name: "severity",
        label: "Severity",
        type: "enum",
        required: true,
        options: opts(["critical", "Critical"], ["warning", "Warning"], ["info", "Info"]),
      },
      { name: "config", label: "Configuration", type: "longtext", tracked: true },
    ],
  },
} as const satisfies Record<string, KindShape>;
