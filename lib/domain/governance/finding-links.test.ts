import { describe, expect, it } from "vitest";
import { findingEditPath, liveResourcePath, specRecordEditPath } from "@/lib/domain/governance/finding-links";

describe("where a finding is acted on", () => {
  const id = "0b7c5f0e-1b2a-4c3d-8e9f-0a1b2c3d4e5f";

  it("opens a record's editor on its section page", () => {
    expect(specRecordEditPath("acme", "vpc", id)).toBe(`/w/acme/specification/vpc?edit=${id}`);
    // The record's own kind, not the finding's resource kind (a convention for a live application's name).
    expect(
      findingEditPath(
        "acme",
        { specRecordId: id, resourceKind: "application", resourceName: "x" },
        "naming-convention",
      ),
    ).toBe(`/w/acme/specification/naming-convention?edit=${id}`);
  });

  it("opens a decision, and nothing for a record that is gone or a live resource nobody planned", () => {
    expect(findingEditPath("acme", { specRecordId: null, resourceKind: "decision", resourceName: "D04" }, null)).toBe(
      "/w/acme/decisions/D04",
    );
    expect(findingEditPath("acme", { specRecordId: id, resourceKind: "vpc", resourceName: "x" }, undefined)).toBeNull();
    expect(findingEditPath("acme", { specRecordId: null, resourceKind: "team", resourceName: "x" }, null)).toBeNull();
  });

  it("lists a live resource in the live estate's inventory of its kind", () => {
    expect(liveResourcePath("acme", "application", "orders api")).toBe("/w/acme/live?kind=application&q=orders+api");
    expect(liveResourcePath("acme", "section", "Environments")).toBeNull();
  });
});
