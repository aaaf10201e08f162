import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/domain/governance/engine";
import { withGapRemediations } from "@/lib/domain/governance/rules/gap-remediations";
import { gapRules } from "@/lib/domain/governance/rules/gaps";
import type { DecisionEntry, SpecEntry } from "@/lib/domain/governance/types";
import { decisionEntry, evaluationInput, specEntry } from "@/lib/testing/governance";

const rules = withGapRemediations(gapRules);
const fixes = (id: string, spec: SpecEntry[], decisions: DecisionEntry[] = []) =>
  evaluate(
    rules.filter((r) => r.id === id),
    evaluationInput({ spec, decisions }),
    [],
  ).map((f) => f.remediation);

describe("remediations of the gap rules", () => {
  it("GAP-PLACEHOLDER: the placeholder as written and the field it is in", () => {
    const vpc = specEntry("vpc", { name: "vpc-dr", region: "eu-west-1", cidr: "TBD" });
    const vpn = specEntry("vpn", {
      name: "vpn-dc",
      vpc: vpc.id,
      routing: "static",
      remoteIp: "198.51.100.7",
      staticRoutes: ["10.50.0.0/16", "x.x.x.x/24"],
    });
    const section = specEntry("narrative-section", {
      name: "Disaster Recovery",
      body: "Warm standby in eu-west-1.\n\nTODO: confirm the RPO with the business\n\n`<not a placeholder>`",
    });
    const decision = decisionEntry({ number: "D04", texts: { implications: "TODO: licensing of MQ units." } });
    expect(fixes("GAP-PLACEHOLDER", [vpc, vpn, section], [decision])).toEqual([
      'Replace "TODO: licensing of MQ units." in the implications of D04 with the real value, or record who decides it and by when',
      'Replace "TODO: confirm the RPO with the business" in the text (Markdown) of narrative section "Disaster Recovery" with the real value, or record who decides it and by when',
      'Replace "TBD" in the CIDR of VPC "vpc-dr" with the real value, or record who decides it and by when',
      'Replace "x.x.x.x/24" in the static routes of VPN "vpn-dc" with the real value, or record who decides it and by when',
    ]);
  });

  it("GAP-FIELD-EMPTY: every empty field of the record; a narrative section may be marked not applicable", () => {
    const app = specEntry("application", { name: "wms-api", layer: "system", workers: null, workerSize: "" });
    const section = specEntry("narrative-section", { name: "Log Management", body: "" });
    const [appFix, sectionFix] = [fixes("GAP-FIELD-EMPTY", [app]), fixes("GAP-FIELD-EMPTY", [section])];
    expect(appFix[0]).toMatch(/^Fill in the .*workers, worker size.* of application "wms-api"$/);
    expect(sectionFix).toEqual([
      'Fill in the text (Markdown) of narrative section "Log Management", or mark the section not applicable',
    ]);
  });

  it("keeps the rule's remediation when the finding's record or field is not found", () => {
    const rule = withGapRemediations([
      {
        ...gapRules.find((r) => r.id === "GAP-PLACEHOLDER")!,
        evaluate: () => [
          { resourceKind: "vpc", resourceName: "gone", message: "m", specRecordId: "nope", detail: "cidr" },
        ],
      },
    ]);
    expect(evaluate(rule, evaluationInput(), []).map((f) => f.remediation)).toEqual([
      "Replace the placeholder with the real value, or record who decides it and by when.",
    ]);
  });
});
