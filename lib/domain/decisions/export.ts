import { formatDecisionNumber, reverseLinkLabel, type DecisionLinkKind, type DecisionStatus } from "./lifecycle";

/** A decision with what its export shows: its links both ways and what it governs. */
export type ExportableDecision = {
  sequence: number;
  title: string;
  status: DecisionStatus;
  context: string;
  decision: string;
  rationale: string;
  implications: string;
  owner: string;
  /** The date of its last status change (or creation), ISO yyyy-mm-dd. */
  date: string;
  links: { kind: DecisionLinkKind; direction: "outgoing" | "incoming"; sequence: number; title: string }[];
  governs: { label: string; title: string }[];
  approvedBy: string[];
};

const linkSentence = (link: ExportableDecision["links"][number]) =>
  `${link.direction === "outgoing" ? link.kind.replace("_", " ") : reverseLinkLabel(link.kind)} ${formatDecisionNumber(link.sequence)} (${link.title})`;

/** The status as MADR writes it: "superseded by D07" rather than a bare "superseded". */
export function madrStatus(decision: Pick<ExportableDecision, "status" | "links">): string {
  if (decision.status !== "superseded") return decision.status;
  const by = decision.links.filter((l) => l.kind === "supersedes" && l.direction === "incoming");
  return by.length ? `superseded by ${by.map((l) => formatDecisionNumber(l.sequence)).join(", ")}` : "superseded";
}

const yamlString = (value: string) => JSON.stringify(value);
const section = (heading: string, body: string) => (body.trim() ? [heading, "", body.trim(), ""] : []);

/** One decision as a Markdown file in the MADR style (front matter, context, outcome, consequences). */
export function formatMadr(decision: ExportableDecision): string {
  const number = formatDecisionNumber(decision.sequence);
  const more = [
    ...decision.links.map((l) => `- ${linkSentence(l)}`),
    ...decision.governs.map((g) => `- Governs ${g.label} "${g.title}"`),
  ];
  const lines = [
    "---",
    `status: ${yamlString(madrStatus(decision))}`,
    `date: ${decision.date}`,
    ...(decision.owner ? [`decision-makers: ${yamlString(decision.owner)}`] : []),
    ...(decision.approvedBy.length ? [`consulted: ${yamlString(decision.approvedBy.join(", "))}`] : []),
    "---",
    "",
    `# ${number}: ${decision.title}`,
    "",
    ...section("## Context and Problem Statement", decision.context),
    ...section("## Decision Outcome", decision.decision),
    ...section("### Rationale", decision.rationale),
    ...section("### Consequences", decision.implications),
    ...(more.length ? ["## More Information", "", ...more, ""] : []),
  ];
  return lines.join("\n");
}

/**
 * A cell of a GFM table: one line, pipes escaped, paragraphs and list items turned into the
 * template's `●` points so that nothing of a multi-line field is lost.
 */
export function tableCell(markdown: string): string {
  const points = markdown
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/)
    .map((p) =>
      p
        .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "")
        .replace(/\s*\n\s*/g, " ")
        .trim(),
    )
    .filter(Boolean);
  const text = points.length > 1 ? points.map((p) => `● ${p}`).join(" ") : (points[0] ?? "");
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
}

/**
 * All decisions as the template's `Id | Decision | Rationale | Implication` table, in number
 * order; the Decision cell leads with the title in bold and names the status unless accepted.
 */
export function formatDecisionTable(decisions: readonly ExportableDecision[]): string {
  const rows = [...decisions]
    .sort((a, b) => a.sequence - b.sequence)
    .map((d) => {
      const status = d.status === "accepted" ? "" : ` _(${madrStatus(d)})_`;
      const body = d.decision.trim() ? ` ${tableCell(d.decision)}` : "";
      return `| ${formatDecisionNumber(d.sequence)} | **${tableCell(d.title)}**${status}${body} | ${tableCell(d.rationale)} | ${tableCell(d.implications)} |`;
    });
  return ["| Id | Decision | Rationale | Implication |", "| --- | --- | --- | --- |", ...rows].join("\n") + "\n";
}
