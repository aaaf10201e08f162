// The naming-pattern language of conventions:
//   literal text          matched as written (case-sensitive)
//   {name}                one or more lowercase alphanumeric words joined by hyphens
//   {name:a|b|c}          one of the listed values
//   {name:/regex/}        a custom expression (JavaScript syntax, no anchors)
//   [ ... ]               an optional part (may nest)
// e.g. "{scope}-sys-{system}-api-{version}[-{subdomain}]" or "{company}-{env:dev|tst|ppd|prd}-{api}".

/** One part of a compiled pattern. */
export type PatternPart =
  | { kind: "literal"; text: string }
  | { kind: "word"; name: string }
  | { kind: "choice"; name: string; options: string[] }
  | { kind: "regex"; name: string; source: string }
  | { kind: "optional"; parts: PatternPart[] };

export type CompiledPattern = { source: string; parts: PatternPart[]; regex: RegExp };

/** Why a pattern could not be compiled, and where. */
export class PatternError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = "PatternError";
  }
}

const wordSource = "[a-z0-9]+(?:-[a-z0-9]+)*";
// Explanations split the name as early as possible: "after "nwf-"" reads better than a greedy split.
const lazyWordSource = "[a-z0-9]+(?:-[a-z0-9]+)*?";
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Parses and compiles a pattern; throws a PatternError naming the position of the problem. */
export function compilePattern(source: string): CompiledPattern {
  let index = 0;
  const names = new Set<string>();

  function parseSequence(closing: "]" | null): PatternPart[] {
    const parts: PatternPart[] = [];
    let literal = "";
    const flush = () => {
      if (literal) parts.push({ kind: "literal", text: literal });
      literal = "";
    };
    while (index < source.length) {
      const char = source[index]!;
      if (char === "]") {
        if (closing !== "]") throw new PatternError(`"]" at position ${index + 1} closes nothing`, index);
        flush();
        index += 1;
        return parts;
      }
      if (char === "[") {
        flush();
        const start = index;
        index += 1;
        const inner = parseSequence("]");
        if (inner.length === 0) throw new PatternError(`the optional part at position ${start + 1} is empty`, start);
        parts.push({ kind: "optional", parts: inner });
        continue;
      }
      if (char === "{") {
        flush();
        parts.push(parsePlaceholder());
        continue;
      }
      if (char === "}") throw new PatternError(`"}" at position ${index + 1} closes nothing`, index);
      literal += char;
      index += 1;
    }
    if (closing) throw new PatternError(`an optional part opened with "[" is never closed`, source.length);
    flush();
    return parts;
  }

  function parsePlaceholder(): PatternPart {
    const start = index;
    index += 1;
    let body = "";
    // A custom expression may contain braces of its own ({2,3}): read it up to its closing slash.
    const nameEnd = source.slice(index).search(/[:}]/);
    if (nameEnd < 0) throw new PatternError(`the placeholder at position ${start + 1} is never closed with "}"`, start);
    const name = source.slice(index, index + nameEnd);
    index += nameEnd;
    if (!/^[a-zA-Z][a-zA-Z0-9_]*$/.test(name)) {
      throw new PatternError(
        `placeholder name "${name}" at position ${start + 1} must start with a letter and hold letters, digits or _`,
        start,
      );
    }
    if (names.has(name)) throw new PatternError(`placeholder {${name}} appears twice`, start);
    names.add(name);
    if (source[index] === "}") {
      index += 1;
      return { kind: "word", name };
    }
    index += 1; // ":"
    if (source[index] === "/") {
      const close = source.indexOf("/}", index + 1);
      if (close < 0) throw new PatternError(`the expression of {${name}} must end with "/}"`, start);
      body = source.slice(index + 1, close);
      index = close + 2;
      if (!body) throw new PatternError(`the expression of {${name}} is empty`, start);
      try {
        new RegExp(`^(?:${body})$`);
      } catch (error) {
        throw new PatternError(`the expression of {${name}} is not valid: ${(error as Error).message}`, start);
      }
      if (/[\^$]/.test(body.replace(/\\./g, "").replace(/\[[^\]]*\]/g, ""))) {
        throw new PatternError(`the expression of {${name}} must not use ^ or $: the pattern anchors it`, start);
      }
      return { kind: "regex", name, source: body };
    }
    const close = source.indexOf("}", index);
    if (close < 0) throw new PatternError(`the placeholder at position ${start + 1} is never closed with "}"`, start);
    body = source.slice(index, close);
    index = close + 1;
    const options = body.split("|");
    if (options.some((o) => o === "")) throw new PatternError(`{${name}} lists an empty value`, start);
    return { kind: "choice", name, options };
  }

  const parts = parseSequence(null);
  if (parts.length === 0) throw new PatternError("the pattern is empty", 0);
  return { source, parts, regex: new RegExp(`^${toRegex(parts, true)}$`) };
}

