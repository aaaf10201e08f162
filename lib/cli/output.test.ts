import { describe, expect, it } from "vitest";
import { summarizeImport } from "@/lib/cli/output";
import type { ImportReport } from "@/lib/domain/document/report";

const place = { file: "spec.md", line: 20, section: "Architecture Decisions" };

describe("summarizeImport", () => {
  it("counts each decision once, as the report (and the database) do", () => {
    const report: ImportReport = {
      workspace: "acme",
      files: [{ name: "spec.md", bytes: 100 }],
      digest: "d",
      applied: true,
      importId: "i",
      // countPlan's counts, "decision" included.
      created: { vpc: 1, decision: 2 },
      updated: { decision: 1 },
      unchanged: 0,
      records: [],
      decisions: [
        { action: "create", number: "D01", title: "One", status: "proposed", changes: [] },
        { action: "create", number: "D02", title: "Two", status: "draft", changes: [] },
        { action: "update", number: "D03", title: "Three", status: "proposed", changes: ["rationale"] },
        { action: "refused", number: "D04", title: "Four", status: "accepted", changes: ["decision"] },
      ],
      skipped: [],
      gaps: [],
      problems: [{ place, message: "D04 is accepted" }],
      offered: [],
      merged: [],
      questions: [],
      referenceCandidates: {},
      keptAsText: [],
    };
    expect(summarizeImport(report)).toMatchObject({
      imported: { vpc: 1, decision: 2 },
      updated: { decision: 1 },
      problems: [{ place: "spec.md:20 (Architecture Decisions)", message: "D04 is accepted" }],
    });
  });
});
