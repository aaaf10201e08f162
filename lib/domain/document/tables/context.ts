// The context chapter's tables: key systems (and the appendix's backend catalog of the same
// systems; a system in both is one record, made so by merge-records.ts once every table is read)
// and the integration principles, written as bullets.

import type { KindDocuments } from "@/lib/domain/document/kind-tables";
import type { PerEnvironment } from "@/lib/domain/spec/kinds";
import type { contextKinds } from "@/lib/domain/spec/kinds/context";

const concerns = {
  field: "integrationConcerns",
  headers: ["Key integration concerns", "Integration concerns"],
} as const;
const deployment = { field: "deploymentModel", headers: ["Deployment Model", "Deployment"] } as const;

/** How systems and principles appear in the document. */
export const contextTables: KindDocuments<keyof typeof contextKinds> = {
  system: {
    tables: [
      {
        id: "key-systems",
        label: "Key systems",
        sections: ["key systems"],
        columns: [
          { field: "name", headers: ["System", "System name", "Key system"], required: true },
          { field: "description", headers: ["Description"] },
          deployment,
          concerns,
        ],
        readRow: (row) => row.push({ ...row.read(), keySystem: true }),
        write: { place: "Key Systems", rows: (systems) => systems.filter((s) => s.data.keySystem === true) },
      },
      {
        id: "backend-systems",
        label: "Backend systems catalog",
        sections: ["backend systems catalog", "backend systems"],
        columns: [
          { field: "name", headers: ["System name", "System"], required: true },
          { field: "location", headers: ["Location"] },
          { field: "protocol", headers: ["Access Protocol", "Protocol"] },
          { field: "host", headers: ["Host"] },
          { field: "access", headers: ["Access"] },
          { field: "description", headers: ["Description"] },
          deployment,
          concerns,
        ],
        write: {
          place: "Backend Systems Catalog",
          // A system's values in another environment are a row of their own, "Epic EHR - TEST",
          // which the reader makes that environment's values of the same system again.
          rows: (systems) =>
            systems
              .filter(
                (s) =>
                  s.data.keySystem !== true ||
                  ["location", "protocol", "host", "access"].some((f) => s.data[f]) ||
                  s.data.perEnvironment,
              )
              .flatMap((s) => [
                s,
                ...Object.entries((s.data.perEnvironment ?? {}) as PerEnvironment).map(([environment, values]) => ({
                  ...s,
                  title: `${s.title} - ${environment}`,
                  data: { ...s.data, ...values, name: `${String(s.data.name)} - ${environment}` },
                })),
              ]),
        },
      },
    ],
  },
  principle: {
    tables: [
      {
        id: "principles",
        label: "Integration principles",
        sections: ["integration architecture principles", "principles"],
        columns: [
          { field: "name", headers: ["Principle", "Name"], required: true },
          { field: "statement", headers: ["Statement", "Description"], required: true },
        ],
        write: {
          place: "Integration Architecture Principles",
          block: (principles) =>
            principles.length
              ? principles
                  .map((p) => `- **${String(p.data.name)}**: ${String(p.data.statement).replace(/\n/g, "\n  ")}`)
                  .join("\n")
              : null,
        },
      },
    ],
    // `- **Name**: statement` bullets of the principles section.
    list: {
      sections: ["integration architecture principles", "principles"],
      withoutTables: true,
      read: (draft, section, place) => {
        let read = 0;
        for (const item of section.items) {
          const match = /^([^:]{2,120}):\s*(.+)$/s.exec(item);
          if (!match) continue;
          draft.records.push({
            kind: "principle",
            data: { name: match[1]!.trim(), statement: match[2]!.trim() },
            place: place(section.line),
          });
          read += 1;
        }
        return read > 0;
      },
    },
  },
};
