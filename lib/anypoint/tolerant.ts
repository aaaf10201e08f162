// Reading answers the way MuleSoft's own clients do: one record that does not fit is left out with a
// warning, never the whole answer. Every list reader of the client goes through readList, so a new
// reader (Runtime Fabric, MQ, Object Store) gets the same tolerance by naming its item schema.
import type { z } from "zod";
import { AnypointError } from "@/lib/anypoint/http";
import type { ReadWarning } from "@/lib/domain/live/read-warning";

type Segment = PropertyKey;
type Problem = { path: Segment[]; message: string };

/** Guards against a schema that keeps failing on the same element (it never should). */
const maxPrunes = 200;

const join = (path: readonly Segment[]) => path.map(String).join(".") || "(root)";

/** The id a raw record carries under the names Anypoint uses, if it has a readable one. */
export function recordIdOf(raw: unknown): string | null {
  if (!raw || typeof raw !== "object") return null;
  const record = raw as Record<string, unknown>;
  for (const key of ["id", "domain", "team_id", "role_id", "vpnId", "assetId", "name"]) {
    const value = record[key];
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "number") return String(value);
  }
  return null;
}

/**
 * Takes out the list element at `path` of a working copy and answers the path as it was in the
 * answer: `origins` remembers, per list, which original index each remaining element had, so that
 * a second bad element of the same list is reported at its own index, not a shifted one.
 */
function removeAt(root: unknown, path: readonly Segment[], origins: WeakMap<object, number[]>): Segment[] {
  const original: Segment[] = [];
  let node = root as Record<PropertyKey, unknown>;
  path.forEach((segment, depth) => {
    const indices = Array.isArray(node) ? origins.get(node) : undefined;
    original.push(indices && typeof segment === "number" ? indices[segment]! : segment);
    if (depth === path.length - 1) {
      if (Array.isArray(node) && typeof segment === "number") {
        if (!origins.has(node))
          origins.set(
            node,
            node.map((_, i) => i),
          );
        origins.get(node)!.splice(segment, 1);
        node.splice(segment, 1);
      }
    } else {
      node = node[segment] as Record<PropertyKey, unknown>;
    }
  });
  return original;
}

/**
 * Parses one record; an element of a nested list that does not fit (a firewall rule, a mapping
 * rule, an API inside its asset) is taken out and reported, and the rest of the record kept. A
 * field of the record itself that does not fit fails the record, with its path.
 */
export function parseRecord<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { ok: true; data: z.output<S>; dropped: Problem[] } | { ok: false; dropped: Problem[]; failure: Problem } {
  const dropped: Problem[] = [];
  const origins = new WeakMap<object, number[]>();
  let value = raw;
  let copied = false;
  for (let round = 0; ; round += 1) {
    const result = schema.safeParse(value);
    if (result.success) return { ok: true, data: result.data, dropped };
    const issue = result.error.issues[0]!;
    // The deepest list element the problem is inside: that element goes, the record stays.
    const element = issue.path.findLastIndex((segment) => typeof segment === "number");
    if (element < 0 || round >= maxPrunes) {
      return { ok: false, dropped, failure: { path: issue.path, message: issue.message } };
    }
    if (!copied) {
      value = structuredClone(value);
      copied = true;
    }
    const at = removeAt(value, issue.path.slice(0, element + 1), origins);
    dropped.push({ path: [...at, ...issue.path.slice(element + 1)], message: issue.message });
  }
}

/** Parses list items one by one: an item that fails is left out with a warning naming its id and field. */
export function parseItems<S extends z.ZodType>(
  endpoint: string,
  itemsPath: readonly Segment[],
  raw: readonly unknown[],
  schema: S,
): { items: z.output<S>[]; warnings: ReadWarning[] } {
  const items: z.output<S>[] = [];
  const warnings: ReadWarning[] = [];
  raw.forEach((rawItem, index) => {
    const recordId = recordIdOf(rawItem);
    const parsed = parseRecord(schema, rawItem);
    const at = (path: readonly Segment[]) => join([...itemsPath, index, ...path]);
    for (const part of parsed.dropped) {
      const list = String(part.path[part.path.findLastIndex((s) => typeof s === "number") - 1] ?? "list");
      warnings.push({
        endpoint,
        recordId,
        path: at(part.path),
        message: `${part.message}; that ${list} entry is left out`,
        leftOut: "entry",
      });
    }
    if (!parsed.ok) {
      warnings.push({
        endpoint,
        recordId,
        path: at(parsed.failure.path),
        message: `${parsed.failure.message}; the record is left out`,
        leftOut: "record",
      });
    } else {
      items.push(parsed.data);
    }
  });
  return { items, warnings };
}

/**
 * Reads a list answer: a bare array or an object holding the array under `key` (APIs document
 * both for some endpoints; a null or absent list is empty, as MuleSoft's Go client decodes it).
 * Only an answer that is neither is unreadable as a whole.
 */
export function readList<S extends z.ZodType>(
  endpoint: string,
  answer: unknown,
  key: string,
  schema: S,
): { items: z.output<S>[]; total?: number; received: number; warnings: ReadWarning[] } {
  if (Array.isArray(answer)) return { ...parseItems(endpoint, [], answer, schema), received: answer.length };
  if (answer && typeof answer === "object") {
    const envelope = answer as Record<string, unknown>;
    const list = envelope[key] ?? [];
    if (Array.isArray(list)) {
      const total = [envelope.total, envelope.totalElements].find((t) => typeof t === "number") as number | undefined;
      return { ...parseItems(endpoint, [key], list, schema), total, received: list.length };
    }
  }
  throw new AnypointError(
    endpoint,
    "unexpected_shape",
    `${endpoint} answered in a shape the portal does not understand (${key}: expected a list)`,
  );
}

/** Parses a single-record answer; its nested lists are read element by element like readList's items. */
export function readRecord<S extends z.ZodType>(
  endpoint: string,
  answer: unknown,
  schema: S,
): { data: z.output<S>; warnings: ReadWarning[] } {
  const parsed = parseRecord(schema, answer);
  const recordId = recordIdOf(answer);
  const warnings = parsed.dropped.map((part) => ({
    endpoint,
    recordId,
    path: join(part.path),
    message: `${part.message}; that entry is left out`,
    leftOut: "entry" as const,
  }));
  if (!parsed.ok) {
    throw new AnypointError(
      endpoint,
      "unexpected_shape",
      `${endpoint} answered in a shape the portal does not understand: ${join(parsed.failure.path)}: ${parsed.failure.message}`,
      undefined,
      join(parsed.failure.path),
    );
  }
  return { data: parsed.data, warnings };
}
