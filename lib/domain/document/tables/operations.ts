// The platform alerts table: `Source/Server type | Condition | Severity Level | Config details`,
// named by the template's convention when the table has no name column.

import type { KindDocuments } from "@/lib/domain/document/kind-tables";
import type { operationsKinds } from "@/lib/domain/spec/kinds/operations";

/** `<source-type>-<application type>-<condition>` as the template's alert naming convention writes it. */
function alertName(source: string, condition: string): string {
  const words = `${source} ${condition}`
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return words.join("-").slice(0, 120) || "Alert";
}

/** How alert policies appear in the document. */
export const operationsTables: KindDocuments<keyof typeof operationsKinds> = {
  "alert-policy": {
    tables: [
      {
        id: "alerts",
        label: "Platform alerts",
        sections: ["platform alerts", "alerts", "monitoring"],
        columns: [
          { field: "name", headers: ["Alert name", "Alert", "Name"] },
          { field: "source", headers: ["Source/Server type", "Source", "Server type"], required: true },
          { field: "condition", headers: ["Condition"], required: true },
          {
            field: "severity",
            headers: ["Severity Level", "Severity"],
            required: true,
            synonyms: {
              high: "critical",
              crit: "critical",
              p1: "critical",
              medium: "warning",
              warn: "warning",
              low: "info",
            },
          },
          { field: "config", headers: ["Config details", "Configuration", "Config"] },
        ],
        readRow: (row) => {
          const data = row.read();
          if (!data.name) data.name = alertName(String(data.source ?? ""), String(data.condition ?? ""));
          row.push(data);
        },
        write: { place: "Platform Alerts" },
      },
    ],
  },
};
