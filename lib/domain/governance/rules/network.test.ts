import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/domain/governance/engine";
import { networkRules } from "@/lib/domain/governance/rules/network";
import type { SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import { evaluationInput, liveResource, specEntry } from "@/lib/testing/governance";

const run = (id: string, spec: SpecEntry[], live: LiveResource[] | null = []) =>
  evaluate(
    networkRules.filter((r) => r.id === id),
    evaluationInput({ spec, live }),
    [],
  ).map((f) => f.message);
const vpc = (name: string, cidr: string) =>
  specEntry("vpc", { name, region: "eu-central-1", cidr, environments: [] }, `vpc-${name}`);

describe("NET-CIDR-OVERLAP", () => {
  it("passes separate ranges", () => {
    expect(run("NET-CIDR-OVERLAP", [vpc("a", "10.0.0.0/20"), vpc("b", "10.0.16.0/20")])).toEqual([]);
  });

  it("reports planned VPCs that overlap, a VPC overlapping a VPN route, and live private spaces", () => {
    const vpn = specEntry("vpn", {
      name: "vpn-dc",
      vpc: "vpc-a",
      routing: "static",
      remoteIp: "198.51.100.1",
      staticRoutes: ["10.0.8.0/24"],
    });
    const live = [
      liveResource("private-space", "ps-1", { attributes: { cidr: "10.0.16.0/22" } }),
      liveResource("vpn", "vpn-live", { attributes: { remoteNetworks: ["192.168.0.0/16"] } }),
    ];
    expect(
      run("NET-CIDR-OVERLAP", [vpc("a", "10.0.0.0/20"), vpc("b", "10.0.0.0/22"), vpc("c", "10.0.16.0/20"), vpn], live),
    ).toEqual([
      'VPC "a" (10.0.0.0/20) overlaps VPC "b" (10.0.0.0/22)',
      'VPC "a" (10.0.0.0/20) overlaps VPN "vpn-dc" (10.0.8.0/24)',
      'VPC "c" (10.0.16.0/20) overlaps private space "ps-1" (10.0.16.0/22)',
    ]);
  });

  it("uses the live range of a VPC that exists, and ignores placeholders", () => {
    const live = [liveResource("vpc", "a", { attributes: { cidr: "10.1.0.0/20" } })];
    expect(run("NET-CIDR-OVERLAP", [vpc("a", "10.0.0.0/20"), vpc("b", "10.0.0.0/22"), vpc("dr", "TBD")], live)).toEqual(
      [],
    );
  });
});

describe("NET-VPC-SIZE", () => {
  it("passes /16 to /24 and refuses the rest", () => {
    const live = [
      liveResource("vpc", "ok", { attributes: { cidr: "10.0.0.0/16" } }),
      liveResource("vpc", "small", { attributes: { cidr: "10.1.0.0/26" } }),
    ];
    expect(run("NET-VPC-SIZE", [], live)).toEqual(['VPC "small" has the range 10.1.0.0/26: /26 is outside /16 to /24']);
  });
});

describe("NET-FIREWALL-INTERNAL-OPEN", () => {
  it("passes the shared load balancer defaults (8081-8082 from anywhere) and internal ranges", () => {
    const live = [
      liveResource("firewall-rule", "r1", {
        attributes: {
          network: "vpc",
          networkKind: "vpc",
          direction: "inbound",
          cidr: "0.0.0.0/0",
          fromPort: 8081,
          toPort: 8082,
        },
      }),
      liveResource("firewall-rule", "r2", {
        attributes: {
          network: "vpc",
          networkKind: "vpc",
          direction: "inbound",
          cidr: "10.0.0.0/8",
          fromPort: 8091,
          toPort: 8092,
        },
      }),
      liveResource("firewall-rule", "r3", {
        attributes: {
          network: "ps",
          networkKind: "private-space",
          direction: "outbound",
          cidr: "0.0.0.0/0",
          fromPort: 0,
          toPort: 65535,
        },
      }),
    ];
    expect(run("NET-FIREWALL-INTERNAL-OPEN", [], live)).toEqual([]);
  });

  it("refuses 0.0.0.0/0 on a range covering 8091-8092, planned or live", () => {
    const planned = specEntry("firewall-rule", {
      vpc: "vpc-a",
      source: "0.0.0.0/0",
      protocol: "tcp",
      fromPort: 8091,
      toPort: 8092,
    });
    const live = [
      liveResource("firewall-rule", "vpc-prod 0.0.0.0/0 tcp 0-65535", {
        attributes: {
          network: "vpc-prod",
          networkKind: "vpc",
          direction: "inbound",
          cidr: "0.0.0.0/0",
          fromPort: 0,
          toPort: 65535,
        },
      }),
    ];
    expect(run("NET-FIREWALL-INTERNAL-OPEN", [vpc("a", "10.0.0.0/20"), planned], live)).toEqual([
      'Planned firewall rule of VPC "a" opens ports 8091-8092 to 0.0.0.0/0, including the internal ports 8091-8092',
      'Firewall rule of VPC "vpc-prod" opens ports 0-65535 to 0.0.0.0/0, including the internal ports 8091-8092',
    ]);
  });
});

describe("NET-DLB-INTERNAL-OPEN", () => {
  const internal = (allowlistedCidrs: string[]) =>
    specEntry("load-balancer", { name: "dlb-int", vpc: "vpc-a", role: "internal", allowlistedCidrs });

  it("passes an internal load balancer with corporate ranges, and external ones open to all", () => {
    const external = specEntry("load-balancer", {
      name: "dlb-ext",
      vpc: "vpc-a",
      role: "external",
      allowlistedCidrs: ["0.0.0.0/0"],
    });
    const live = [liveResource("load-balancer", "dlb-int", { attributes: { allowlist: ["10.0.0.0/8"] } })];
    expect(run("NET-DLB-INTERNAL-OPEN", [internal(["10.0.0.0/8"]), external], live)).toEqual([]);
  });

  it("refuses 0.0.0.0/0 in the plan, and an open or empty allowlist in Anypoint", () => {
    expect(run("NET-DLB-INTERNAL-OPEN", [internal(["0.0.0.0/0"])], [])).toEqual([
      'Internal load balancer "dlb-int" is planned with 0.0.0.0/0 in its allowlist',
    ]);
    expect(
      run(
        "NET-DLB-INTERNAL-OPEN",
        [internal(["10.0.0.0/8"])],
        [liveResource("load-balancer", "dlb-int", { attributes: { allowlist: [] } })],
      ),
    ).toEqual(['Internal load balancer "dlb-int" has an empty allowlist in Anypoint']);
  });
});

describe("NET-DLB-TLS", () => {
  it("passes TLS 1.2 only and redirect", () => {
    const lb = specEntry("load-balancer", {
      name: "dlb",
      vpc: "v",
      role: "external",
      tls10Allowed: false,
      httpMode: "redirect",
    });
    expect(
      run(
        "NET-DLB-TLS",
        [lb],
        [liveResource("load-balancer", "dlb", { attributes: { tlsv1: false, httpMode: "redirect" } })],
      ),
    ).toEqual([]);
  });

  it("reports TLS 1.0 (error) and plain HTTP (warning), planned and live", () => {
    const lb = specEntry("load-balancer", {
      name: "dlb",
      vpc: "v",
      role: "external",
      tls10Allowed: true,
      httpMode: "on",
    });
    const findings = evaluate(
      networkRules.filter((r) => r.id === "NET-DLB-TLS"),
      evaluationInput({
        spec: [lb],
        live: [liveResource("load-balancer", "dlb-int", { attributes: { tlsv1: true, httpMode: "on" } })],
      }),
      [],
    );
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ["error", 'Load balancer "dlb" is planned with TLS 1.0 allowed'],
      ["error", 'Load balancer "dlb-int" accepts TLS 1.0 in Anypoint'],
      ["warning", 'Load balancer "dlb" is planned to serve plain HTTP (mode on)'],
      ["warning", 'Load balancer "dlb-int" serves plain HTTP (mode on) in Anypoint'],
    ]);
  });
});

