import { describe, expect, it } from "vitest";
import { countByKind, findMassRemovals } from "@/lib/domain/live/snapshot";

describe("countByKind", () => {
  it("counts every kind, zero included", () => {
    const counts = countByKind([{ kind: "vpc" }, { kind: "vpc" }, { kind: "application" }]);
    expect(counts.vpc).toBe(2);
    expect(counts.application).toBe(1);
    expect(counts.team).toBe(0);
  });
});

describe("findMassRemovals", () => {
  it("flags a kind that loses more than the share, and only that one", () => {
    expect(findMassRemovals({ application: 10, vpc: 2 }, { application: 5, vpc: 2 }, 0.3)).toEqual([
      { kind: "application", before: 10, after: 5 },
    ]);
  });

  it("allows losses up to the share, growth, and kinds that were empty", () => {
    expect(findMassRemovals({ application: 10, team: 0 }, { application: 7, team: 4, vpc: 3 }, 0.3)).toEqual([]);
  });

  it("flags a kind that disappears completely", () => {
    expect(findMassRemovals({ vpn: 2 }, {}, 0.3)).toEqual([{ kind: "vpn", before: 2, after: 0 }]);
  });
});
