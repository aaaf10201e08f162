import { z } from "zod";
import type { Permission } from "@/lib/domain/access";
import { fieldValidator, type DataOf, type FieldDef } from "@/lib/domain/spec/fields";
import { applicationKinds, workerSizeOptions } from "@/lib/domain/spec/kinds/applications";
import { capabilityKinds } from "@/lib/domain/spec/kinds/capabilities";
import { contextKinds } from "@/lib/domain/spec/kinds/context";
import { narrativeKinds } from "@/lib/domain/spec/kinds/narrative";
import { operationsKinds } from "@/lib/domain/spec/kinds/operations";
import { platformKinds, regionOptions } from "@/lib/domain/spec/kinds/platform";
import { resilienceKinds } from "@/lib/domain/spec/kinds/resilience";
import { sdlcKinds } from "@/lib/domain/spec/kinds/sdlc";
import { securityKinds } from "@/lib/domain/spec/kinds/security";
import { chapters, type ChapterId, type KindShape } from "@/lib/domain/spec/kinds/shape";

export { chapters, regionOptions, workerSizeOptions, type ChapterId };

/** One problem found across fields of a record (a field validator cannot see its siblings). */
export type RecordProblem = { field: string; message: string };

/**
 * Every kind of record in a specification, with its fields, assembled from one file per chapter
 * (lib/domain/spec/kinds/). Everything else derives from this: validation, types, the REST API,
 * the editors, the completeness figures and the document's tables. Kind ids are stable (they
 * appear in URLs, the CLI and users' pipelines); the order is the one lists and the API show.
 */
export const specKinds = {
  ...platformKinds,
  ...applicationKinds,
  system: contextKinds.system,
  ...securityKinds,
  ...capabilityKinds,
  ...resilienceKinds,
  ...operationsKinds,
  ...sdlcKinds,
  principle: contextKinds.principle,
  ...narrativeKinds,
} as const satisfies Record<string, KindShape>;

export type SpecKind = keyof typeof specKinds;
export type KindDef = (typeof specKinds)[SpecKind];
export const specKindIds = Object.keys(specKinds) as SpecKind[];

/** The data of a record of a kind, typed from the kind's fields. */
export type SpecData<K extends SpecKind> = DataOf<(typeof specKinds)[K]["fields"]>;

/** Tells whether a string names a kind. */
export function isSpecKind(value: string): value is SpecKind {
  return Object.hasOwn(specKinds, value);
}

// Checks that need two fields of the same record. Each problem names the field whose value is out of
// place, so that an import can leave that one out and keep the record.
const crossFieldChecks: Partial<{ [K in SpecKind]: (data: SpecData<K>) => RecordProblem[] }> = {
  "firewall-rule": (data) =>
    data.fromPort !== null && data.toPort !== null && data.fromPort > data.toPort
      ? [{ field: "toPort", message: `the port range ${data.fromPort}-${data.toPort} ends before it starts` }]
      : [],
  vpn: (data) =>
    data.routing === "bgp" && (data.localAsn === null || data.remoteAsn === null)
      ? [{ field: data.localAsn === null ? "localAsn" : "remoteAsn", message: "BGP routing needs both ASNs" }]
      : [],
  application: (data) =>
    data.targetName !== "" && data.target === ""
      ? [
          {
            field: "targetName",
            message: "needs a Target: a Runtime Fabric, cluster, server group, server or CloudHub 2.0 private space",
          },
        ]
      : [],
  "mule-cluster": (data) =>
    data.nodes !== null && data.members.length > data.nodes
      ? [{ field: "members", message: `lists ${data.members.length} members for ${data.nodes} planned nodes` }]
      : [],
  "mule-server": (data) =>
    data.cluster !== null && data.serverGroup !== null
      ? [{ field: "serverGroup", message: "a server in a cluster cannot also be in a server group" }]
      : [],
  "mq-destination": (data) => {
    const problems: RecordProblem[] = [];
    if (data.type === "exchange") {
      // An exchange only routes: what holds, locks and redelivers messages is its queues'.
      const queueOnly = [
        ["fifo", data.fifo],
        ["ttlSeconds", data.ttlSeconds !== null],
        ["lockTtlSeconds", data.lockTtlSeconds !== null],
        ["deadLetterQueue", data.deadLetterQueue !== ""],
        ["maxDeliveries", data.maxDeliveries !== null],
      ] as const;
      for (const [field, set] of queueOnly)
        if (set)
          problems.push({ field, message: "applies to queues only; set it on the queues bound to the exchange" });
      if (data.boundQueues.some((q) => q.toLowerCase() === data.name.toLowerCase()))
        problems.push({ field: "boundQueues", message: "an exchange cannot be bound to itself" });
    } else if (data.boundQueues.length > 0) {
      problems.push({ field: "boundQueues", message: "only an exchange has bound queues" });
    }
    if (data.deadLetterQueue !== "" && data.deadLetterQueue.toLowerCase() === data.name.toLowerCase())
      problems.push({ field: "deadLetterQueue", message: "a queue cannot be its own dead-letter queue" });
    return problems;
  },
};

/**
 * References a document names but nothing in the document or the workspace matched: the names as
 * written, per reference field, kept on the record until someone says what they mean (GAP-REFERENCE).
 */
export const unresolvedSchema = z
  .record(
    z.string(),
    z
      .array(z.string().trim().min(1, { error: "a name is empty" }).max(200, { error: "has at most 200 characters" }))
      .min(1)
      .max(100),
  )
  .optional();
export type Unresolved = Record<string, string[]>;

/**
 * Where each field's value came from: a column of an imported document (even an empty cell), the
 * editor or the API (a person stated it), or the kind's default because the document's table had
 * no column for it. An empty field from a default is not yet recorded, not a gap someone left.
 */
