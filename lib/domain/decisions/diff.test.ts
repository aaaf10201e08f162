import { describe, expect, it } from "vitest";
import { diffFields } from "@/lib/domain/decisions/diff";

describe("diffFields", () => {
  it("marks the words added and removed, field by field", () => {
    const [title, rationale] = diffFields(
      { title: "Use DLBs", rationale: "Custom domains need a DLB." },
      { title: "Use DLBs", rationale: "Custom domains and mutual TLS need a DLB." },
      ["title", "rationale"],
    );
    expect(title).toEqual({ field: "title", changed: false, parts: [{ kind: "same", text: "Use DLBs" }] });
    expect(rationale?.changed).toBe(true);
    expect(rationale?.parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["and mutual TLS"]);
    expect(rationale?.parts.filter((p) => p.kind === "removed")).toEqual([]);
    // Reading the unchanged and added runs gives the newer text; unchanged and removed, the older.
    expect(
      rationale?.parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe("Custom domains and mutual TLS need a DLB.");
  });

  it("shows a replaced word as removed and added", () => {
    const [field] = diffFields({ a: "one region" }, { a: "two region" }, ["a"]);
    expect(field?.parts).toEqual([
      { kind: "removed", text: "one" },
      { kind: "added", text: "two" },
      { kind: "same", text: " region" },
    ]);
  });

  it("gives an empty unchanged field no parts", () => {
    expect(diffFields({ a: "" }, { a: "" }, ["a"])).toEqual([{ field: "a", changed: false, parts: [] }]);
  });
});
