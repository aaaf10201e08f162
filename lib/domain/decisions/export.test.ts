import { describe, expect, it } from "vitest";
import {
  formatDecisionTable,
  formatMadr,
  madrStatus,
  tableCell,
  type ExportableDecision,
} from "@/lib/domain/decisions/export";

const base: ExportableDecision = {
  sequence: 5,
  title: "Dedicated load balancers for every public API",
  status: "accepted",
  context: "Partners call us over **custom domains**.",
  decision: "Use one DLB per region.",
  rationale: "Custom domains and mutual TLS need a DLB.",
  implications: "- Certificates renewed yearly\n- Two DLB units per region",
  owner: "Archie Tect",
  date: "2026-11-21",
  links: [],
  governs: [{ label: "load balancer", title: "nw-dlb-prod" }],
  approvedBy: ["Della Lead"],
};

describe("formatMadr", () => {
  it("writes front matter, the MADR sections and what the decision governs", () => {
    expect(formatMadr(base)).toBe(
      [
        "---",
        'status: "accepted"',
        "date: 2026-11-21",
        'decision-makers: "Archie Tect"',
        'consulted: "Della Lead"',
        "---",
        "",
        "# D05: Dedicated load balancers for every public API",
        "",
        "## Context and Problem Statement",
        "",
        "Partners call us over **custom domains**.",
        "",
        "## Decision Outcome",
        "",
        "Use one DLB per region.",
        "",
        "### Rationale",
        "",
        "Custom domains and mutual TLS need a DLB.",
        "",
        "### Consequences",
        "",
        "- Certificates renewed yearly\n- Two DLB units per region",
        "",
        "## More Information",
        "",
        '- Governs load balancer "nw-dlb-prod"',
        "",
      ].join("\n"),
    );
  });

  it("says who superseded it, in the status and the links", () => {
    const superseded: ExportableDecision = {
      ...base,
      status: "superseded",
      links: [
        { kind: "supersedes", direction: "incoming", sequence: 6, title: "Shared DLB" },
        { kind: "relates_to", direction: "outgoing", sequence: 2, title: "Regions" },
      ],
    };
    const text = formatMadr(superseded);
    expect(text).toContain('status: "superseded by D06"');
    expect(text).toContain("- superseded by D06 (Shared DLB)");
    expect(text).toContain("- relates to D02 (Regions)");
    expect(madrStatus({ status: "superseded", links: [] })).toBe("superseded");
  });

  it("leaves out empty sections", () => {
    const text = formatMadr({ ...base, context: "  ", rationale: "", governs: [], approvedBy: [], owner: "" });
    expect(text).not.toContain("Context and Problem Statement");
    expect(text).not.toContain("Rationale");
    expect(text).not.toContain("More Information");
    expect(text).not.toContain("decision-makers");
  });
});

describe("tableCell", () => {
  it("keeps a cell on one line and escapes pipes", () => {
    expect(tableCell("a | b\nc")).toBe("a \\| b c");
  });

  it("turns list items and paragraphs into ● points", () => {
    expect(tableCell("- one\n- two\n\nthree")).toBe("● one ● two ● three");
  });
});

describe("formatDecisionTable", () => {
  it("writes the template's table in number order, one row per decision", () => {
    const table = formatDecisionTable([
      { ...base, sequence: 6, title: "Shared | DLB", status: "proposed", rationale: "" },
      base,
    ]);
    const lines = table.trimEnd().split("\n");
    expect(lines[0]).toBe("| Id | Decision | Rationale | Implication |");
    expect(lines[2]).toBe(
      "| D05 | **Dedicated load balancers for every public API** Use one DLB per region. | Custom domains and mutual TLS need a DLB. | ● Certificates renewed yearly ● Two DLB units per region |",
    );
    expect(lines[3]).toBe(
      "| D06 | **Shared \\| DLB** _(proposed)_ Use one DLB per region. |  | ● Certificates renewed yearly ● Two DLB units per region |",
    );
    // Every row has exactly the four columns of the header.
    for (const line of lines) expect(line.split(/(?<!\\)\|/).length - 2).toBe(4);
  });
});
