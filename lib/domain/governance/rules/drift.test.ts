import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/domain/governance/engine";
import { driftRules } from "@/lib/domain/governance/rules/drift";
import type { SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import { evaluationInput, liveResource, specEntry } from "@/lib/testing/governance";

const prod = specEntry("environment", { name: "PROD", classification: "production" }, "env-prod");
const test = specEntry("environment", { name: "TEST", classification: "sandbox" }, "env-test");
const messages = (id: string, spec: SpecEntry[], live: LiveResource[]) =>
  evaluate(
    driftRules.filter((r) => r.id === id),
    evaluationInput({ spec: [prod, test, ...spec], live }),
    [],
  ).map((f) => f.message);
const liveEnvs = [
  liveResource("environment", "PROD", { attributes: { type: "production" } }),
  liveResource("environment", "test", { attributes: { type: "sandbox" } }),
];

describe("DRIFT-MISSING and DRIFT-UNPLANNED", () => {
  const vpc = specEntry("vpc", {
    name: "vpc-prod",
    region: "eu-central-1",
    cidr: "10.0.0.0/20",
    environments: ["env-prod"],
  });
  const app = specEntry("application", {
    name: "orders-api",
    layer: "process",
    environments: ["env-prod", "env-test"],
  });

  it("match plan and estate by name, whatever the case, and an application by name or name-environment", () => {
    const live = [
      ...liveEnvs,
      liveResource("vpc", "VPC-PROD", {
        attributes: { cidr: "10.0.0.0/20", region: "eu-central-1", environments: ["PROD"] },
      }),
      liveResource("application", "orders-api", { environment: "PROD" }),
      liveResource("application", "orders-api-test", { environment: "TEST" }),
    ];
    expect(messages("DRIFT-MISSING", [vpc, app], live)).toEqual([]);
    expect(messages("DRIFT-UNPLANNED", [vpc, app], live)).toEqual([]);
  });

  it("report what is planned but missing, per environment for applications", () => {
    const live = [...liveEnvs, liveResource("application", "orders-api", { environment: "PROD" })];
    expect(messages("DRIFT-MISSING", [vpc, app], live)).toEqual([
      'Application "orders-api" is planned in TEST but not deployed there',
      'VPC "vpc-prod" is in the specification but not in Anypoint',
    ]);
  });

  it("report what runs but is not planned", () => {
    const live = [
      ...liveEnvs,
      liveResource("environment", "Design", { attributes: { type: "design" } }),
      liveResource("application", "legacy-ftp", { environment: "PROD", businessGroup: "Logistics" }),
      liveResource("team", "Contractors"),
    ];
    expect(messages("DRIFT-UNPLANNED", [], live)).toEqual([
      'Team "Contractors" is in Anypoint but not in the specification',
      'Environment "Design" is in Anypoint but not in the specification',
      'Application "legacy-ftp" in PROD is deployed but not planned',
    ]);
  });
});

describe("DRIFT-VALUE", () => {
  it("passes when the values agree", () => {
    const vpc = specEntry("vpc", {
      name: "vpc-prod",
      region: "eu-central-1",
      cidr: "10.0.0.0/20",
      environments: ["env-prod"],
    });
    const live = [
      ...liveEnvs,
      liveResource("vpc", "vpc-prod", {
        attributes: { cidr: "10.0.0.0/20", region: "eu-central-1", environments: ["prod"] },
      }),
    ];
    expect(messages("DRIFT-VALUE", [vpc], live)).toEqual([]);
  });

  it("names the field and both values, for every compared kind", () => {
    const spec = [
      specEntry("vpc", {
        name: "vpc-prod",
        region: "eu-central-1",
        cidr: "10.20.16.0/20",
        environments: ["env-prod", "env-test"],
      }),
      specEntry("load-balancer", {
        name: "dlb-ext",
        vpc: "x",
        role: "external",
        allowlistedCidrs: ["0.0.0.0/0"],
        httpMode: "redirect",
      }),
      specEntry("vpn", {
        name: "vpn-dc",
        vpc: "x",
        routing: "static",
        remoteIp: "198.51.100.20",
        staticRoutes: ["10.10.0.0/16"],
      }),
      specEntry("application", {
        name: "orders-api",
        layer: "process",
        environments: ["env-prod"],
        workers: 2,
        workerSize: "0.2",
      }),
    ];
    const live = [
      liveResource("environment", "PROD", { attributes: { type: "sandbox" } }),
      liveResource("vpc", "vpc-prod", {
        attributes: { cidr: "10.20.16.0/21", region: "eu-west-1", environments: ["PROD"] },
      }),
      liveResource("load-balancer", "dlb-ext", { attributes: { allowlist: ["203.0.113.0/24"], httpMode: "on" } }),
      liveResource("vpn", "vpn-dc", {
        attributes: { remoteIp: "198.51.100.21", remoteNetworks: ["10.10.0.0/16", "10.11.0.0/16"] },
      }),
      liveResource("application", "orders-api", {
        environment: "PROD",
        attributes: { platform: "cloudhub-1", workers: 1, workerVCores: 0.1 },
      }),
    ];
    const findings = evaluate(
      driftRules.filter((r) => r.id === "DRIFT-VALUE"),
      evaluationInput({ spec: [prod, test, ...spec], live }),
      [],
    );
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ["error", 'VPC "vpc-prod": the CIDR is 10.20.16.0/21 in Anypoint but 10.20.16.0/20 in the specification'],
      [
        "warning",
        'Load balancer "dlb-ext": the allowlist is 203.0.113.0/24 in Anypoint but 0.0.0.0/0 in the specification',
      ],
      ["warning", 'Load balancer "dlb-ext": the HTTP mode is on in Anypoint but redirect in the specification'],
      ["warning", 'Application "orders-api": the number of workers is 1 in Anypoint but 2 in the specification'],
      [
        "warning",
        'Application "orders-api": the worker size is 0.1 vCore in Anypoint but 0.2 vCore in the specification',
      ],
      ["warning", 'Environment "PROD": the type is sandbox in Anypoint but production in the specification'],
      ["warning", 'VPC "vpc-prod": the environment list is PROD in Anypoint but PROD, TEST in the specification'],
      ["warning", 'VPC "vpc-prod": the region is eu-west-1 in Anypoint but eu-central-1 in the specification'],
      ["warning", 'VPN "vpn-dc": the remote IP is 198.51.100.21 in Anypoint but 198.51.100.20 in the specification'],
      [
        "warning",
        'VPN "vpn-dc": the remote network list is 10.10.0.0/16, 10.11.0.0/16 in Anypoint but 10.10.0.0/16 in the specification',
      ],
    ]);
  });

  it("does not compare a value the specification leaves as a placeholder", () => {
    const vpc = specEntry("vpc", { name: "vpc-dr", region: "eu-west-1", cidr: "TBD", environments: [] });
    const live = [
      liveResource("vpc", "vpc-dr", { attributes: { cidr: "10.9.0.0/20", region: "eu-west-1", environments: [] } }),
    ];
    expect(messages("DRIFT-VALUE", [vpc], live)).toEqual([]);
  });
});

