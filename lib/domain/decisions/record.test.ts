import { describe, expect, it } from "vitest";
import { changedTextFields, checkTextEdit, decisionTextSchema } from "@/lib/domain/decisions/record";

const text = { title: "Use DLBs", context: "c", decision: "d", rationale: "r", implications: "i", owner: "Archie" };

describe("decisionTextSchema", () => {
  it("requires a title and names the field", () => {
    const result = decisionTextSchema.safeParse({ ...text, title: "  " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["title"], message: expect.stringMatching(/required/) });
  });

  it("defaults the body fields to empty text", () => {
    expect(decisionTextSchema.parse({ title: "x" })).toEqual({
      title: "x",
      context: "",
      decision: "",
      rationale: "",
      implications: "",
      owner: "",
    });
  });

  it("bounds the Markdown fields", () => {
    const result = decisionTextSchema.safeParse({ ...text, rationale: "a".repeat(20_001) });
    expect(result.error?.issues[0]?.path).toEqual(["rationale"]);
  });
});

describe("changedTextFields", () => {
  it("lists the text fields that differ and ignores the owner", () => {
    const after: typeof text = { ...text, rationale: "r2", owner: "Someone" };
    expect(changedTextFields(text, after)).toEqual(["rationale"]);
    expect(changedTextFields(text, { ...text })).toEqual([]);
  });
});

describe("checkTextEdit", () => {
  it("lets drafts and proposals change freely", () => {
    expect(checkTextEdit("D05", "draft", false)).toEqual({ ok: true, flagged: false });
    expect(checkTextEdit("D05", "proposed", false)).toEqual({ ok: true, flagged: false });
  });

  it("keeps accepted text immutable unless the edit is flagged", () => {
    const refused = checkTextEdit("D05", "accepted", false);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? "" : refused.reason).toMatch(/immutable: record a new decision that amends it/);
    expect(checkTextEdit("D05", "accepted", true)).toEqual({ ok: true, flagged: true });
  });

  it("never changes final decisions, flagged or not", () => {
    for (const status of ["rejected", "deprecated", "superseded"] as const) {
      const result = checkTextEdit("D05", status, true);
      expect(result.ok ? "" : result.reason).toBe(`D05 is ${status}, which is final: its text can no longer change`);
    }
  });
});
