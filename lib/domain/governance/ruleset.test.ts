import { describe, expect, it } from "vitest";
import { ruleset } from "@/lib/domain/governance/ruleset";
import { categorySchema } from "@/lib/domain/governance/types";

describe("ruleset", () => {
  it("has unique, stable-looking ids and explains every rule", () => {
    const ids = ruleset.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ruleset) {
      expect(rule.id).toMatch(/^[A-Z]+(-[A-Z0-9]+)+$/);
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.rationale.length).toBeGreaterThan(40);
      expect(rule.remediation.length).toBeGreaterThan(10);
    }
  });

  it("covers every category", () => {
    expect(new Set(ruleset.map((r) => r.category))).toEqual(new Set(categorySchema.options));
  });
});
