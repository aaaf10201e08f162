// Reading the values people write in the template's cells: "8091-8092", "Yes", "1 h",
// "● 10.0.0.0/24<br>● 10.1.0.0/24", "Local 64512 / Remote 65000", "Tier 1".

import { normaliseHeader } from "@/lib/domain/document/markdown";
import type { FieldOption } from "@/lib/domain/spec/fields";

/** Splits a cell holding several entries (`●` points, line breaks, commas, semicolons). */
export function splitList(text: string): string[] {
  return text
    .split(/[\n●•;,]|<br\s*\/?>/i)
    .map((part) => part.replace(/^\s*[-*]\s+/, "").trim())
    .filter(Boolean);
}

/** "Yes", "y", "true", "✓" -> true; "No", "n", "false", "-" -> false; anything else null. */
export function parseYesNo(text: string): boolean | null {
  const value = normaliseHeader(text);
  if (/^(yes|y|true|enabled|on)\b/.test(value) || /^[✓✔x]$/i.test(text.trim())) return true;
  if (/^(no|n|false|disabled|off|none)\b/.test(value) || /^[-–]$/.test(text.trim())) return false;
  return null;
}

/** A whole number or decimal written in a cell ("4", "0.2 vCore", "2x", "1,000"); null when none. */
export function parseNumber(text: string): number | null {
  const match = /-?\d[\d,]*(\.\d+)?/.exec(text);
  if (!match) return null;
  const value = Number(match[0].replace(/,/g, ""));
  return Number.isFinite(value) ? value : null;
}

/** "15 min", "1 h", "4 hours", "24h", "0", "1 day" -> minutes; null when it is not a duration. */
export function parseMinutes(text: string): number | null {
  const match = /(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)?\b/i.exec(text);
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = (match[2] ?? "min").toLowerCase();
  const factor = unit.startsWith("s") ? 1 / 60 : unit.startsWith("h") ? 60 : unit.startsWith("d") ? 1440 : 1;
  return Math.round(amount * factor);
}

/**
 * "7 days", "2 min", "120 s", "120000 ms", "2 weeks" -> whole seconds; a number without a unit is
 * seconds; null when it is not a duration.
 */
export function parseSeconds(text: string): number | null {
  const match =
    /(\d[\d,]*(?:\.\d+)?)\s*(ms|msecs?|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)?\b/i.exec(
      text,
    );
  if (!match) return null;
  const amount = Number(match[1]!.replace(/,/g, ""));
  const unit = (match[2] ?? "s").toLowerCase();
  const factor =
    unit.startsWith("ms") || unit.startsWith("mil")
      ? 0.001
      : unit.startsWith("s")
        ? 1
        : unit.startsWith("m")
          ? 60
          : unit.startsWith("h")
            ? 3600
            : unit.startsWith("d")
              ? 86400
              : 604800;
  return Math.round(amount * factor);
}

/** "4 CPU / 15 GiB", "4 vCPU, 16 GB RAM", "4 cores 15 GiB", "4 / 15" -> CPU cores and GiB of memory. */
export function parseNodeSize(text: string): { cpu: number | null; memory: number | null } {
  const number = (value: string | undefined) => (value === undefined ? null : Number(value));
  const cpu = /(\d+(?:\.\d+)?)\s*(?:v?cpus?|cores?|vcores?)\b/i.exec(text)?.[1];
  const memory = /(\d+(?:\.\d+)?)\s*(?:gib|gb|gi|g)\b/i.exec(text)?.[1];
  if (cpu || memory) return { cpu: number(cpu), memory: number(memory) };
  const numbers = text.match(/\d+(?:\.\d+)?/g) ?? [];
  return { cpu: number(numbers[0]), memory: number(numbers[1]) };
}

/** "8091-8092", "443", "Any" -> a port range; null when unreadable. */
export function parsePortRange(text: string): { from: number; to: number } | null {
  const value = text.trim();
  if (/^(any|all|\*)$/i.test(value)) return { from: 1, to: 65535 };
  const match = /^(\d{1,5})\s*(?:[-–—]|to)\s*(\d{1,5})$/i.exec(value) ?? /^(\d{1,5})$/.exec(value);
  if (!match) return null;
  const from = Number(match[1]);
  const to = Number(match[2] ?? match[1]);
  return { from, to };
}

/** The two ASNs of a VPN cell ("Local: 64512, Remote: 65000", "64512 / 65000"): local first. */
export function parseAsns(text: string): { local: number | null; remote: number | null } {
  const local = /local\D*(\d+)/i.exec(text)?.[1];
  const remote = /remote\D*(\d+)/i.exec(text)?.[1];
  if (local || remote) return { local: local ? Number(local) : null, remote: remote ? Number(remote) : null };
  const numbers = text.match(/\d+/g) ?? [];
  return { local: numbers[0] ? Number(numbers[0]) : null, remote: numbers[1] ? Number(numbers[1]) : null };
}

/**
 * The option a cell means, by value, label, or a label's first word ("Sandbox" for
 * "sandbox", "Production (vCore)" for "production"), plus field-specific synonyms.
 */
export function matchOption(
  text: string,
  options: readonly FieldOption[],
  synonyms: Record<string, string> = {},
): string | null {
  const value = normaliseHeader(text);
  if (!value) return null;
  for (const option of options) {
    if (normaliseHeader(option.value) === value || normaliseHeader(option.label) === value) return option.value;
  }
  for (const [word, option] of Object.entries(synonyms)) {
    if (value === word || value.startsWith(`${word} `)) return option;
  }
  const starts = options.filter(
    (o) => value.startsWith(`${normaliseHeader(o.value)} `) || value.startsWith(`${normaliseHeader(o.label)} `),
  );
  if (starts.length === 1) return starts[0]!.value;
  const first = options.filter((o) => normaliseHeader(o.label).split(" ")[0] === value.split(" ")[0]);
  return first.length === 1 ? first[0]!.value : null;
}

/** The host name of a CloudHub domain cell: "orders-api.us-e1.cloudhub.io" or a URL -> "orders-api". */
export function applicationFromDomain(text: string): string {
  const host = text
    .trim()
    .replace(/^[a-z]+:\/\//i, "")
    .split(/[/:]/)[0]!;
  return host.split(".")[0]!.trim().toLowerCase();
}
