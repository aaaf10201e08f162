import type { FieldDef } from "@/lib/domain/spec/fields";

export type RefTitles = Record<string, Map<string, string>>;

/** A field's value as text for tables and histories: references by title, lists joined. */
export function displayValue(field: FieldDef, value: unknown, titles: RefTitles): string {
  if (value === null || value === undefined || value === "") return "";
  switch (field.type) {
    case "boolean":
      return value === true ? "Yes" : "No";
    case "enum":
      return field.options?.find((o) => o.value === value)?.label ?? String(value);
    case "ref":
      return titles[field.ref ?? ""]?.get(String(value)) ?? "(deleted)";
    case "ref-list":
      return (value as string[]).map((id) => titles[field.ref ?? ""]?.get(id) ?? "(deleted)").join(", ");
    case "cidr-list":
    case "text-list":
      return (value as string[]).join(", ");
    default:
      return String(value);
  }
}
