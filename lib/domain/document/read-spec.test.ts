import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countPlan, planImport } from "@/lib/domain/document/plan";
import { readSpecDocument } from "@/lib/domain/document/read-spec";
import { loadDocument } from "@/lib/testing/documents";

const plan = (name: "complete" | "half-filled" | "chapters", includeOffered = false) =>
  planImport(readSpecDocument(loadDocument(name)), [], [], { includeOffered, newId: randomUUID });

const completeCounts = {
  "narrative-section": 8,
  system: 3,
  principle: 2,
  entitlement: 7,
  "business-group": 2,
  environment: 3,
  vpc: 2,
  "firewall-rule": 4,
  vpn: 2,
  "load-balancer": 2,
  "recovery-tier": 2,
  application: 4,
  "alert-policy": 2,
  "naming-convention": 1,
  team: 4,
  "tls-endpoint": 2,
  "mapping-rule": 3,
  decision: 2,
};

describe("readSpecDocument on the complete document", () => {
  const result = plan("complete");
  const find = (kind: string, title: string) => result.records.find((r) => r.kind === kind && r.title === title)!;
  const titleOf = (id: unknown) => result.records.find((r) => r.id === id)?.title;

  it("creates the expected records of every kind, with no gaps and no problems", () => {
    expect(countPlan(result).created).toEqual(completeCounts);
    expect(result.problems).toEqual([]);
    expect(result.gaps).toEqual([]);
  });

  it("reads the platform tables into linked records", () => {
    expect(titleOf(find("business-group", "Harbourline Freight").data.parent)).toBe("Harbourline");
    const prodVpc = find("vpc", "hl-vpc-prod");
    expect(prodVpc.data).toMatchObject({ region: "eu-central-1", cidr: "10.40.16.0/20" });
    expect((prodVpc.data.environments as string[]).map(titleOf)).toEqual(["PROD"]);
    expect(find("environment", "PROD").data).toMatchObject({
      classification: "production",
      highAvailability: true,
      deployedBy: "Release team",
    });
    expect(find("vpn", "hl-vpn-hamburg").data).toMatchObject({ routing: "bgp", localAsn: 64512, remoteAsn: 65010 });
    expect(find("vpn", "hl-vpn-hamburg-np").data.staticRoutes).toEqual(["172.16.0.0/16", "172.17.0.0/16"]);
    // The template's firewall table applies to every VPC.
    const rules = result.records.filter((r) => r.kind === "firewall-rule");
    expect(rules.map((r) => `${titleOf(r.data.vpc)} ${r.title}`).sort()).toEqual([
      "hl-vpc-nonprod 0.0.0.0/0 TCP 8081-8082",
      "hl-vpc-nonprod 10.0.0.0/8 TCP 8091-8092",
      "hl-vpc-prod 0.0.0.0/0 TCP 8081-8082",
      "hl-vpc-prod 10.0.0.0/8 TCP 8091-8092",
    ]);
  });

  it("tells the external and internal tables of one section apart by the line above them", () => {
    const lbOf = (kind: string) =>
      result.records.filter((r) => r.kind === kind).map((r) => `${titleOf(r.data.loadBalancer)} ${r.title}`);
    expect(lbOf("tls-endpoint")).toEqual([
      "hl-dlb-ext api.harbourline.example",
      "hl-dlb-int api.internal.harbourline.example",
    ]);
    expect(lbOf("mapping-rule")).toEqual([
      "hl-dlb-ext #1 /{scope}/exp/{system}/api/{version}/ → ext-{scope}-exp-{system}-api-{version}",
      "hl-dlb-int #1 /{scope}/sys/{system}/api/{version}/ → {scope}-sys-{system}-api-{version}",
      "hl-dlb-int #2 /{scope}/prc/{system}/api/{version}/ → {scope}-prc-{system}-api-{version}",
    ]);
  });

  it("reads teams from the numbered hierarchy, systems from both tables, apps from the inventory and the SDLC table", () => {
    expect(titleOf(find("team", "Freight Developers").data.parent)).toBe("Developers");
    expect(titleOf(find("team", "Platform Team").data.parent)).toBe("Everyone at Harbourline");
    expect(find("system", "SAP S/4HANA").data).toMatchObject({
      keySystem: true,
      deploymentModel: "On-premise",
      host: "sap.hl.internal",
      access: "via VPN",
    });
    expect(find("system", "Manhattan WMS").data).toMatchObject({ keySystem: false, protocol: "REST/HTTPS" });
    expect(find("application", "hl-sys-customers-api-v1").data).toMatchObject({ layer: "system" });
    const tracking = find("application", "hl-exp-tracking-api-v1").data;
    expect(tracking).toMatchObject({ layer: "experience", workers: 2, securityCategory: "level-a" });
    expect(titleOf(tracking.drTier)).toBe("Tier 1 Mission-Critical");
    expect(find("recovery-tier", "Tier 2 Business-Critical").data).toMatchObject({
      rtoMinutes: 60,
      rpoMinutes: 15,
      costMultiplier: 1.5,
    });
  });

  it("reads capabilities, principles, alerts, conventions and decisions", () => {
    expect(find("entitlement", "Production vCores").data.quantity).toBe(12);
    expect(find("entitlement", "Subscription tier").data.value).toBe("Platinum");
    expect(find("principle", "API first").data.statement).toMatch(/^every integration/);
    expect(find("alert-policy", "CloudHub-Application-Deployment-Failed").data.severity).toBe("critical");
    expect(find("naming-convention", "Application names").data).toMatchObject({
      resourceKind: "application",
      pattern: "hl-{layer:exp|prc|sys}-{system}-api-{version}",
      maxLength: 42,
    });
    expect(result.decisions[0]).toMatchObject({
      number: "D01",
      status: "proposed",
      title: "Use CloudHub 2.0 for all new applications",
      decision: "Deploy to shared spaces in the EU control plane.",
      implications: "- Private spaces needed for VPN access\n- Budget vCores per environment",
    });
  });

  it("keeps what no table took as narrative Markdown, and 'Not applicable' as decided", () => {
    expect(find("narrative-section", "On-premise").data.notApplicable).toBe(true);
    expect(find("narrative-section", "Integration Patterns").data.body).toContain("| Request-reply |");
    expect(find("narrative-section", "Goals and Objectives").data.body).toMatch(/^- Expose shipment tracking/);
    // The lines naming a table are not narrative: the load-balancing sections hold nothing else.
    expect(result.records.some((r) => r.title === "SSL endpoint and DNS configuration")).toBe(false);
  });

  it("offers the mapping rules' target patterns as naming conventions, taken only when asked", () => {
    expect(result.offered.map((o) => o.pattern)).toEqual([
      "ext-{scope}-exp-{system}-api-{version}",
      "{scope}-sys-{system}-api-{version}",
      "{scope}-prc-{system}-api-{version}",
    ]);
    expect(countPlan(plan("complete", true)).created["naming-convention"]).toBe(4);
  });
});

