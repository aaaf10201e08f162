import { describe, expect, it } from "vitest";
import {
  labelInSentence,
  identifyingFields,
  recordKey,
  recordTitle,
  specKindIds,
  specSchema,
  type SpecKind,
} from "@/lib/domain/spec/kinds";

const id = "2f1c3b0e-9a7d-4e21-8c55-0d3b6e7f9a10";
const other = "7e6d5c4b-3a29-4180-97f6-5e4d3c2b1a00";

/** The problems a kind's validator finds, as "field: message". */
function problems(kind: SpecKind, data: unknown): string[] {
  const result = specSchema(kind).safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

const goodVpc = {
  name: "vpc-prod-eu",
  region: "eu-central-1",
  cidr: "10.20.0.0/20",
  environments: [id],
  businessGroup: null,
};

describe("VPC", () => {
  it("accepts a good VPC and fills defaults", () => {
    expect(problems("vpc", goodVpc)).toEqual([]);
    expect(specSchema("vpc").parse({ name: "v", region: "eu-west-1", cidr: "10.0.0.0/16" })).toEqual({
      name: "v",
      region: "eu-west-1",
      cidr: "10.0.0.0/16",
      environments: [],
      businessGroup: null,
    });
  });

  it.each([
    ["10.0.0.0/33", "cidr: prefix /33 is larger than /32"],
    ["10.0.0.1/16", 'cidr: "10.0.0.1/16" is not canonical: the block starts at 10.0.0.0/16'],
    ["10.0.0.0/8", "cidr: prefix /8 is outside /16 to /24"],
    ["10.0.0.0/26", "cidr: prefix /26 is outside /16 to /24"],
    ["", "cidr: CIDR is required"],
  ])("refuses CIDR %s", (cidr, message) => {
    expect(problems("vpc", { ...goodVpc, cidr })).toEqual([message]);
  });

  it("keeps a placeholder CIDR as a gap rather than refusing it", () => {
    expect(problems("vpc", { ...goodVpc, cidr: "TBD" })).toEqual([]);
  });

  it("refuses an unknown region, a missing name, and a repeated environment", () => {
    expect(problems("vpc", { ...goodVpc, region: "mars-1" })[0]).toMatch(/^region: must be one of us-east-1/);
    expect(problems("vpc", { ...goodVpc, name: "  " })).toEqual(["name: VPC name is required"]);
    expect(problems("vpc", { ...goodVpc, environments: [id, id] })).toEqual(["environments: lists an entry twice"]);
    expect(problems("vpc", { ...goodVpc, environments: ["DEV"] })).toEqual([
      "environments.0: must be chosen from the list",
    ]);
  });
});

describe("firewall rule", () => {
  const rule = { vpc: id, source: "10.0.0.0/8", protocol: "tcp", fromPort: 8081, toPort: 8082, scope: "Internal" };

  it("accepts a port range and a single port", () => {
    expect(problems("firewall-rule", rule)).toEqual([]);
    expect(problems("firewall-rule", { ...rule, fromPort: 443, toPort: 443 })).toEqual([]);
  });

  it.each([
    [{ fromPort: 0 }, "fromPort: must be at least 1"],
    [{ toPort: 65536 }, "toPort: must be at most 65535"],
    [{ fromPort: 8092, toPort: 8091 }, "toPort: the port range 8092-8091 ends before it starts"],
    [{ fromPort: 80.5 }, "fromPort: must be a whole number"],
    [{ vpc: null }, "vpc: VPC must be chosen from the list"],
    [{ protocol: "icmp" }, "protocol: must be one of tcp, udp, any"],
  ])("refuses %o", (change, message) => {
    expect(problems("firewall-rule", { ...rule, ...change })).toEqual([message]);
  });
});

describe("application", () => {
  const app = { name: "ext-exp-orders-api-v1", layer: "experience" };

  it("accepts a CloudHub name of up to 42 lowercase letters, digits and hyphens", () => {
    expect(problems("application", app)).toEqual([]);
    expect(problems("application", { ...app, name: "a".repeat(42) })).toEqual([]);
  });

  it("refuses a 60-character name, saying how long it is", () => {
    expect(problems("application", { ...app, name: "a".repeat(60) })).toEqual([
      "name: is 60 characters; CloudHub application names have at most 42",
    ]);
  });

  it.each([
    ["Orders-API", "name: may hold only lowercase letters, digits and hyphens"],
    ["orders_api", "name: may hold only lowercase letters, digits and hyphens"],
    ["-orders", "name: cannot start or end with a hyphen"],
    ["", "name: Name is required"],
  ])("refuses %s", (name, message) => {
    expect(problems("application", { ...app, name })).toEqual([message]);
  });

  it("checks workers and the layer", () => {
    expect(problems("application", { ...app, workers: 0 })).toEqual(["workers: must be at least 1"]);
    expect(problems("application", { ...app, layer: "data" })[0]).toMatch(
      /^layer: must be one of experience, process, system/,
    );
  });
});

describe("application targets", () => {
  const app = { name: "nwf-sys-sap-api-v1", layer: "system" };

  it("runs an application on a target, named or not, and leaves both empty by default", () => {
    expect(specSchema("application").parse(app)).toMatchObject({ target: "", targetName: "" });
    expect(problems("application", { ...app, target: "runtime-fabric", targetName: "nwf-rtf-prod" })).toEqual([]);
    expect(problems("application", { ...app, target: "cloudhub-1" })).toEqual([]);
  });

  it("refuses an unknown target, and a target name without a target", () => {
    expect(problems("application", { ...app, target: "kubernetes" })).toEqual([
      "target: must be one of cloudhub-1, cloudhub-2, runtime-fabric, cluster, server-group, server",
    ]);
    expect(problems("application", { ...app, targetName: "nwf-rtf-prod" })).toEqual([
      "targetName: needs a Target: a Runtime Fabric, cluster, server group, server or CloudHub 2.0 private space",
    ]);
  });
});

describe("Runtime Fabric", () => {
  const fabric = {
    name: "nwf-rtf-prod",
    environments: [id],
    region: "eu-central-1",
    controllers: 3,
    workers: 3,
    workerCpu: 4,
    workerMemory: 15,
    inboundLoadBalancer: "F5 VIP 10.1.2.3:443",
    version: "2.6.10",
    businessGroup: other,
  };

  it("accepts a planned fabric, and one with only a name", () => {
    expect(problems("runtime-fabric", fabric)).toEqual([]);
    expect(specSchema("runtime-fabric").parse({ name: "rtf" })).toEqual({
      name: "rtf",
      environments: [],
      region: "",
      controllers: null,
      workers: null,
      workerCpu: null,
      workerMemory: null,
      inboundLoadBalancer: "",
      version: "",
      businessGroup: null,
    });
  });

  it.each([
    [{ name: "" }, "name: Name is required"],
    [{ controllers: 0 }, "controllers: must be at least 1"],
    [{ workers: 2.5 }, "workers: must be a whole number"],
    [{ workerCpu: "four" }, "workerCpu: Worker CPU (cores) must be a number"],
    [{ workerMemory: 0 }, "workerMemory: must be at least 1"],
    [{ environments: [id, id] }, "environments: lists an entry twice"],
    [{ businessGroup: "Logistics" }, "businessGroup: Business group must be chosen from the list"],
  ])("refuses %o", (change, message) => {
    expect(problems("runtime-fabric", { ...fabric, ...change })).toEqual([message]);
  });
});

describe("on-premise Mule runtimes", () => {
  const cluster = { name: "nwf-onprem-cluster-prod", environment: id, membership: "unicast", nodes: 2 };

  it("accepts a cluster with its members, a server group and a server in one of them", () => {
    expect(problems("mule-cluster", { ...cluster, members: ["nwf-onprem-01", "nwf-onprem-02"] })).toEqual([]);
    expect(problems("server-group", { name: "nwf-onprem-group-test", environment: id, servers: 2 })).toEqual([]);
    expect(problems("mule-server", { name: "nwf-onprem-01", host: "10.50.4.21", cluster: other })).toEqual([]);
  });

  it("refuses what a cluster, a group or a server cannot be, naming the field", () => {
    expect(problems("mule-cluster", { ...cluster, membership: "broadcast" })).toEqual([
      "membership: must be one of unicast, multicast",
    ]);
    expect(problems("mule-cluster", { ...cluster, members: ["a", "b", "c"] })).toEqual([
      "members: lists 3 members for 2 planned nodes",
    ]);
    expect(problems("mule-cluster", { ...cluster, members: ["a", "A"] })).toEqual(["members: lists an entry twice"]);
    expect(problems("mule-cluster", { ...cluster, members: ["a", " "] })).toEqual(["members.1: an entry is empty"]);
    expect(problems("mule-cluster", { ...cluster, members: "a, b" })).toEqual([
      "members: Members must be a list of texts",
    ]);
    expect(problems("server-group", { name: "g", servers: 0 })).toEqual(["servers: must be at least 1"]);
    expect(problems("mule-server", { name: "", environment: id })).toEqual(["name: Server name is required"]);
    expect(problems("mule-server", { name: "s", cluster: id, serverGroup: other })).toEqual([
      "serverGroup: a server in a cluster cannot also be in a server group",
    ]);
  });
});

describe("Anypoint MQ destinations and Object Stores", () => {
  const queue = {
    name: "nwf-orders-q",
    environment: id,
    region: "eu-central-1",
    type: "queue",
    encrypted: true,
    ttlSeconds: 604800,
    lockTtlSeconds: 120,
    deadLetterQueue: "nwf-orders-dlq",
    maxDeliveries: 10,
    usedBy: [other],
  };
  const exchange = { name: "nwf-events-x", environment: id, region: "eu-central-1", type: "exchange" };

  it("accepts a queue with its dead-letter queue and an exchange bound to queues", () => {
    expect(problems("mq-destination", queue)).toEqual([]);
    expect(problems("mq-destination", { ...exchange, boundQueues: ["nwf-orders-q", "nwf-shipments-q"] })).toEqual([]);
    expect(problems("object-store", { name: "nwf-tracking-os", environment: id, region: "eu-central-1" })).toEqual([]);
  });

  it("names destinations by name, told apart by environment and region", () => {
    expect(recordKey("mq-destination", queue)).toBeNull();
    expect(recordTitle("mq-destination", queue)).toBe("nwf-orders-q");
    expect(identifyingFields("mq-destination").map((f) => f.name)).toEqual(["name", "environment", "region"]);
    expect(identifyingFields("object-store").map((f) => f.name)).toEqual(["name", "environment", "region"]);
  });

  it.each([
    [{ type: "topic" }, "type: must be one of queue, exchange"],
    [{ type: undefined }, "type: must be one of queue, exchange"],
    [{ region: "mars-1" }, expect.stringMatching(/^region: must be one of us-east-1/)],
    [{ ttlSeconds: 0 }, "ttlSeconds: must be at least 1"],
    [{ ttlSeconds: 1209601 }, "ttlSeconds: must be at most 1209600"],
    [{ lockTtlSeconds: 43201 }, "lockTtlSeconds: must be at most 43200"],
    [{ maxDeliveries: 0 }, "maxDeliveries: must be at least 1"],
    [{ deadLetterQueue: "NWF-orders-q" }, "deadLetterQueue: a queue cannot be its own dead-letter queue"],
    [{ boundQueues: ["nwf-shipments-q"] }, "boundQueues: only an exchange has bound queues"],
    [{ usedBy: [other, other] }, "usedBy: lists an entry twice"],
  ])("refuses a queue with %o", (change, message) => {
    expect(problems("mq-destination", { ...queue, ...change })).toEqual([message]);
  });

  it("refuses on an exchange what only queues have, one problem per field", () => {
    expect(
      problems("mq-destination", {
        ...exchange,
        fifo: true,
        ttlSeconds: 60,
        lockTtlSeconds: 60,
        deadLetterQueue: "dlq",
        maxDeliveries: 3,
        boundQueues: ["nwf-events-x"],
      }),
    ).toEqual([
      "fifo: applies to queues only; set it on the queues bound to the exchange",
      "ttlSeconds: applies to queues only; set it on the queues bound to the exchange",
      "lockTtlSeconds: applies to queues only; set it on the queues bound to the exchange",
      "deadLetterQueue: applies to queues only; set it on the queues bound to the exchange",
      "maxDeliveries: applies to queues only; set it on the queues bound to the exchange",
      "boundQueues: an exchange cannot be bound to itself",
    ]);
  });

  it("refuses an Object Store without a name or in an unknown region", () => {
    expect(problems("object-store", { name: " " })).toEqual(["name: Object store is required"]);
    expect(problems("object-store", { name: "os", region: "mars-1" })[0]).toMatch(/^region: must be one of/);
  });
});

describe("VPN", () => {
  const vpn = { name: "vpn-dc1", vpc: id, routing: "static", remoteIp: "203.0.113.10", staticRoutes: ["10.50.0.0/16"] };

  it("accepts static routing with routes, and keeps x.x.x.x as a placeholder", () => {
    expect(problems("vpn", vpn)).toEqual([]);
    expect(problems("vpn", { ...vpn, remoteIp: "x.x.x.x", staticRoutes: ["x.x.x.x/24"] })).toEqual([]);
  });

  it("refuses a bad address, a bad route, and BGP without ASNs", () => {
    expect(problems("vpn", { ...vpn, remoteIp: "203.0.113.300" })).toEqual([
      'remoteIp: "203.0.113.300" is not an IPv4 address such as 203.0.113.10',
    ]);
    expect(problems("vpn", { ...vpn, staticRoutes: ["10.50.0.1/16"] })).toEqual([
      'staticRoutes.0: "10.50.0.1/16" is not canonical: the block starts at 10.50.0.0/16',
    ]);
    expect(problems("vpn", { ...vpn, routing: "bgp", remoteAsn: 65001 })).toEqual([
      "localAsn: BGP routing needs both ASNs",
    ]);
  });
});

describe("other kinds", () => {
  it("requires the fields each kind requires", () => {
    expect(problems("environment", { name: "PROD" })).toEqual([
      "classification: must be one of sandbox, production, design",
    ]);
    expect(
      problems("load-balancer", { name: "dlb-ext", vpc: id, role: "external", allowlistedCidrs: ["0.0.0.0/0"] }),
    ).toEqual([]);
    expect(
      problems("load-balancer", { name: "dlb-ext", vpc: id, role: "external", allowlistedCidrs: ["0.0.0.0/33"] }),
    ).toEqual(["allowlistedCidrs.0: prefix /33 is larger than /32"]);
    expect(problems("tls-endpoint", { publicDns: "api.example", loadBalancer: other })).toEqual([]);
    expect(problems("tls-endpoint", { publicDns: "not a host", loadBalancer: other })[0]).toMatch(
      /^publicDns: "not a host" is not a DNS name/,
    );
    expect(problems("mapping-rule", { loadBalancer: id, order: 1, inputPath: "/api/", targetApp: "orders" })).toEqual(
      [],
    );
    expect(problems("mapping-rule", { loadBalancer: id, order: 0, inputPath: "", targetApp: "x" })).toEqual([
      "order: must be at least 1",
      "inputPath: Input path is required",
    ]);
    expect(problems("naming-convention", { name: "apps", resourceKind: "application", pattern: "{a}-{b}" })).toEqual(
      [],
    );
    expect(problems("recovery-tier", { name: "Tier 1", rtoMinutes: -5 })).toEqual(["rtoMinutes: must be at least 0"]);
    expect(problems("principle", { name: "API first", statement: "" })).toEqual(["statement: Statement is required"]);
  });

  it("validates a record of every kind from its fields", () => {
    for (const kind of specKindIds) expect(specSchema(kind)).toBeDefined();
  });
});

describe("recordKey and recordTitle", () => {
  it("names records by their key field, or by what identifies them", () => {
    expect(recordKey("vpc", goodVpc)).toBe("vpc-prod-eu");
    expect(recordKey("firewall-rule", { source: "x" })).toBeNull();
    expect(recordTitle("firewall-rule", { source: "10.0.0.0/8", protocol: "tcp", fromPort: 8081, toPort: 8082 })).toBe(
      "10.0.0.0/8 TCP 8081-8082",
    );
    expect(recordTitle("mapping-rule", { order: 2, inputPath: "/api/", targetApp: "orders" })).toBe(
      "#2 /api/ → orders",
    );
  });
});

describe("labelInSentence", () => {
  it("lower-cases a common noun and keeps acronyms and product names", () => {
    expect(labelInSentence("Business group")).toBe("business group");
    expect(labelInSentence("VPC")).toBe("VPC");
    expect(labelInSentence("Runtime Fabric")).toBe("Runtime Fabric");
    expect(labelInSentence("Mule cluster")).toBe("Mule cluster");
    expect(labelInSentence("Object store")).toBe("object store");
  });
});