describe("drift of the runtimes beyond CloudHub", () => {
  const fabric = specEntry("runtime-fabric", { name: "rtf-prod", controllers: 3, workers: 3, version: "2.6.x" });
  const cluster = specEntry("mule-cluster", { name: "onprem", membership: "unicast", nodes: 2 });
  const server = specEntry("mule-server", { name: "onprem-01", runtimeVersion: "4.6.x" });
  const live = (controllers: number | null, version: string, multicast: boolean, runtime: string) => [
    ...liveEnvs,
    liveResource("runtime-fabric", "rtf-prod", { attributes: { controllers, workers: 3, version } }),
    liveResource("mule-cluster", "onprem", { attributes: { multicast, nodes: 2 } }),
    liveResource("mule-server", "onprem-01", { attributes: { runtimeVersion: runtime } }),
  ];

  it("compares counts, versions (with x for any) and cluster membership", () => {
    expect(messages("DRIFT-VALUE", [fabric, cluster, server], live(1, "2.7.1", true, "4.4.0"))).toEqual([
      'Mule cluster "onprem": the membership is multicast in Anypoint but unicast in the specification',
      'Mule server "onprem-01": the runtime version is 4.4.0 in Anypoint but 4.6.x in the specification',
      'Runtime Fabric "rtf-prod": the number of controllers is 1 in Anypoint but 3 in the specification',
      'Runtime Fabric "rtf-prod": the version is 2.7.1 in Anypoint but 2.6.x in the specification',
    ]);
    expect(messages("DRIFT-VALUE", [fabric, cluster, server], live(3, "2.6.10", false, "4.6.4"))).toEqual([]);
    // A count not read is unknown, not different.
    expect(messages("DRIFT-VALUE", [fabric], live(null, "2.6.10", false, "4.6.4"))).toEqual([]);
  });

  it("reports a planned fabric that is not there, and a server nobody planned", () => {
    expect(messages("DRIFT-MISSING", [fabric], liveEnvs)).toEqual([
      'Runtime Fabric "rtf-prod" is in the specification but not in Anypoint',
    ]);
    const stray = liveResource("mule-server", "onprem-99", { environment: "TEST", attributes: {} });
    expect(messages("DRIFT-UNPLANNED", [server], [...liveEnvs, stray]).filter((m) => m.includes("onprem"))).toEqual([
      'Mule server "onprem-99" is in Anypoint but not in the specification',
    ]);
  });
});

