import { z } from "zod";
import { cidrProblem, hostnameProblem, ipv4Problem, parseCidr } from "@/lib/domain/spec/network";
import { isPlaceholder } from "@/lib/domain/spec/placeholders";

/** The kinds of value a specification field holds; each has one validator and one editor. */
export type FieldType =
  | "text"
  | "longtext"
  | "enum"
  | "boolean"
  | "integer"
  | "number"
  | "cidr"
  | "cidr-list"
  | "text-list"
  | "ipv4"
  | "hostname"
  | "cloudhub-app-name"
  | "ref"
  | "ref-list";

export type FieldOption = { readonly value: string; readonly label: string };

export type FieldDef = {
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  readonly required?: boolean;
  readonly options?: readonly FieldOption[];
  /** For ref and ref-list: the kind referred to. */
  readonly ref?: string;
  readonly min?: number;
  readonly max?: number;
  /** For cidr: allowed prefix lengths, e.g. VPCs take /16 to /24. */
  readonly prefix?: { readonly min: number; readonly max: number };
  readonly help?: string;
  /** Counted by the completeness figure (default: required fields). */
  readonly tracked?: boolean;
  /**
   * Rules that cannot check a record without this field: left unrecorded by an imported document
   * (no column for it), it is a gap naming them, where another unrecorded field is only incomplete.
   */
  readonly neededBy?: readonly string[];
};

/** The value a field type holds in a record. */
export type ValueOf<F extends FieldDef> = F["type"] extends "boolean"
  ? boolean
  : F["type"] extends "integer" | "number"
    ? number | null
    : F["type"] extends "ref"
      ? string | null
      : F["type"] extends "ref-list" | "cidr-list" | "text-list"
        ? string[]
        : F["type"] extends "enum"
          ? F["options"] extends readonly FieldOption[]
            ? F["options"][number]["value"] | (F["required"] extends true ? never : "")
            : string
          : string;

/** A record's data, typed from its fields. */
export type DataOf<Fields extends readonly FieldDef[]> = { [F in Fields[number] as F["name"]]: ValueOf<F> };

export const CLOUDHUB_NAME_MAX = 42;

const TEXT_MAX = 500;
const LONG_MAX = 20_000;

// Formatted values (CIDRs, addresses, names) may also be a placeholder left for later, as in
// the template ("x.x.x.x", "TBD"): the gap rules report those; a malformed value is refused.
const formatted = (problem: (value: string) => string | null) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (value === "" || isPlaceholder(value)) return;
      const reason = problem(value);
      if (reason) ctx.addIssue({ code: "custom", message: reason });
    });

function cidrValidator(field: FieldDef) {
  return formatted((value) => {
    const reason = cidrProblem(value);
    if (reason || !field.prefix) return reason;
    const { prefix } = parseCidr(value);
    return prefix < field.prefix.min || prefix > field.prefix.max
      ? `prefix /${prefix} is outside /${field.prefix.min} to /${field.prefix.max}`
      : null;
  });
}

const filled = (value: string) => value.trim() !== "";

/** The zod validator of one field. */
export function fieldValidator(field: FieldDef): z.ZodType {
  const needed = `${field.label} is required`;
  switch (field.type) {
    case "text":
    case "longtext": {
      const max = field.type === "text" ? TEXT_MAX : LONG_MAX;
      const base = z
        .string({ error: `${field.label} must be text` })
        .trim()
        .max(max, { error: `has at most ${max} characters` });
      return field.required ? base.refine(filled, { error: needed }) : base.default("");
    }
    case "enum": {
      const values = (field.options ?? []).map((o) => o.value);
      const error = `must be one of ${values.join(", ")}`;
      // An optional choice may be left empty (""): one enum, so a wrong value says what is allowed.
      return field.required
        ? z.enum(values as [string, ...string[]], { error })
        : z.enum(["", ...values], { error }).default("");
    }
    case "boolean":
      return z.boolean({ error: `${field.label} must be true or false` }).default(false);
    case "integer":
    case "number": {
      let base = z.number({ error: `${field.label} must be a number` });
      if (field.type === "integer") base = base.int({ error: "must be a whole number" });
      if (field.min !== undefined) base = base.min(field.min, { error: `must be at least ${field.min}` });
      if (field.max !== undefined) base = base.max(field.max, { error: `must be at most ${field.max}` });
      return field.required ? base : base.nullable().default(null);
    }
    case "cidr": {
      const base = cidrValidator(field);
      return field.required ? base.refine(filled, { error: needed }) : base.default("");
    }
    case "cidr-list":
      return z.array(cidrValidator(field).refine(filled, { error: "an entry is empty" })).default([]);
    case "text-list":
      return z
        .array(
          z
            .string({ error: `${field.label} must be a list of texts` })
            .trim()
            .max(TEXT_MAX, { error: `an entry has at most ${TEXT_MAX} characters` })
            .refine(filled, { error: "an entry is empty" }),
          { error: `${field.label} must be a list of texts` },
        )
        .refine((entries) => new Set(entries.map((e) => e.toLowerCase())).size === entries.length, {
          error: "lists an entry twice",
        })
        .default([]);
    case "ipv4": {
      const base = formatted(ipv4Problem);
      return field.required ? base.refine(filled, { error: needed }) : base.default("");
    }
    case "hostname": {
      const base = formatted(hostnameProblem);
      return field.required ? base.refine(filled, { error: needed }) : base.default("");
    }
    case "cloudhub-app-name":
      return z
        .string({ error: `${field.label} is required` })
        .trim()
        .superRefine((value, ctx) => {
          if (value === "") return void ctx.addIssue({ code: "custom", message: needed });
          if (value.length > CLOUDHUB_NAME_MAX) {
            ctx.addIssue({
              code: "custom",
              message: `is ${value.length} characters; CloudHub application names have at most ${CLOUDHUB_NAME_MAX}`,
            });
          }
          if (!/^[a-z0-9-]+$/.test(value)) {
            ctx.addIssue({ code: "custom", message: "may hold only lowercase letters, digits and hyphens" });
          } else if (value.startsWith("-") || value.endsWith("-")) {
            ctx.addIssue({ code: "custom", message: "cannot start or end with a hyphen" });
          }
        });
    case "ref": {
      const base = z.uuid({ error: `${field.label} must be chosen from the list` });
      return field.required ? base : base.nullable().default(null);
    }
    case "ref-list":
      return z
        .array(z.uuid({ error: "must be chosen from the list" }))
        .refine((ids) => new Set(ids).size === ids.length, { error: "lists an entry twice" })
        .default([]);
  }
}