export const fieldSourcesSchema = z.record(z.string(), z.enum(["document", "editor", "default", "none"])).optional();
/** `none`: the document says there is nothing ("N/A", "None", "Not applicable at this stage"): decided, not open. */
export type FieldSource = "document" | "editor" | "default" | "none";

/**
 * A kind's text values in environments other than production, by environment as the document
 * names it ("TEST": { host: "epic-test.example" }): one system, its hosts per environment.
 */
export const perEnvironmentSchema = z
  .record(
    z.string().trim().min(1, { error: "an environment is empty" }).max(40, { error: "has at most 40 characters" }),
    z.record(z.string(), z.string().trim().max(500, { error: "has at most 500 characters" })),
  )
  .optional();
export type PerEnvironment = Record<string, Record<string, string>>;

/** The fields of a kind that may hold a value per environment: its text fields but the key. */
export function perEnvironmentFields(kind: SpecKind): readonly FieldDef[] {
  const def = specKinds[kind] as KindShape;
  if (!def.perEnvironment) return [];
  return def.fields.filter((f) => f.type === "text" && f.name !== def.key);
}

const schemas = new Map<SpecKind, z.ZodType>();

/** The validator of a kind's record data (unknown fields are dropped). */
export function specSchema<K extends SpecKind>(kind: K): z.ZodType<SpecData<K>> {
  let schema = schemas.get(kind);
  if (!schema) {
    const def = specKinds[kind] as KindShape;
    // A required reference may instead be held as the name a document wrote (`unresolved`).
    const requiredRefs = def.fields.filter((f) => f.type === "ref" && f.required);
    const refNames = new Set(def.fields.filter((f) => f.ref).map((f) => f.name));
    const shape = Object.fromEntries(
      def.fields.map((field) => [
        field.name,
        requiredRefs.includes(field) ? fieldValidator(field).optional() : fieldValidator(field),
      ]),
    );
    const check = crossFieldChecks[kind] as ((data: unknown) => RecordProblem[]) | undefined;
    schema = z
      .object({
        ...shape,
        unresolved: unresolvedSchema,
        sources: fieldSourcesSchema,
        ...(def.perEnvironment ? { perEnvironment: perEnvironmentSchema } : {}),
      })
      .superRefine((data, ctx) => {
        const varying = new Set(perEnvironmentFields(kind).map((f) => f.name));
        for (const [environment, values] of Object.entries(
          (data as { perEnvironment?: PerEnvironment }).perEnvironment ?? {},
        ))
          for (const field of Object.keys(values))
            if (!varying.has(field))
              ctx.addIssue({
                code: "custom",
                path: ["perEnvironment", environment, field],
                message: "is not a field that may differ per environment",
              });
        const unresolved = (data as { unresolved?: Unresolved }).unresolved ?? {};
        for (const field of Object.keys(unresolved))
          if (!refNames.has(field))
            ctx.addIssue({ code: "custom", path: ["unresolved", field], message: "is not a reference of this kind" });
        for (const field of requiredRefs)
          if ((data as Record<string, unknown>)[field.name] === undefined && !unresolved[field.name]?.length)
            ctx.addIssue({
              code: "custom",
              path: [field.name],
              message: `${field.label} must be chosen from the list`,
            });
        for (const problem of check?.(data) ?? [])
          ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
      })
      .transform((data) => {
        // A single reference now chosen no longer waits on the name the document wrote.
        const record = data as Record<string, unknown> & { unresolved?: Unresolved };
        if (!record.unresolved) return record;
        const left = Object.fromEntries(
          Object.entries(record.unresolved).filter(([field]) => {
            const value = record[field];
            return Array.isArray(value) || value === null || value === undefined;
          }),
        );
        const { unresolved: _dropped, ...rest } = record;
        return Object.keys(left).length ? { ...rest, unresolved: left } : rest;
      });
    schemas.set(kind, schema);
  }
  return schema as z.ZodType<SpecData<K>>;
}

/** The fields of a kind. */
export function kindFields(kind: SpecKind): readonly FieldDef[] {
  return specKinds[kind].fields;
}

/** The unique name of a record, or null for kinds whose records have none. */
export function recordKey(kind: SpecKind, data: Record<string, unknown>): string | null {
  const key = (specKinds[kind] as KindShape).key;
  const value = key ? data[key] : undefined;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** A short title for a record: its name, or for kinds without one, what identifies it. */
export function recordTitle(kind: SpecKind, data: Record<string, unknown>): string {
  const def = specKinds[kind] as KindShape;
  return recordKey(kind, data) ?? def.title?.(data) ?? def.label;
}

/** The fields that make two records of a kind without a key the same record (none for other kinds). */
export function identifyingFields(kind: SpecKind): readonly FieldDef[] {
  const names = (specKinds[kind] as KindShape).identifiedBy ?? [];
  return names.map((name) => kindFields(kind).find((field) => field.name === name)!);
}

/** The permission that lets an actor change records of a kind: conventions have their own. */
export function editPermissionFor(kind: SpecKind): Permission {
  return kind === "naming-convention" ? "convention:edit" : "spec:edit";
}

/** A kind's label inside a sentence: "business group", but "VPC" and "TLS endpoint" keep their capitals. */
export function labelInSentence(label: string): string {
  // Acronyms (VPC, DLB) and product names (Mule, Runtime Fabric, Anypoint, CloudHub) keep their capitals.
  return /^([A-Z]{2,}|Mule\b|Runtime Fabric|Anypoint|CloudHub)/.test(label)
    ? label
    : label.charAt(0).toLowerCase() + label.slice(1);
}
