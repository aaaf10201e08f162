import type { CheckReport } from "@/lib/domain/governance/check-report";
import type { ImportReport } from "@/lib/domain/document/report";
import type { CliSyncRun } from "@/lib/cli/backend";

/** Where the command line writes: stdout for results, stderr for progress and errors. */
export type CliIo = {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Colour only for people at a terminal (and never with NO_COLOR). */
  color: boolean;
};

const paint = (code: number) => (io: CliIo, text: string) => (io.color ? `\u001b[${code}m${text}\u001b[0m` : text);
export const red = paint(31);
export const yellow = paint(33);
export const green = paint(32);
export const dim = paint(2);
export const bold = paint(1);

/** A plain-text table: a header row, aligned columns, no borders (readable in CI logs). */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** The import result pipelines read (`agp import --json`). */
export type ImportSummary = {
  workspace: string;
  imported: Record<string, number>;
  updated: Record<string, number>;
  gaps: number;
  problems: { place: string; message: string }[];
  /** Tables that are not the template's, kept as text in their section (where, and their caption). */
  keptAsText: string[];
};

const countUp = (into: Record<string, number>, kind: string, n = 1) => {
  if (n > 0) into[kind] = (into[kind] ?? 0) + n;
};

/** Counts per kind (kebab-case singular names, decisions included), gaps and problems of an import. */
export function summarizeImport(report: ImportReport): ImportSummary {
  const imported: Record<string, number> = {};
  const updated: Record<string, number> = {};
  // The report's counts already hold the decisions ("decision"): counting its list again doubled them.
  for (const [kind, n] of Object.entries(report.created)) countUp(imported, kind, n);
  for (const [kind, n] of Object.entries(report.updated)) countUp(updated, kind, n);
  return {
    workspace: report.workspace,
    imported,
    updated,
    gaps: report.gaps.length,
    problems: report.problems.map((p) => ({
      place: `${p.place.file}:${p.place.line}${p.place.section ? ` (${p.place.section})` : ""}`,
      message: p.message,
    })),
    keptAsText: (report.keptAsText ?? []).map(
      (t) =>
        `${t.place.section}${t.caption && t.caption !== t.place.section ? `: ${t.caption}` : ""} (${t.headers.join(" | ")})`,
    ),
  };
}

/** What people read after an import. */
export function formatImport(io: CliIo, summary: ImportSummary, applied: boolean): string {
  const kinds = [...new Set([...Object.keys(summary.imported), ...Object.keys(summary.updated)])].sort();
  const lines = [
    applied
      ? `Imported into ${bold(io, summary.workspace)}.`
      : `Dry run on ${bold(io, summary.workspace)}: nothing was written.`,
  ];
  if (kinds.length)
    lines.push(
      "",
      formatTable(
        ["kind", applied ? "created" : "would create", applied ? "updated" : "would update"],
        kinds.map((k) => [k, String(summary.imported[k] ?? 0), String(summary.updated[k] ?? 0)]),
      ),
    );
  else lines.push("Nothing new: the workspace already says what the document says.");
  lines.push("", `${summary.gaps} gap${summary.gaps === 1 ? "" : "s"} (unfinished parts of the document).`);
  if (summary.problems.length) {
    lines.push(yellow(io, `${summary.problems.length} part(s) could not be read and were skipped:`));
    for (const p of summary.problems) lines.push(`  ${p.place}: ${p.message}`);
  }
  if (summary.keptAsText.length) {
    lines.push(`Kept as text: ${summary.keptAsText.length} table(s) that are not the template's:`);
    for (const t of summary.keptAsText) lines.push(`  ${t}`);
  }
  return lines.join("\n");
}

/** One progress line of a sync, for stderr. */
export function formatSyncProgress(run: CliSyncRun): string {
  const step = run.progress.at(-1);
  return step ? `  ${step.step}: ${step.count}` : "  starting…";
}

/** What people read after a sync. */
export function formatSync(io: CliIo, run: CliSyncRun): string {
  const status =
    run.status === "succeeded"
      ? green(io, "succeeded")
      : run.status === "held"
        ? yellow(io, "held")
        : red(io, run.status);
  const lines = [
    `Sync ${status} in ${((run.durationMs ?? 0) / 1000).toFixed(1)} s: ${run.requests} requests, ${run.retries} retries.`,
  ];
  const kinds = Object.entries(run.counts).sort(([a], [b]) => a.localeCompare(b));
  if (kinds.length)
    lines.push(
      "",
      formatTable(
        ["kind", "count"],
        kinds.map(([k, n]) => [k, String(n)]),
      ),
    );
  if (run.status === "held" && run.removals?.length) {
    lines.push("", yellow(io, "Held for an administrator to confirm: it would remove"));
    for (const r of run.removals) lines.push(`  ${r.kind}: ${r.before} -> ${r.after}`);
    lines.push("Confirm in the portal (Live estate), or run again with --force.");
  }
  if (run.error) lines.push("", red(io, `Error: ${run.error}`));
  for (const w of run.warnings) lines.push(yellow(io, `warning: ${w}`));
  return lines.join("\n");
}

const severityPaint = { error: red, warning: yellow, info: dim } as const;

/** The findings as a table, with the summary and readiness underneath. */
export function formatCheck(io: CliIo, report: CheckReport): string {
  const lines: string[] = [];
  if (report.findings.length)
    lines.push(
      formatTable(
        ["severity", "rule", "resource", "environment", "message"],
        report.findings.map((f) => [
          f.status === "waived" ? "waived" : f.severity,
          f.ruleId,
          `${f.resourceKind} ${f.resourceName}`,
          f.environment ?? "-",
          f.message,
        ]),
      )
        .split("\n")
        .map((line, i) => {
          const f = report.findings[i - 2];
          return f && f.status === "open" ? severityPaint[f.severity](io, line) : line;
        })
        .join("\n"),
      "",
    );
  else lines.push(green(io, "No findings."), "");
  const s = report.summary;
  lines.push(
    `${s.error} error(s), ${s.warning} warning(s), ${s.info} info, ${s.waived} waived (ruleset ${report.rulesetVersion}).`,
  );
  if (report.readiness.length)
    lines.push(
      "",
      formatTable(
        ["environment", "readiness", "score"],
        report.readiness.map((r) => [r.environment, r.level, String(r.score)]),
      ),
    );
  if (report.notRecorded) {
    const fields = report.notRecorded.reduce((n, r) => n + r.fields.length, 0);
    lines.push(
      "",
      report.notRecorded.length
        ? `Not yet recorded: ${fields} field(s) of ${report.notRecorded.length} record(s) no imported document had a column for.`
        : "Not yet recorded: none (every field was asked for).",
    );
    if (report.notRecorded.length)
      lines.push(
        formatTable(
          ["section", "record", "fields"],
          report.notRecorded.map((r) => [r.section, r.record, r.fields.join(", ")]),
        ),
      );
  }
  return lines.join("\n");
}
