import type { Rule, RuleFinding, SpecEntry } from "@/lib/domain/governance/types";
import type { FieldDef } from "@/lib/domain/spec/fields";
import { kindFields, labelInSentence, specKinds, type SpecKind } from "@/lib/domain/spec/kinds";
import { findPlaceholders, hasPlaceholder, isFilled } from "@/lib/domain/spec/placeholders";
import { describePlace } from "@/lib/domain/document/draft";
import { listOf } from "@/lib/domain/governance/rules/phrases";

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

// The gap rules read every field of every record (some 100,000 values at 10,000 applications),
// once per evaluation: their loops index arrays and allocate nothing for a value without a gap.

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
      const check = (record: SpecEntry, field: FieldDef, value: unknown) => {
        if (typeof value !== "string" || !hasPlaceholder(value)) return;
        const found = findPlaceholders(field.type === "longtext" ? withoutCode(value) : value);
        if (!found.length) return;
        findings.push({
          resourceKind: record.kind,
          resourceName: record.title,
          message: `${specKinds[record.kind].plural}, "${record.title}", ${field.label}: "${value.length > 80 ? `${value.slice(0, 77)}...` : value}" is a placeholder (${found.join(", ")})`,
          specRecordId: record.id,
          detail: field.name,
        });
      };
      const spec = input.spec;
      for (let i = 0; i < spec.length; i += 1) {
        const record = spec[i]!;
        const fields = kindFields(record.kind);
        for (let j = 0; j < fields.length; j += 1) {
          const field = fields[j]!;
          const value = record.data[field.name];
          if (!Array.isArray(value)) check(record, field, value);
          else for (let k = 0; k < value.length; k += 1) check(record, field, value[k]);
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
    rationale:
      "The template asks for these values; an empty cell is a question nobody has answered yet. A field the document has no column for is only incomplete, unless a rule cannot check the record without it: then the finding names the rule.",
    remediation: "Fill in the field, or mark the section not applicable.",
    needsLive: false,
    evaluate: ({ input }) => {
      // The fields asked for, per kind, worked out once rather than per record.
      const asked = new Map<SpecKind, ReturnType<typeof kindFields>>();
      const askedOf = (kind: SpecKind) => {
        let fields = asked.get(kind);
        if (!fields) {
          fields = kindFields(kind).filter((field) => (field.required || field.tracked) && field.type !== "boolean");
          asked.set(kind, fields);
        }
        return fields;
      };
      const findings: RuleFinding[] = [];
      const spec = input.spec;
      for (let i = 0; i < spec.length; i += 1) {
        const record = spec[i]!;
        if (record.kind === "narrative-section" && record.data.notApplicable === true) continue;
        const fields = askedOf(record.kind);
        // A reference held as the name the document wrote is GAP-REFERENCE's to report; a field the
        // document had no column for is not yet recorded (completeness), not a cell left empty.
        const unresolved = record.data.unresolved as Record<string, unknown> | undefined;
        const sources = record.data.sources as Record<string, string> | undefined;
        const open: string[] = [];
        const unrecorded: string[] = [];
        const needing = new Set<string>();
        const names: string[] = [];
        for (let j = 0; j < fields.length; j += 1) {
          const field = fields[j]!;
          if (unresolved && field.name in unresolved) continue;
          // Decided empty by the document ("N/A", "None").
          if (sources?.[field.name] === "none") continue;
          // Not asked by the document's table: incomplete, not open, unless a rule cannot check without it.
          const asked = sources?.[field.name] !== "default";
          if (!asked && !field.neededBy) continue;
          const value = record.data[field.name];
          const empty =
            value === null ||
            value === undefined ||
            (typeof value === "string" ? value.trim() === "" : Array.isArray(value) && value.length === 0);
          if (!empty) continue;
          if (asked) open.push(labelInSentence(field.label));
          else {
            unrecorded.push(labelInSentence(field.label));
            for (const rule of field.neededBy!) needing.add(rule);
          }
          names.push(field.name);
        }
        // One finding per record, naming its open fields: one thing to do, not one per cell.
        if (names.length) {
          const said: string[] = [];
          if (open.length) said.push(`${listOf(open)} ${open.length === 1 ? "is" : "are"} empty`);
          if (unrecorded.length)
            said.push(
              `${listOf(unrecorded)} ${unrecorded.length === 1 ? "is" : "are"} not recorded, and ${listOf([...needing])} cannot check it without ${unrecorded.length === 1 ? "it" : "them"}`,
            );
          findings.push({
            resourceKind: record.kind,
            resourceName: record.title,
            message: `${specKinds[record.kind].plural}, "${record.title}": ${said.join("; ")}`,
            specRecordId: record.id,
            detail: names.join(","),
          });
        }
      }
      return findings;
    },
  },
  {
    id: "GAP-IMPORTED",
    title: "Unfinished part of the imported document",
    category: "gap",
    severity: "warning",
    reads: ["spec", "decision"],
    rationale:
      "The imported document left values unfinished where the portal cannot keep a placeholder (a number, a choice, a reference) or a whole row could not be read; they stay open until the specification says otherwise.",
    remediation: "Fill in the value (or add the record) in the portal, or fix the document and import it again.",
    needsLive: false,
    evaluate: (context) =>
      (context.input.importGaps ?? []).flatMap((gap) => {
        const where = describePlace(gap.place);
        const base = {
          resourceKind: gap.kind,
          resourceName: gap.record || gap.place.section,
          detail: `${gap.place.file}:${gap.place.line}:${gap.field ?? "row"}`,
        };
        if (gap.kind === "decision") {
          return context.input.decisions.length > 0
            ? []
            : [
                {
                  ...base,
                  message: `${where}: the decisions table holds only the template's example row; no decision is recorded`,
                },
              ];
        }
        const wanted = gap.record.trim().toLowerCase();
        const record = context
          .spec(gap.kind)
          .find(
            (r) =>
              r.title.toLowerCase() === wanted || (wanted !== "" && r.title.toLowerCase().startsWith(`${wanted} `)),
          );
        const field = gap.field ? kindFields(gap.kind).find((f) => f.name === gap.field) : undefined;
        const label = specKinds[gap.kind].label;
        if (!record)
          return [
            {
              ...base,
              message: `${where}: ${label} "${gap.record}" was not imported; the document's ${field?.label ?? "row"} is "${gap.value}" (${gap.reason})`,
            },
          ];
        // An existing record's empty required or tracked field is GAP-FIELD-EMPTY's to report.
        if (!field || isFilled(record.data[field.name]) || field.required || field.tracked) return [];
        return [
          {
            ...base,
            specRecordId: record.id,
            message: `${where}: ${label} "${record.title}", ${field.label}: the document says "${gap.value}" (${gap.reason}); nothing was stored`,
          },
        ];
      }),
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