function partRegex(part: PatternPart, capture: boolean): string {
  switch (part.kind) {
    case "literal":
      return escape(part.text);
    case "word":
      return capture ? `(?<${part.name}>${wordSource})` : `(?:${lazyWordSource})`;
    case "choice": {
      // Longest first, so that "prd" does not shadow "prd2".
      const alternatives = [...part.options]
        .sort((a, b) => b.length - a.length)
        .map(escape)
        .join("|");
      return capture ? `(?<${part.name}>${alternatives})` : `(?:${alternatives})`;
    }
    case "regex":
      return capture ? `(?<${part.name}>${part.source})` : `(?:${part.source})`;
    case "optional":
      return `(?:${toRegex(part.parts, capture)})?`;
  }
}

const toRegex = (parts: PatternPart[], capture: boolean) => parts.map((p) => partRegex(p, capture)).join("");

/** How a part reads for people: `"-api-"`, `{env: dev|prd}`, `{system}`. */
export function describePart(part: PatternPart): string {
  switch (part.kind) {
    case "literal":
      return `"${part.text}"`;
    case "word":
      return `{${part.name}} (lowercase words joined by hyphens)`;
    case "choice":
      return `{${part.name}} (one of ${part.options.join(", ")})`;
    case "regex":
      return `{${part.name}} (matching /${part.source}/)`;
    case "optional":
      return `the optional part [${part.parts.map(render).join("")}]`;
  }
}

function render(part: PatternPart): string {
  switch (part.kind) {
    case "literal":
      return part.text;
    case "word":
      return `{${part.name}}`;
    case "choice":
      return `{${part.name}:${part.options.join("|")}}`;
    case "regex":
      return `{${part.name}:/${part.source}/}`;
    case "optional":
      return `[${part.parts.map(render).join("")}]`;
  }
}

export type NameCheck =
  | { ok: true; values: Record<string, string> }
  | {
      ok: false;
      /** Index into the pattern's top-level parts of the first part that cannot match; -1 for length. */
      partIndex: number;
      /** Characters of the name that matched before it. */
      position: number;
      message: string;
      /** A corrected name that passes, when one part is off. */
      suggestion: string | null;
    };

const prefixCache = new WeakMap<CompiledPattern, RegExp[]>();

/** The regexes of the pattern's leading 0..n parts, compiled once per pattern (an estate has thousands of names to explain). */
function prefixRegexes(pattern: CompiledPattern): RegExp[] {
  let cached = prefixCache.get(pattern);
  if (!cached) {
    cached = pattern.parts.map((_, count) => new RegExp(`^${toRegex(pattern.parts.slice(0, count), false)}`));
    cached.push(new RegExp(`^${toRegex(pattern.parts, false)}`));
    prefixCache.set(pattern, cached);
  }
  return cached;
}

/**
 * Checks a name against a pattern (and a maximum length), saying which part fails first: the
 * longest run of leading parts that matches the start of the name, and the part after it.
 */
export function checkName(pattern: CompiledPattern, name: string, maxLength?: number | null): NameCheck {
  const match = pattern.regex.exec(name);
  if (match) {
    if (maxLength && name.length > maxLength) {
      return {
        ok: false,
        partIndex: -1,
        position: maxLength,
        message: `"${name}" has ${name.length} characters; at most ${maxLength} are allowed`,
        suggestion: null,
      };
    }
    return {
      ok: true,
      values: Object.fromEntries(Object.entries(match.groups ?? {}).filter(([, v]) => v !== undefined)),
    };
  }
  const { parts } = pattern;
  const prefixes = prefixRegexes(pattern);
  // The first part that no split of the leading ones lets match a start of the name.
  const prefixLength = (count: number) => prefixes[count]!.exec(name)?.[0].length ?? null;
  let failing = parts.length;
  for (let k = 0; k < parts.length; k += 1) {
    if (prefixLength(k + 1) === null) {
      failing = k;
      break;
    }
  }
  const position = prefixLength(failing) ?? 0;
  const suggestion = suggest(pattern, name, maxLength, position);
  if (failing >= parts.length) {
    return {
      ok: false,
      partIndex: parts.length - 1,
      position,
      message: `"${name}" matches the whole pattern ${pattern.source} but goes on with "${name.slice(position)}"`,
      suggestion,
    };
  }
  const part = parts[failing]!;
  const rest = name.slice(position);
  return {
    ok: false,
    partIndex: failing,
    position,
    message: `"${name}" does not follow ${pattern.source}: ${
      position > 0 ? `after "${name.slice(0, position)}" ` : "at the start "
    }expected ${describePart(part)}, found ${rest ? `"${rest}"` : "the end of the name"}`,
    suggestion,
  };
}

