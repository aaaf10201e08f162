// A reference a document wrote that matched nothing (decision 0019): the record is kept with the
// name as written, and stays open here until someone says which record it meant.
import type { Rule, RuleFinding } from "@/lib/domain/governance/types";
import { closestName } from "@/lib/domain/spec/closest-name";
import { kindFields, labelInSentence, specKinds, specKindIds, type SpecKind } from "@/lib/domain/spec/kinds";

const known = new Set<string>(specKindIds);

export const referenceRules: Rule[] = [
  {
    id: "GAP-REFERENCE",
    title: "Reference that names no record",
    category: "gap",
    severity: "warning",
    reads: ["spec"],
    rationale:
      "The document names a record that neither the document nor the workspace has, usually the same thing spelt differently in two tables; until it is resolved the rules cannot check what depends on it.",
    remediation:
      "Choose the record it means in the record's editor (or in the next import's preview); the name is remembered for later imports.",
    needsLive: false,
    evaluate: (context) =>
      specKindIds.flatMap((kind) =>
        context.spec(kind).flatMap((record): RuleFinding[] => {
          const unresolved = record.data.unresolved as Record<string, string[]> | undefined;
          if (!unresolved || typeof unresolved !== "object") return [];
          let required = false;
          const choices: string[] = [];
          const parts = Object.entries(unresolved).flatMap(([fieldName, names]) => {
            const field = kindFields(kind).find((f) => f.name === fieldName);
            if (!field?.ref || !known.has(field.ref) || !Array.isArray(names)) return [];
            required ||= !!field.required;
            const candidates = context.spec(field.ref as SpecKind).map((r) => r.title);
            return names.map((name) => {
              const closest = closestName(String(name), candidates);
              const what = labelInSentence(specKinds[field.ref as SpecKind].label);
              choices.push(`the ${what} "${name}" means${closest ? ` (closest: ${closest.name})` : ""}`);
              return `${field.label} "${name}" names no ${what}${closest ? `; closest: ${closest.name} (${closest.why})` : ""}`;
            });
          });
          if (!parts.length) return [];
          return [
            {
              resourceKind: kind,
              resourceName: record.title,
              message: `${specKinds[kind].label} "${record.title}": ${parts.join("; ")}`,
              remediation: `In the editor of ${labelInSentence(specKinds[kind].label)} "${record.title}" (or the next import's preview), choose ${choices.join("; choose ")}; the name is remembered for later imports`,
              specRecordId: record.id,
              detail: Object.keys(unresolved).sort().join(","),
              // Without its VPC, load balancer or team the record cannot be checked at all.
              ...(required ? { severity: "error" as const } : {}),
            },
          ];
        }),
      ),
  },
];
