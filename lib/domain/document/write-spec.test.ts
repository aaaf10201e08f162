import { describe, expect, it } from "vitest";
import { planImport, type ImportPlan } from "@/lib/domain/document/plan";
import { readSpecDocument, type DocumentFile } from "@/lib/domain/document/read-spec";
import { formatSpecDocument, markdownCell } from "@/lib/domain/document/write-spec";
import { kindFields } from "@/lib/domain/spec/kinds";
import { loadDocument } from "@/lib/testing/documents";

const ids = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, "0")}`;
};

const importInto = (files: DocumentFile[]) =>
  planImport(readSpecDocument(files), [], [], { includeOffered: true, newId: ids() });

/** A plan's specification with references as names: comparable across workspaces. */
function comparable(plan: ImportPlan) {
  const titles = new Map(plan.records.map((r) => [r.id, r.title]));
  const records = plan.records
    .map((r) => {
      const data = Object.fromEntries(
        kindFields(r.kind).map((f) => {
          const value = r.data[f.name];
          if (!f.ref) return [f.name, value];
          return [
            f.name,
            Array.isArray(value) ? value.map((id) => titles.get(id)) : value ? titles.get(String(value)) : value,
          ];
        }),
      );
      return `${r.kind} ${r.title} ${JSON.stringify(data)}`;
    })
    .sort();
  const decisions = plan.decisions.map((d) => ({
    number: d.number,
    title: d.title,
    decision: d.decision,
    rationale: d.rationale,
    implications: d.implications,
  }));
  return { records, decisions };
}

const exported = (plan: ImportPlan, openGaps: { ruleId: string; message: string }[] = []) =>
  formatSpecDocument({
    workspaceName: "Harbourline",
    records: plan.records,
    decisions: plan.decisions.map((d) => ({
      ...d,
      context: "",
      owner: "",
      date: "2026-11-21",
      links: [],
      governs: [],
      approvedBy: [],
    })),
    openGaps,
    generatedAt: new Date("2026-11-21T12:00:00Z"),
  });

describe("formatSpecDocument", () => {
  it("writes the template's chapters, section titles and tables", () => {
    const markdown = exported(importInto(loadDocument("complete")), [
      { ruleId: "GAP-FIELD-EMPTY", message: "Teams: empty" },
    ]);
    for (const title of [
      "# 1. Business and Solution Context",
      "## 1.2 Key Systems",
      "# 2. Architecture Decisions",
      "| Id | Decision | Rationale | Implication |",
      "## 4.3 Virtual Private Cloud",
      "VPC firewall rules",
      "## 4.4 Secure Connectivity (VPN)",
      "External DLB Mapping Rules",
      "Internal Facing Dedicated Load Balancer endpoints",
      "## 6.1 Application Inventory",
      "| Name | Resource | Pattern | Max length | Environments | Description |",
      "## 9.1 Backend Systems Catalog",
      "| #.# | Team | Description |",
      "# Open gaps",
      "- Teams: empty (GAP-FIELD-EMPTY)",
    ])
      expect(markdown).toContain(title);
    expect(markdown).toContain("| 1.2.1 | Freight Developers | Freight division developers |");
    expect(markdown).toContain(
      "| hl-vpn-hamburg | hl-vpc-prod | BGP | Local: 64512, Remote: 65010 | 198.51.100.20 |  |",
    );
  });

  it("round trip: export then import into an empty workspace gives the same specification", () => {
    for (const name of ["complete", "half-filled"] as const) {
      const first = importInto(loadDocument(name));
      const markdown = exported(first, [{ ruleId: "GAP-PLACEHOLDER", message: "a gap" }]);
      const second = importInto([{ name: "export.md", text: markdown }]);
      // What the first import kept as narrative (an unreadable table) may be reported again; nothing new is.
      const before = first.problems.map((p) => p.message);
      expect(
        second.problems.map((p) => p.message).filter((m) => !before.includes(m)),
        name,
      ).toEqual([]);
      expect(comparable(second)).toEqual(comparable(first));
    }
  });

  it("escapes pipes and keeps line breaks in cells", () => {
    expect(markdownCell("a|b\nc")).toBe("a\\|b<br>c");
  });
});