let distanceRow = new Uint32Array(64);

function distance(a: string, b: string): number {
  if (distanceRow.length <= b.length) distanceRow = new Uint32Array(b.length + 1);
  const row = distanceRow;
  for (let j = 0; j <= b.length; j += 1) row[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * A corrected name when one thing is off: letter case, one hyphen-separated token replaced by
 * the nearest allowed value or literal word, or a missing literal token inserted.
 */
function suggest(
  pattern: CompiledPattern,
  name: string,
  maxLength: number | null | undefined,
  position: number,
): string | null {
  const passes = (candidate: string) =>
    candidate !== name && pattern.regex.test(candidate) && (!maxLength || candidate.length <= maxLength);
  const lower = name.toLowerCase().replace(/_/g, "-");
  if (passes(lower)) return lower;
  const tokens = lower.split("-");
  const words = patternWords(pattern);
  // tokens[0..i) and tokens[i..] joined, so that a candidate is three strings put together.
  const heads = tokens.map((_, i) => tokens.slice(0, i).join("-"));
  const tails = tokens.map((_, i) => tokens.slice(i).join("-"));
  const around = (i: number, word: string | null, skip: number) => {
    const head = i > 0 ? heads[i]! : null;
    const tail = i + skip < tokens.length ? tails[i + skip]! : null;
    return [head, word, tail].filter((part) => part !== null).join("-");
  };
  const candidatesAt = (from: number, to: number) => {
    // The cheapest candidate that passes (ties by name); a candidate that cannot beat the best so
    // far is not tested, since each test is a regex with backtracking.
    let best: { name: string; cost: number } | null = null;
    const consider = (name: string, cost: number) => {
      if (best && (cost > best.cost || (cost === best.cost && name.localeCompare(best.name) >= 0))) return;
      if (passes(name)) best = { name, cost };
    };
    for (let i = from; i < to; i += 1) {
      // A replacement is a suggestion only when it is a near miss ("prod" -> "prd"), not another word.
      const nearMiss = Math.max(2, Math.ceil(tokens[i]!.length / 2));
      for (const word of words) {
        const cost = distance(tokens[i]!, word.toLowerCase());
        if (cost <= nearMiss) consider(around(i, word, 1), cost);
        consider(around(i, word, 0), word.length + 1);
      }
      consider(around(i, null, 1), tokens[i]!.length + 1);
    }
    return (best as { name: string } | null)?.name ?? null;
  };
  // The fix is nearly always at the token where matching broke (or next to it): try there first,
  // since every candidate costs a regex test with backtracking, then everywhere.
  const at = lower.slice(0, position).split("-").length - 1;
  return candidatesAt(Math.max(0, at - 1), Math.min(tokens.length, at + 2)) ?? candidatesAt(0, tokens.length);
}

const wordCache = new WeakMap<CompiledPattern, string[]>();

/** The words a pattern allows literally (choices and literal tokens). */
function patternWords(pattern: CompiledPattern): string[] {
  let cached = wordCache.get(pattern);
  if (!cached) {
    const words = new Set<string>();
    const collect = (parts: PatternPart[]) => {
      for (const part of parts) {
        if (part.kind === "choice") part.options.forEach((o) => words.add(o));
        if (part.kind === "literal")
          part.text
            .split("-")
            .filter(Boolean)
            .forEach((w) => words.add(w));
        if (part.kind === "optional") collect(part.parts);
      }
    };
    collect(pattern.parts);
    cached = [...words];
    wordCache.set(pattern, cached);
  }
  return cached;
}

/** A name that passes the pattern, built from values for its placeholders (optional parts kept when all their values are given). */
export function buildName(pattern: CompiledPattern, values: Record<string, string>): string {
  const build = (parts: PatternPart[]): string | null => {
    let out = "";
    for (const part of parts) {
      if (part.kind === "literal") out += part.text;
      else if (part.kind === "optional") out += build(part.parts) ?? "";
      else {
        const value = values[part.name];
        if (value === undefined) return null;
        out += value;
      }
    }
    return out;
  };
  return build(pattern.parts) ?? "";
}
