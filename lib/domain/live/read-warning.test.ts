import { describe, expect, it } from "vitest";
import { describeReadWarning, readWarningSchema } from "@/lib/domain/live/read-warning";

describe("read warnings", () => {
  it("names the call, the record and the field in one line", () => {
    const warning = readWarningSchema.parse({
      endpoint: "GET /cloudhub/api/organizations/o1/vpcs",
      recordId: "vpc-1",
      path: "data.0.firewallRules.2.cidrBlock",
      message: "Invalid input; that firewallRules entry is left out",
    });
    expect(describeReadWarning(warning)).toBe(
      "GET /cloudhub/api/organizations/o1/vpcs: record vpc-1 data.0.firewallRules.2.cidrBlock: Invalid input; that firewallRules entry is left out",
    );
    expect(describeReadWarning({ ...warning, recordId: null })).toBe(
      "GET /cloudhub/api/organizations/o1/vpcs: data.0.firewallRules.2.cidrBlock: Invalid input; that firewallRules entry is left out",
    );
  });
});