describe("NET-MAPPING-DANGLING", () => {
  it("passes literal targets that are deployed and pattern targets", () => {
    const live = [
      liveResource("application", "orders-api"),
      liveResource("mapping-rule", "r1", {
        attributes: { loadBalancer: "dlb", order: 1, inputUri: "/orders/", appName: "orders-api" },
      }),
      liveResource("mapping-rule", "r2", {
        attributes: { loadBalancer: "dlb", order: 2, inputUri: "/{app}/", appName: "{app}" },
      }),
    ];
    expect(run("NET-MAPPING-DANGLING", [], live)).toEqual([]);
  });

  it("reports a literal target that is not deployed", () => {
    const live = [
      liveResource("mapping-rule", "r1", {
        attributes: { loadBalancer: "dlb", order: 3, inputUri: "/old/", appName: "old-api" },
      }),
    ];
    expect(run("NET-MAPPING-DANGLING", [], live)).toEqual([
      'Mapping rule 3 of "dlb" sends /old/ to "old-api", which is not deployed',
    ]);
  });
});

describe("NET-EXPERIENCE-UNREACHABLE", () => {
  const app = (name: string, layer = "experience") => specEntry("application", { name, layer, environments: [] });
  const rule = (targetApp: string) =>
    specEntry("mapping-rule", { loadBalancer: "x", order: 1, inputPath: "/", targetApp });

  it("passes an experience app a target pattern reaches, and other layers", () => {
    expect(
      run("NET-EXPERIENCE-UNREACHABLE", [
        app("ext-nwf-exp-tracking-api-v1"),
        app("nwf-sys-sap", "system"),
        rule("ext-{scope}-exp-{system}-api-{version}"),
      ]),
    ).toEqual([]);
  });

  it("reports an experience app no rule reaches", () => {
    expect(
      run("NET-EXPERIENCE-UNREACHABLE", [app("mobile-exp-api"), rule("ext-{scope}-exp-{system}-api-{version}")]),
    ).toEqual(['Experience application "mobile-exp-api" matches no mapping rule\'s target']);
  });
});

