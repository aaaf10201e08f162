// The licensed capabilities: the template's bullets (`- **Production vCores**: 4`), or a table
// when a capability has more to say.

import { parseNumber } from "@/lib/domain/document/cells";
import type { KindDocuments } from "@/lib/domain/document/kind-tables";
import { findPlaceholders } from "@/lib/domain/spec/placeholders";
import type { capabilityKinds } from "@/lib/domain/spec/kinds/capabilities";

// The template's capability bullets and the names the capacity rules know them by.
const capabilityNames: [RegExp, string][] = [
  [/^subscription/i, "Subscription tier"],
  [/^production .*v?cores?/i, "Production vCores"],
  [/^sandbox .*v?cores?/i, "Sandbox vCores"],
  [/^design .*v?cores?/i, "Design vCores"],
  [/^(anypoint )?vpcs?$/i, "Anypoint VPCs"],
  [/^(anypoint )?vpns?$/i, "Anypoint VPNs"],
  [/^(dlbs?|dedicated load balancers?)$/i, "Dedicated Load Balancers"],
  [/^static ips?$/i, "Static IPs"],
];

const canonicalCapability = (label: string) =>
  capabilityNames.find(([test]) => test.test(label.trim()))?.[1] ?? label.trim();

const sections = ["licensed capabilities", "anypoint platform licensed capabilities", "anypoint platform"];

/** How licensed capabilities appear in the document. */
export const capabilityTables: KindDocuments<keyof typeof capabilityKinds> = {
  entitlement: {
    tables: [
      {
        id: "entitlements",
        label: "Licensed capabilities",
        sections,
        columns: [
          { field: "name", headers: ["Capability", "Licensed capability"], required: true },
          { field: "quantity", headers: ["Quantity"] },
          { field: "value", headers: ["Value"] },
          { field: "notes", headers: ["Notes"] },
        ],
        write: {
          place: "Anypoint Platform Licensed Capabilities",
          block: (entitlements, table) => {
            if (!entitlements.length) return null;
            const simple = entitlements.every(
              (e) => !e.data.notes && (e.data.quantity === null || e.data.quantity === undefined || !e.data.value),
            );
            if (!simple) return table(entitlements);
            return entitlements
              .map((e) => `- **${String(e.data.name)}**: ${e.data.quantity ?? ""}${String(e.data.value ?? "")}`)
              .join("\n");
          },
        },
      },
    ],
    list: {
      sections,
      read: (draft, section, place) => {
        let read = 0;
        for (const item of section.items) {
          const match = /^([^:]{2,80}):\s*(.*)$/s.exec(item);
          if (!match) continue;
          const name = canonicalCapability(match[1]!);
          const value = match[2]!.trim();
          const at = place(section.line);
          const index = draft.records.length;
          if (draft.records.some((r) => r.kind === "entitlement" && r.data.name === name)) continue;
          const data: Record<string, unknown> = { name };
          const placeholders = findPlaceholders(value);
          const quantity = placeholders.length ? null : parseNumber(value);
          const numeric = quantity !== null && /^\s*[\d.,]+\s*(v?cores?|x)?\s*$/i.test(value);
          if (numeric) data.quantity = quantity;
          else data.value = value.split("\n")[0]!.trim();
          if (placeholders.length)
            draft.gaps.push({
              place: at,
              kind: "entitlement",
              record: name,
              field: "value",
              value,
              reason: placeholders.join(", "),
              kept: true,
              draft: index,
            });
          draft.records.push({ kind: "entitlement", data, place: at });
          read += 1;
        }
        return read > 0;
      },
    },
  },
};
