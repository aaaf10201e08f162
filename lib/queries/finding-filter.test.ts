import { describe, expect, it } from "vitest";
import { emptyFindingFilter, findingQuery, findingSearchParams, sameFindingFilter } from "@/lib/queries/finding-filter";

describe("findingQuery", () => {
  it("asks for open and waived findings when no status is chosen, and leaves out empty filters", () => {
    expect(findingQuery(emptyFindingFilter, 50)).toEqual({ status: ["open", "waived"], limit: "50" });
    expect(findingSearchParams(emptyFindingFilter, 50).toString()).toBe("status=open&status=waived&limit=50");
  });

  it("carries every chosen filter and the page's offset", () => {
    const filter = { ...emptyFindingFilter, status: "resolved", environment: "PROD", q: "orders api", offset: 100 };
    expect(findingQuery(filter, 25)).toEqual({
      status: "resolved",
      environment: "PROD",
      q: "orders api",
      offset: "100",
      limit: "25",
    });
    expect(findingSearchParams(filter, 25).get("q")).toBe("orders api");
  });
});

describe("sameFindingFilter", () => {
  it("compares every field, the offset too", () => {
    expect(sameFindingFilter({ ...emptyFindingFilter, q: "x" }, { ...emptyFindingFilter, q: "x" })).toBe(true);
    expect(sameFindingFilter(emptyFindingFilter, { ...emptyFindingFilter, offset: 50 })).toBe(false);
    expect(sameFindingFilter(emptyFindingFilter, { ...emptyFindingFilter, rule: "NET-DLB-TLS" })).toBe(false);
  });
});