describe("drift of an application's target", () => {
  const planned = (target: string, targetName = "") =>
    specEntry("application", { name: "orders-api", environments: ["env-prod"], target, targetName });
  const live = (platform: string | null, target: string | null = null) => [
    ...liveEnvs,
    liveResource("application", "orders-api", { environment: "PROD", attributes: { platform, target } }),
  ];

  it("reports an application planned on a fabric that runs on CloudHub 1.0, and one on another fabric", () => {
    expect(messages("DRIFT-VALUE", [planned("runtime-fabric", "rtf-prod")], live("cloudhub-1"))).toEqual([
      'Application "orders-api": the target is CloudHub 1.0 in Anypoint but Runtime Fabric "rtf-prod" in the specification',
    ]);
    expect(messages("DRIFT-VALUE", [planned("runtime-fabric", "rtf-prod")], live("runtime-fabric", "rtf-dr"))).toEqual([
      'Application "orders-api": the target is Runtime Fabric "rtf-dr" in Anypoint but Runtime Fabric "rtf-prod" in the specification',
    ]);
  });

  it("accepts the same target whatever the case, either CloudHub 2.0 space, and a platform not told apart", () => {
    expect(
      messages("DRIFT-VALUE", [planned("runtime-fabric", "RTF-Prod")], live("runtime-fabric", "rtf-prod")),
    ).toEqual([]);
    expect(messages("DRIFT-VALUE", [planned("cloudhub-2")], live("cloudhub-2-shared-space", "cloudhub-eu"))).toEqual(
      [],
    );
    expect(messages("DRIFT-VALUE", [planned("cluster", "c1")], live("hybrid", "c1"))).toEqual([]);
    expect(messages("DRIFT-VALUE", [planned("runtime-fabric", "rtf-prod")], live(null))).toEqual([]);
    expect(messages("DRIFT-VALUE", [planned("")], live("cloudhub-1"))).toEqual([]);
  });
});

