// The side panel's lines: a spec record's fields and a live resource's attributes, as text.

import type { RuleContext, SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource, LiveValue } from "@/lib/domain/live/snapshot";
import { kindFields } from "@/lib/domain/spec/kinds";
import type { Fact } from "@/lib/domain/topology/types";

/** A long value is cut so that one attribute cannot swamp the panel (or the payload). */
const clip = (text: string) => (text.length > 240 ? `${text.slice(0, 239)}…` : text);

const showLive = (value: LiveValue): string => {
  if (value === null) return "—";
  if (Array.isArray(value))
    return value.length
      ? value.map((v) => (typeof v === "object" && v ? JSON.stringify(v) : showLive(v))).join(", ")
      : "—";
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
};

/** A live resource's attributes as side-panel lines. */
export function liveFacts(resource: LiveResource | undefined): Fact[] {
  if (!resource) return [];
  const facts: Fact[] = [{ label: "Name", value: resource.name }];
  if (resource.environment) facts.push({ label: "Environment", value: resource.environment });
  if (resource.businessGroup) facts.push({ label: "Business group", value: resource.businessGroup });
  for (const [key, value] of Object.entries(resource.attributes))
    facts.push({ label: key, value: clip(showLive(value)) });
  return facts;
}

/** A spec record's fields as side-panel lines, references by name and choices by label. */
export function planFacts(entry: SpecEntry | undefined, context: RuleContext): Fact[] {
  if (!entry) return [];
  return kindFields(entry.kind).map((field) => {
    const value = entry.data[field.name];
    let text: string;
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0))
      text = "—";
    else if (field.type === "ref" || field.type === "ref-list") text = context.titles(value).join(", ") || "—";
    else if (field.type === "enum") text = field.options?.find((o) => o.value === value)?.label ?? String(value);
    else if (typeof value === "boolean") text = value ? "Yes" : "No";
    else if (Array.isArray(value)) text = value.join(", ");
    else text = String(value);
    return { label: field.label, value: clip(text) };
  });
}
