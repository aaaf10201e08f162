import type { Rule, RuleFinding } from "@/lib/domain/governance/types";
import { kindFields, specKinds, type SpecKind } from "@/lib/domain/spec/kinds";
import { findPlaceholders, isFilled } from "@/lib/domain/spec/placeholders";

/** Sections a specification is not finished without. */
export const requiredSections: readonly SpecKind[] = [
  "business-group",
  "environment",
  "application",
  "team",
  "recovery-tier",
  "entitlement",
  "naming-convention",
];

/** Markdown code (`x` and fenced blocks) is quoted text, not an unfinished value: it is not scanned. */
const withoutCode = (text: string) => text.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");

const strings = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value)
      ? value.filter((v): v is string => typeof v === "string")
      : [];

export const gapRules: Rule[] = [
  {
    id: "GAP-PLACEHOLDER",
    title: "Placeholder left in the specification",
    category: "gap",
    severity: "warning",
    reads: ["spec", "decision"],
    rationale:
      "TODO and TBD markers, instructions in angle brackets, [CUSTOMER] and dummy values such as x.x.x.x are the template's, not decisions: nothing can be built or checked against them.",
    remediation: "Replace the placeholder with the real value, or record who decides it and by when.",
    needsLive: false,
    evaluate: ({ input }) => {
      const findings: RuleFinding[] = [];
      for (const record of input.spec) {
        const section = specKinds[record.kind].plural;
        for (const field of kindFields(record.kind)) {
          for (const value of strings(record.data[field.name])) {
            const found = findPlaceholders(field.type === "longtext" ? withoutCode(value) : value);
            if (!found.length) continue;
            findings.push({
              resourceKind: record.kind,
              resourceName: record.title,
              message: `${section}, "${record.title}", ${field.label}: "${value.length > 80 ? `${value.slice(0, 77)}...` : value}" is a placeholder (${found.join(", ")})`,
              specRecordId: record.id,
              detail: field.name,
            });
          }
        }
      }
      for (const decision of input.decisions) {
        for (const [field, text] of Object.entries({ title: decision.title, ...decision.texts })) {
          const found = findPlaceholders(withoutCode(text));
          if (!found.length) continue;
          findings.push({
            resourceKind: "decision",
            resourceName: decision.number,
            message: `Architecture decisions, ${decision.number}, ${field}: contains a placeholder (${found.join(", ")})`,
            detail: field,
          });
        }
      }
      return findings;
    },
  },
  {
    id: "GAP-FIELD-EMPTY",
    title: "Field left empty",
    category: "gap",
    severity: "info",
    reads: ["spec"],
    rationale: "The template asks for these values; an empty cell is a question nobody has answered yet.",
    remediation: "Fill in the field, or mark the section not applicable.",
    needsLive: false,
    evaluate: ({ input }) =>
      input.spec.flatMap((record) =>
        kindFields(record.kind)
          .filter((field) => (field.required || field.tracked) && field.type !== "boolean")
          .filter(() => !(record.kind === "narrative-section" && record.data.notApplicable === true))
          .filter((field) => {
            const value = record.data[field.name];
            return (
              value === null ||
              value === undefined ||
              (typeof value === "string" ? value.trim() === "" : Array.isArray(value) && value.length === 0)
            );
          })
          .map((field) => ({
            resourceKind: record.kind,
            resourceName: record.title,
            message: `${specKinds[record.kind].plural}, "${record.title}", ${field.label}: empty`,
            specRecordId: record.id,
            detail: field.name,
          })),
      ),
  },
  {
    id: "GAP-SECTION-EMPTY",
    title: "Required section left empty",
    category: "gap",
    severity: "warning",
    reads: ["spec"],
    rationale: "Without these sections the estate cannot be checked: naming, drift and readiness all start from them.",
    remediation: "Add the section's records (or import them from the specification document).",
    needsLive: false,
    evaluate: (context) =>
      requiredSections
        .filter((kind) => !context.spec(kind).some((r) => isFilled(r.title)))
        .map((kind) => ({
          resourceKind: "section" as const,
          resourceName: specKinds[kind].plural,
          message: `Section "${specKinds[kind].plural}" has no records`,
          detail: kind,
        })),
  },
];