describe("drift of MQ destinations and Object Store stores, by name, environment and region", () => {
  const queue = specEntry("mq-destination", {
    name: "orders-q",
    environment: "env-prod",
    region: "eu-central-1",
    type: "queue",
    ttlSeconds: 604800,
    deadLetterQueue: "orders-dlq",
    maxDeliveries: 10,
  });
  const liveQueue = (region: string, attributes: Record<string, unknown>) =>
    liveResource("mq-destination", "orders-q", {
      environment: "PROD",
      attributes: {
        type: "queue",
        region,
        ttlMs: 604800000,
        deadLetterQueue: "orders-dlq",
        maxDeliveries: 10,
        ...attributes,
      } as never,
    });

  it("compares settings (times in seconds against MQ's milliseconds) and the dead-letter queue", () => {
    expect(messages("DRIFT-VALUE", [queue], [...liveEnvs, liveQueue("eu-central-1", {})])).toEqual([]);
    expect(
      messages(
        "DRIFT-VALUE",
        [queue],
        [...liveEnvs, liveQueue("eu-central-1", { ttlMs: 86400000, deadLetterQueue: "", maxDeliveries: null })],
      ),
    ).toEqual([
      'MQ destination "orders-q": the dead-letter queue is none in Anypoint but orders-dlq in the specification',
      'MQ destination "orders-q": the time to live (s) is 86400 in Anypoint but 604800 in the specification',
    ]);
  });

  it("reports the queue missing in its planned region, and one in another region as unplanned", () => {
    const live = [...liveEnvs, liveQueue("eu-west-1", {})];
    expect(messages("DRIFT-MISSING", [queue], live)).toEqual([
      'MQ destination "orders-q" is in the specification for PROD in eu-central-1 but not in Anypoint there',
    ]);
    expect(messages("DRIFT-UNPLANNED", [queue], live).filter((m) => m.includes("orders-q"))).toEqual([
      'MQ destination "orders-q" in PROD (eu-west-1) is in Anypoint but not in the specification',
    ]);
    // A plan that describes no queues at all has not been written for MQ: nothing is "unplanned".
    expect(messages("DRIFT-UNPLANNED", [], live).filter((m) => m.includes("orders-q"))).toEqual([]);
  });
});

describe("drift remediations", () => {
  const remediations = (id: string, spec: SpecEntry[], live: LiveResource[]) =>
    evaluate(
      driftRules.filter((r) => r.id === id),
      evaluationInput({ spec: [prod, test, ...spec], live }),
      [],
    ).map((f) => f.remediation);
  const vpc = specEntry("vpc", { name: "vpc-prod", region: "eu-central-1", cidr: "10.20.16.0/20" });
  const orders = specEntry("application", {
    name: "orders-api",
    layer: "process",
    environments: ["env-prod"],
    workers: 2,
  });

  it("DRIFT-MISSING: build it where the plan says, correct the name, or take it out of the plan", () => {
    expect(remediations("DRIFT-MISSING", [vpc, orders], liveEnvs)).toEqual([
      'Deploy "orders-api" to PROD, correct its name (in Anypoint or in the specification), or take PROD out of its environments',
      'Create VPC "vpc-prod" in Anypoint, correct its name (in Anypoint or in the specification), or remove it from the plan',
    ]);
  });

  it("DRIFT-UNPLANNED: add it to its section of the specification, or retire it", () => {
    const live = [
      ...liveEnvs,
      liveResource("team", "Contractors"),
      liveResource("application", "ftp-poller", { environment: "PROD", attributes: { platform: "cloudhub-1" } }),
    ];
    expect(remediations("DRIFT-UNPLANNED", [], live)).toEqual([
      'Add team "Contractors" to the specification\'s Teams (with its owner), or retire it in Anypoint',
      'Add "ftp-poller" to the Planned applications with PROD among its environments (with its owner), or undeploy it from PROD',
    ]);
  });

  it("DRIFT-VALUE: change Anypoint to the planned value or record the live one; a VPC's range moves by migration", () => {
    const live = [
      ...liveEnvs,
      liveResource("vpc", "vpc-prod", { attributes: { cidr: "10.20.16.0/21" } }),
      liveResource("application", "orders-api", {
        environment: "PROD",
        attributes: { platform: "cloudhub-1", workers: 1 },
      }),
    ];
    expect(remediations("DRIFT-VALUE", [vpc, orders], live)).toEqual([
      'Record 10.20.16.0/21 as the CIDR of "vpc-prod" in the specification, or create a VPC with 10.20.16.0/20 and move its applications to it (a VPC\'s range cannot change)',
      'Change the number of workers of "orders-api" (PROD) in Anypoint to 2, or record 1 in the specification',
    ]);
  });
});