describe("remediations name the values of each finding", () => {
  const fixes = (id: string, spec: SpecEntry[], live: LiveResource[] | null = []) =>
    evaluate(
      networkRules.filter((r) => r.id === id),
      evaluationInput({ spec, live }),
      [],
    ).map((f) => f.remediation);

  it("NET-CIDR-OVERLAP: both networks and their ranges", () => {
    expect(fixes("NET-CIDR-OVERLAP", [vpc("a", "10.0.0.0/20"), vpc("b", "10.0.0.0/22")])).toEqual([
      'Give VPC "a" (10.0.0.0/20) or VPC "b" (10.0.0.0/22) a range of its own (a VPC\'s range cannot change: plan the new VPC and migrate to it)',
    ]);
  });

  it("NET-FIREWALL-INTERNAL-OPEN: the ports, the network and its own range", () => {
    const planned = specEntry("firewall-rule", {
      vpc: "vpc-a",
      source: "0.0.0.0/0",
      protocol: "tcp",
      fromPort: 8091,
      toPort: 8092,
    });
    const live = [
      liveResource("vpc", "vpc-prod", { attributes: { cidr: "10.20.16.0/21" } }),
      liveResource("firewall-rule", "vpc-prod 0.0.0.0/0 tcp 0-65535", {
        attributes: {
          network: "vpc-prod",
          networkKind: "vpc",
          direction: "inbound",
          cidr: "0.0.0.0/0",
          fromPort: 0,
          toPort: 65535,
        },
      }),
    ];
    expect(fixes("NET-FIREWALL-INTERNAL-OPEN", [vpc("a", "10.0.0.0/20"), planned], live)).toEqual([
      'Change the source of the rule opening ports 8091-8092 of VPC "a" from 0.0.0.0/0 to the VPC\'s own range (10.0.0.0/20) and the corporate networks that need them',
      'Change the source of the rule opening ports 0-65535 of "vpc-prod" in Anypoint from 0.0.0.0/0 to the network\'s own range (10.20.16.0/21) and the corporate networks that need them',
    ]);
  });

  it("NET-VPC-SIZE: the VPC, its range and the sizes allowed", () => {
    const live = [liveResource("vpc", "small", { attributes: { cidr: "10.1.0.0/26" } })];
    expect(fixes("NET-VPC-SIZE", [], live)).toEqual([
      'Replace VPC "small" (10.1.0.0/26) with a VPC whose range is between /16 and /24, and move its applications to it (a VPC\'s range cannot change)',
    ]);
  });

  it("NET-DLB-INTERNAL-OPEN: what to take out of the allowlist, and the ranges the plan allows", () => {
    const internal = (name: string, allowlistedCidrs: string[]) =>
      specEntry("load-balancer", { name, vpc: "vpc-a", role: "internal", allowlistedCidrs });
    expect(fixes("NET-DLB-INTERNAL-OPEN", [internal("dlb-int", ["0.0.0.0/0", "10.0.0.0/8"])], [])).toEqual([
      'Replace 0.0.0.0/0 in the planned allowlist of internal load balancer "dlb-int" with the corporate and partner ranges that call it (besides 10.0.0.0/8)',
    ]);
    const live = [
      liveResource("load-balancer", "dlb-int", { attributes: { allowlist: [] } }),
      liveResource("load-balancer", "dlb-partners", { attributes: { allowlist: ["0.0.0.0/0"] } }),
    ];
    const spec = [internal("dlb-int", ["10.0.0.0/8", "192.168.10.0/24"]), internal("dlb-partners", ["TBD"])];
    expect(fixes("NET-DLB-INTERNAL-OPEN", spec, live)).toEqual([
      'List the corporate and partner ranges that call internal load balancer "dlb-int" in its allowlist in Anypoint (the specification plans 10.0.0.0/8 and 192.168.10.0/24)',
      'Replace 0.0.0.0/0 in the allowlist of internal load balancer "dlb-partners" in Anypoint with the corporate and partner ranges that call it',
    ]);
  });

  it("NET-DLB-TLS: where to change what, planned or live", () => {
    const lb = specEntry("load-balancer", {
      name: "dlb",
      vpc: "v",
      role: "external",
      tls10Allowed: true,
      httpMode: "on",
    });
    const live = [liveResource("load-balancer", "dlb-int", { attributes: { tlsv1: true, httpMode: "on" } })];
    expect(fixes("NET-DLB-TLS", [lb], live)).toEqual([
      'Set "TLS 1.0 allowed" of "dlb" to no in the specification, and build it with the cipher suite NewDefault-v1',
      'Disable TLS 1.0 on "dlb-int" in Anypoint (cipher suite NewDefault-v1)',
      'Plan the HTTP mode of "dlb" as redirect or off',
      'Set the HTTP mode of "dlb-int" in Anypoint to redirect or off',
    ]);
  });

  it("NET-MAPPING-DANGLING: the rule, its load balancer and path, and the target that is gone", () => {
    const live = [
      liveResource("mapping-rule", "r1", {
        attributes: { loadBalancer: "dlb", order: 3, inputUri: "/old/", appName: "old-api" },
      }),
    ];
    expect(fixes("NET-MAPPING-DANGLING", [], live)).toEqual([
      'Point mapping rule 3 of "dlb" (/old/) at the deployed application it means instead of "old-api", or remove it',
    ]);
  });

  it("NET-EXPERIENCE-UNREACHABLE: the application, and the target patterns a new name could match", () => {
    const app = specEntry("application", { name: "mobile-exp-api", layer: "experience", environments: [] });
    const rule = (targetApp: string) =>
      specEntry("mapping-rule", { loadBalancer: "x", order: 1, inputPath: "/", targetApp });
    expect(fixes("NET-EXPERIENCE-UNREACHABLE", [app, rule("ext-{scope}-exp-{system}-api-{version}")])).toEqual([
      'Add a mapping rule that targets "mobile-exp-api" to the load balancer its consumers call, or rename it to match the target pattern ext-{scope}-exp-{system}-api-{version}',
    ]);
    expect(fixes("NET-EXPERIENCE-UNREACHABLE", [app, rule("orders-api")])).toEqual([
      'Add a mapping rule that targets "mobile-exp-api" to the load balancer its consumers call, or correct its name in the specification',
    ]);
    const patterns = ["a-{x}", "b-{x}", "c-{x}", "d-{x}", "e-{x}"].map(rule);
    expect(fixes("NET-EXPERIENCE-UNREACHABLE", [app, ...patterns])).toEqual([
      'Add a mapping rule that targets "mobile-exp-api" to the load balancer its consumers call, or rename it to match one of the target patterns a-{x}, b-{x}, c-{x} and 2 more',
    ]);
  });
});
