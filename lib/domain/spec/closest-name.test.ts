import { describe, expect, it } from "vitest";
import { closestName, editDistance } from "@/lib/domain/spec/closest-name";

describe("closestName", () => {
  const vpcs = ["vpc01-prod-de-c1", "vpc01-nonprod-de-c1", "vpc02-nonprod-us-e1"];

  it("suggests the name with the same prefix and environment, and says why", () => {
    expect(closestName("vpc01-nonprod-eu-frankfurt", vpcs)).toEqual({
      name: "vpc01-nonprod-de-c1",
      why: 'same prefix "vpc01-nonprod-", same environment (nonprod), 11 edits apart',
    });
    expect(closestName("VPC01-PROD-EU", vpcs)?.name).toBe("vpc01-prod-de-c1");
  });

  it("suggests a name a few edits away without a shared prefix", () => {
    expect(closestName("dlb-nwf-intt", ["dlb-nwf-int", "dlb-nwf-ext"])).toEqual({
      name: "dlb-nwf-int",
      why: 'same prefix "dlb-nwf-int", 1 edit apart',
    });
    expect(closestName("Platfrom Team", ["Platform Team", "Everyone"])?.name).toBe("Platform Team");
  });

  it("suggests nothing when nothing is close", () => {
    expect(closestName("payments-gateway", vpcs)).toBeNull();
    expect(closestName("", vpcs)).toBeNull();
    expect(closestName("x", [])).toBeNull();
  });

  it("counts edits", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});
