// The next step of each gap finding, with the record's own values: the field and its placeholder,
// the fields left empty. The gap rules (gaps.ts) say what is unfinished; this reads the values back
// through the finding's record and detail (the field's name), so the rules stay as they are and a
// finding whose record or field it cannot find keeps the rule's general remediation.
import { listOf, quote } from "@/lib/domain/governance/rules/phrases";
import type { Rule, RuleContext, RuleFinding } from "@/lib/domain/governance/types";
import { kindFields, labelInSentence, specKinds } from "@/lib/domain/spec/kinds";
import { placeholderTexts } from "@/lib/domain/spec/placeholders";

/** Markdown code is quoted text, not a placeholder (as GAP-PLACEHOLDER reads it). */
const withoutCode = (text: string) => text.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");

const placeholdersOf = (value: unknown, longtext: boolean): string[] =>
  (Array.isArray(value) ? value : [value]).flatMap((v) =>
    typeof v === "string" ? placeholderTexts(longtext ? withoutCode(v) : v) : [],
  );

function placeholderRemediation(context: RuleContext, finding: RuleFinding): string | undefined {
  if (!finding.detail) return undefined;
  const close = "with the real value, or record who decides it and by when";
  if (finding.resourceKind === "decision") {
    const decision = context.input.decisions.find((d) => d.number === finding.resourceName);
    const text = finding.detail === "title" ? decision?.title : decision?.texts[finding.detail];
    const found = text ? placeholderTexts(withoutCode(text)) : [];
    return found.length
      ? `Replace ${listOf(found.map((p) => quote(p)))} in the ${finding.detail} of ${finding.resourceName} ${close}`
      : undefined;
  }
  const record = context.byId(finding.specRecordId);
  const field = record && kindFields(record.kind).find((f) => f.name === finding.detail);
  if (!record || !field) return undefined;
  const found = [...new Set(placeholdersOf(record.data[field.name], field.type === "longtext"))];
  if (!found.length) return undefined;
  return `Replace ${listOf(found.map((p) => quote(p)))} in the ${labelInSentence(field.label)} of ${labelInSentence(specKinds[record.kind].label)} "${record.title}" ${close}`;
}

function emptyFieldsRemediation(context: RuleContext, finding: RuleFinding): string | undefined {
  const record = context.byId(finding.specRecordId);
  if (!record || !finding.detail) return undefined;
  const fields = kindFields(record.kind);
  const labels = finding.detail
    .split(",")
    .map((name) => fields.find((f) => f.name === name)?.label)
    .filter((label): label is string => !!label)
    .map(labelInSentence);
  if (!labels.length) return undefined;
  const what = `${labelInSentence(specKinds[record.kind].label)} "${record.title}"`;
  return record.kind === "narrative-section"
    ? `Fill in the ${listOf(labels)} of ${what}, or mark the section not applicable`
    : `Fill in the ${listOf(labels)} of ${what}`;
}

const remediations: Record<string, (context: RuleContext, finding: RuleFinding) => string | undefined> = {
  "GAP-PLACEHOLDER": placeholderRemediation,
  "GAP-FIELD-EMPTY": emptyFieldsRemediation,
};

/** The gap rules, each of whose findings says its own next step where the record's values tell it. */
export function withGapRemediations(rules: readonly Rule[]): Rule[] {
  return rules.map((rule) => {
    const remedy = remediations[rule.id];
    if (!remedy) return rule;
    return {
      ...rule,
      evaluate: (context) =>
        rule.evaluate(context).map((finding) => {
          if (finding.remediation) return finding;
          const remediation = remedy(context, finding);
          return remediation ? { ...finding, remediation } : finding;
        }),
    };
  });
}