describe("readSpecDocument on chapter files", () => {
  it("reads the same specification whatever the numbering and heading levels (no title page)", () => {
    const result = plan("chapters");
    expect(countPlan(result).created).toEqual({ ...completeCounts, "narrative-section": 7 });
    expect(result.problems).toEqual([]);
  });
});

describe("readSpecDocument on the half-filled document", () => {
  const result = plan("half-filled");

  it("imports what is usable", () => {
    expect(countPlan(result).created).toEqual({
      "narrative-section": 6,
      system: 2,
      entitlement: 4,
      "business-group": 1,
      environment: 1,
      vpc: 1,
      "firewall-rule": 2,
      vpn: 1,
      "load-balancer": 1,
      "recovery-tier": 1,
      application: 1,
      "tls-endpoint": 1,
      "mapping-rule": 1,
    });
  });

  it("records every placeholder and empty required cell as a gap with its place and field", () => {
    expect(result.gaps.map((g) => `${g.place.line} ${g.kind} ${g.field ?? "-"} ${g.kept ? "kept" : "lost"}`)).toEqual([
      "6 narrative-section body kept",
      "13 system description kept",
      "14 system name kept",
      "14 system description kept",
      "14 system integrationConcerns kept",
      "17 narrative-section body kept",
      "21 narrative-section body kept",
      "28 decision - lost",
      "30 entitlement value kept",
      "30 entitlement value kept",
      "41 business-group name kept",
      "47 environment deployedBy kept",
      "48 environment classification lost",
      "48 environment deployedBy lost",
      "55 vpc region lost",
      "55 vpc businessGroup lost",
      "56 vpc businessGroup lost",
      "63 firewall-rule source kept",
      "63 firewall-rule scope kept",
      "64 firewall-rule - lost",
      "70 vpn remoteIp kept",
      "70 vpn staticRoutes kept",
      "70 vpn remoteAsn lost",
      "76 load-balancer allowlistedCidrs kept",
      "84 tls-endpoint certificate kept",
      "84 tls-endpoint cname kept",
      "95 narrative-section body kept",
      "102 recovery-tier examples kept",
      "102 recovery-tier rtoMinutes lost",
      "108 application workers lost",
      "108 application securityCategory lost",
      "109 application drTier lost",
      "109 application securityCategory lost",
      "112 narrative-section body kept",
      "121 system location kept",
    ]);
    expect(result.gaps.find((g) => g.kind === "decision")?.reason).toMatch(/example row/);
    // Dummy values are kept only where the gap rules see them as placeholders, never as real values.
    const vpn = result.records.find((r) => r.kind === "vpn")!;
    expect(vpn.data).toMatchObject({
      remoteIp: "x.x.x.x",
      staticRoutes: ["x.x.x.x/24", "192.168.10.0/24"],
      remoteAsn: null,
    });
    expect(result.records.find((r) => r.title === "Production vCores")!.data.quantity).toBeNull();
  });

  it("names the place and the reason of what it could not read", () => {
    const messages = result.problems.map((p) => `${p.place.line} ${p.message}`);
    expect(messages).toContain(
      '56 VPC "vpc-bad": CIDR "10.70.0/20": "10.70.0/20" is not a CIDR block such as 10.0.0.0/16; not imported',
    );
    expect(messages).toContain(
      '48 Environment "PROD": Classification: "<Sandbox / Production>" is a placeholder, and the environment needs a real one; not imported',
    );
    // `<<Internal corporate CIDRs>> | TBD` is the template's row, not a rule with a bad port: a gap.
    expect(messages.some((m) => m.startsWith("64 "))).toBe(false);
    expect(result.gaps.find((g) => g.place.line === 64)).toMatchObject({
      kind: "firewall-rule",
      record: "<<Internal corporate CIDRs>>",
      value: "<<Internal corporate CIDRs>> | TBD",
      reason: expect.stringMatching(/^the template's example row/),
      kept: false,
    });
    expect(messages).toContain(
      '125 the environments table has no "Classification (vCore)" column (found: Environment, Description); its rows were not imported',
    );
    expect(
      messages.some(
        (m) =>
          m.startsWith('109 Application "this-application-name-is-far-too-long-for-cloudhub-api"') &&
          m.includes("at most 42"),
      ),
    ).toBe(true);
    expect(messages).toContain(
      '84 TLS endpoint "api.example.com": Environment: the environment "PROD" was not imported',
    );
    expect(result.skipped.map((s) => s.title)).toEqual(expect.arrayContaining(["PROD", "vpc-dr", "vpc-bad"]));
  });
});

// Fragments of the template mixed at random: the reader must never throw, whatever the mix.
const fragments = [
  "# 4. Platform Architecture\n",
  "## Virtual Private Cloud\n",
  "| VPC name | Region | CIDR | Environments | Business Group |\n|---|---|---|---|---|\n",
  "| vpc-a | eu-west-1 | 10.0.0.0/16 | DEV | BG |\n",
  "| Source CIDR Range | Destination Port Range | Scope |\n|---|---|---|\n| x | y | z |\n",
  "| Id | Decision | Rationale | Implication |\n|---|---|---|---|\n| Dxx | <d> | | |\n| D01 | **T** ● a ● b | r | i |\n",
  "- **Production Cores/vCores**: <4>\n",
  "| #.# | Team | Description |\n|---|---|---|\n| 1.1.1 | Orphan | no parent |\n",
  "External DLB Mapping Rules\n\n| Detail | Input path | Target App | Output path | Protocol |\n|---|---|---|---|---|\n| 1 | /a | {x}-b | / | HTTPS |\n",
  "TODO\n",
  "Not applicable at this stage.\n",
  "| a |\n|---|\n",
  "<br>●|||\n",
];

describe("readSpecDocument on arbitrary input", () => {
  it("never throws on random Markdown made of template fragments and noise", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 40 })), { maxLength: 25 }),
        (parts) => {
          const draft = readSpecDocument([{ name: "random.md", text: parts.join("\n") }]);
          const result = planImport(draft, [], [], { includeOffered: true, newId: randomUUID });
          expect(Array.isArray(result.records)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
