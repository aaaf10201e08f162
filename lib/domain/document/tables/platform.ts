// The platform chapter's tables: business groups, environments, VPCs and their firewall rules,
// VPNs, load balancers with their TLS endpoints and mapping rules; Runtime Fabrics, on-premise
// clusters, server groups and servers, Anypoint MQ destinations and Object Stores.

import { parseAsns, parseNodeSize, parseNumber, parsePortRange } from "@/lib/domain/document/cells";
import { asValue, seconds } from "@/lib/domain/document/cell-formats";
import type { KindDocuments, TableWrite, WritableRecord, WriteContext } from "@/lib/domain/document/kind-tables";
import { ownersOf } from "@/lib/domain/document/tables/dlb-owner";
import { isPlaceholder } from "@/lib/domain/spec/placeholders";
import type { platformKinds } from "@/lib/domain/spec/kinds/platform";

/** Words written for a protocol beyond the options' own. */
const protocolSynonyms = { all: "any", "*": "any" };

const roleOf = (record: WritableRecord, context: WriteContext) =>
  context.byId(record.data.loadBalancer)?.data.role === "internal" ? "Internal" : "External";

/** One table per load-balancer role, external first, each under its caption. */
const perRole =
  (caption: (role: string) => string, order?: (records: WritableRecord[], context: WriteContext) => WritableRecord[]) =>
  (records: readonly WritableRecord[], context: WriteContext) =>
    (["External", "Internal"] as const).map((role) => {
      const own = records.filter((r) => roleOf(r, context) === role);
      return { caption: caption(role), records: order ? order(own, context) : own };
    });

const loadBalancerColumn = { field: "loadBalancer", headers: ["DLB", "Load balancer", "DLB name"] } as const;

/** The sections on-premise runtimes sit in (the template's "On-premise", or one per runtime kind). */
const onPremiseSections = ["on premise", "on premises", "on premise mule runtimes", "hybrid", "mule runtimes"];

/** "4 CPU / 15 GiB": a worker's size in one cell, as architects write it. */
const workerSize = (r: WritableRecord) => {
  const { workerCpu: cpu, workerMemory: memory } = r.data;
  return [typeof cpu === "number" ? `${cpu} CPU` : "", typeof memory === "number" ? `${memory} GiB` : ""]
    .filter(Boolean)
    .join(" / ");
};

const write = (place: TableWrite["place"], more: Omit<TableWrite, "place"> = {}): TableWrite => ({ place, ...more });

/** How the platform kinds appear in the document. */
export const platformTables: KindDocuments<keyof typeof platformKinds> = {
  "business-group": {
    tables: [
      {
        id: "business-groups",
        label: "Business groups",
        sections: ["business groups"],
        columns: [
          { field: "name", headers: ["Business Group", "Business group name", "Name"], required: true },
          { field: "description", headers: ["Description"] },
          { field: "parent", headers: ["Parent", "Parent group", "Parent business group"] },
        ],
        // The master organisation comes first; the groups of a table without a Parent column sit under it.
        readRow: (row) => {
          const data = row.read();
          const master = row.draft.records.find((r) => r.kind === "business-group");
          if (!row.has("parent") && master) data.parent = master.data.name;
          row.push(data);
        },
        write: write("Business Groups"),
      },
    ],
  },
  environment: {
    tables: [
      {
        id: "environments",
        label: "Environments",
        sections: ["environments model", "environments", "environment model"],
        columns: [
          { field: "name", headers: ["Environment", "Environment name", "Name"], required: true },
          { field: "description", headers: ["Description"] },
          {
            field: "classification",
            headers: ["Classification (vCore)", "Classification", "Type"],
            required: true,
            synonyms: {
              prod: "production",
              non: "sandbox",
              nonprod: "sandbox",
              non_production: "sandbox",
              dev: "sandbox",
            },
          },
          { field: "highAvailability", headers: ["High Availability?", "High availability", "HA"] },
          { field: "deployedBy", headers: ["Deployed By"] },
          { field: "businessGroup", headers: ["Business Group"] },
          { field: "minimumRuntime", headers: ["Minimum Mule runtime", "Minimum runtime"] },
        ],
        write: write("Environments Model"),
      },
    ],
  },
  vpc: {
    tables: [
      {
        id: "vpcs",
        label: "VPCs",
        sections: ["virtual private cloud", "vpc", "vpcs", "anypoint vpc"],
        columns: [
          { field: "name", headers: ["VPC name", "VPC", "Name"], required: true },
          { field: "region", headers: ["Region"], required: true, format: asValue },
          { field: "cidr", headers: ["CIDR", "CIDR block", "CIDR range"], required: true },
          { field: "environments", headers: ["Environments"] },
          { field: "businessGroup", headers: ["Business Group"] },
        ],
        write: write("Virtual Private Cloud"),
      },
    ],
  },
  "firewall-rule": {
    tables: [
      {
        id: "firewall-rules",
        label: "VPC firewall rules",
        sections: ["vpc firewall rules", "firewall rules", "virtual private cloud"],
        columns: [
          { field: "source", headers: ["Source CIDR Range", "Source CIDR", "Source"], required: true },
          {
            cell: "ports",
            headers: ["Destination Port Range", "Port range", "Ports", "Destination ports"],
            required: true,
            write: (r) =>
              r.data.fromPort === r.data.toPort
                ? String(r.data.fromPort)
                : `${String(r.data.fromPort)}-${String(r.data.toPort)}`,
          },
          { field: "scope", headers: ["Scope"] },
          { field: "vpc", headers: ["VPC", "VPC name"] },
          { field: "protocol", headers: ["Protocol"], synonyms: protocolSynonyms },
        ],
        readRow: (row) => {
          const written = row.cell("ports");
          const ports = parsePortRange(written);
          if (!ports) {
            row.problem(
              `Destination Port Range "${written}" is not a port or a range such as 8091-8092; the rule was not imported`,
            );
            if (isPlaceholder(written) || written === "")
              row.gap({ field: "fromPort", value: written, reason: "placeholder", kept: false });
            return;
          }
          const base = row.read({ record: row.cell("source") });
          base.fromPort = ports.from;
          base.toPort = ports.to;
          base.protocol ??= "tcp";
          // The template's rules apply to every VPC unless the table names one.
          const vpcs = base.vpc
            ? [base.vpc]
            : row.draft.records.filter((r) => r.kind === "vpc").map((r) => r.data.name as string);
          if (vpcs.length === 0) row.problem("a firewall rule needs a VPC, and none was read before it");
          for (const vpc of vpcs) row.push({ ...base, vpc });
        },
        write: write("Virtual Private Cloud", { caption: "VPC firewall rules" }),
      },
    ],
  },
  vpn: {
    tables: [
      {
        id: "vpns",
        label: "VPNs",
        sections: ["secure connectivity vpn", "secure connectivity", "vpn", "vpns"],
        columns: [
          { field: "name", headers: ["VPN name", "VPN", "Name"], required: true },
          { field: "vpc", headers: ["VPC association", "VPC"], required: true },
          { field: "routing", headers: ["Routing"] },
          { field: "localAsn", headers: ["Local ASN"], written: false },
          { field: "remoteAsn", headers: ["Remote ASN"], written: false },
          {
            cell: "asns",
            headers: ["ASNs", "ASN"],
            write: (r) =>
              [
                r.data.localAsn ? `Local: ${String(r.data.localAsn)}` : "",
                r.data.remoteAsn ? `Remote: ${String(r.data.remoteAsn)}` : "",
              ]
                .filter(Boolean)
                .join(", "),
          },
          { field: "remoteIp", headers: ["Remote IP", "Remote IP address"] },
          { field: "staticRoutes", headers: ["Static Routes", "Routes"] },
        ],
        readRow: (row) => {
          const data = row.read();
          const asns = row.cell("asns");
          if (row.has("asns") && !isPlaceholder(asns)) {
            const pair = parseAsns(asns);
            data.localAsn ??= pair.local ?? undefined;
            data.remoteAsn ??= pair.remote ?? undefined;
          } else if (isPlaceholder(asns)) {
            row.gap({ field: "remoteAsn", value: asns, reason: "placeholder", kept: false });
          }
          data.routing ??= data.localAsn || data.remoteAsn ? "bgp" : "static";
          row.push(data);
        },
        write: write("Secure Connectivity (VPN)"),
      },
    ],
  },
  "load-balancer": {
    tables: [
      {
        id: "load-balancers",
        label: "Load balancers",
        sections: ["load balancing", "dedicated load balancers", "load balancers"],
        columns: [
          { field: "name", headers: ["DLB Name", "DLB", "Load balancer", "Name"], required: true },
          { field: "vpc", headers: ["VPC Name", "VPC"], required: true },
          {
            field: "role",
            headers: ["Role (e.g. Internal)", "Role"],
            required: true,
            synonyms: { external: "external", public: "external", internal: "internal", private: "internal" },
          },
          {
            field: "allowlistedCidrs",
            headers: ["Allowlisted CIDRs", "Allowlist", "Whitelisted CIDRs", "Allowed CIDRs"],
          },
          {
            field: "httpMode",
            headers: ["HTTP mode", "HTTP"],
            synonyms: { redirect: "redirect", https: "off", off: "off", on: "on" },
          },
          { field: "tls10Allowed", headers: ["TLS 1.0 allowed", "TLS 1.0"] },
          { field: "defaultEndpoint", headers: ["Default endpoint"] },
        ],
        write: write("Load Balancing"),
      },
    ],
  },
  "tls-endpoint": {
    tables: [
      {
        id: "tls-endpoints",
        label: "TLS endpoints",
        sections: ["ssl endpoint and dns configuration", "tls endpoints", "ssl endpoints", "dns configuration"],
        columns: [
          { field: "environment", headers: ["Environment"] },
          {
            field: "publicDns",
            headers: ["Public Endpoint DNS", "Endpoint DNS", "Public DNS", "DNS"],
            required: true,
          },
          { field: "certificate", headers: ["Certificate Config", "Certificate"] },
          { field: "cname", headers: ["CNAME configuration", "CNAME"] },
          loadBalancerColumn,
        ],
        // Read once every DLB is known: the rows name theirs by the caption, the heading or a column.
        deferred: true,
        readRow: (row) => {
          const owners = ownersOf(row);
          if (!owners.length) return;
          const data = row.read({ record: row.cell("publicDns"), skip: ["loadBalancer"] });
          row.push({ ...data, loadBalancer: owners[0] });
        },
        write: write("SSL endpoint and DNS configuration", {
          groups: perRole((role) => `${role} Facing Dedicated Load Balancer endpoints`),
        }),
      },
    ],
  },
  "mapping-rule": {
    tables: [
      {
        id: "mapping-rules",
        label: "DLB mapping rules",
        sections: ["routing mapping rules", "mapping rules", "routing rules"],
        columns: [
          { field: "order", headers: ["Detail", "Order", "#"], ordinal: true },
          { field: "inputPath", headers: ["Input path", "Input"], required: true },
          { field: "targetApp", headers: ["Target App", "Target application", "Target"], required: true },
          { field: "outputPath", headers: ["Output path", "Output"] },
          { field: "protocol", headers: ["Protocol"], synonyms: protocolSynonyms },
          loadBalancerColumn,
        ],
        deferred: true,
        // Rules are numbered in the order written when the Detail column does not number them; a
        // table for a role holds the rules of each of its DLBs (decision 0020).
        readRow: (row) => {
          const owners = ownersOf(row);
          if (!owners.length) return;
          const data = row.read({ record: row.cell("inputPath"), skip: ["order", "loadBalancer"] });
          const written = parseNumber(row.cell("order"));
          data.order = written !== null && Number.isInteger(written) && written > 0 ? written : row.ordinal;
          for (const loadBalancer of owners) row.push({ ...data, loadBalancer });
        },
        write: write("Routing (mapping) Rules", {
          groups: perRole(
            (role) => `${role} DLB Mapping Rules`,
            (records, context) =>
              [...records].sort(
                (a, b) =>
                  context.name(a.data.loadBalancer).localeCompare(context.name(b.data.loadBalancer)) ||
                  Number(a.data.order) - Number(b.data.order),
              ),
          ),
        }),
      },
    ],
  },
  "runtime-fabric": {
    tables: [
      {
        id: "runtime-fabrics",
        label: "Runtime Fabrics",
        sections: ["runtime fabric", "runtime fabrics", "anypoint runtime fabric", "rtf"],
        columns: [
          {
            field: "name",
            headers: ["Name", "Runtime Fabric", "Runtime Fabric name", "Fabric", "Fabric name", "RTF", "RTF name"],
            required: true,
          },
          { field: "environments", headers: ["Environments", "Environment"] },
          { field: "region", headers: ["Region", "Region / data centre", "Data centre", "Data center", "Location"] },
          { field: "controllers", headers: ["Controllers", "Controller nodes", "Controller count"] },
          { field: "workers", headers: ["Workers", "Worker nodes", "Worker count"] },
          {
            cell: "workerSize",
            headers: ["Worker size", "Worker sizing", "Worker node size", "Node size"],
            write: workerSize,
          },
          { field: "workerCpu", headers: ["Worker CPU", "Worker cores", "CPU", "vCPU", "Cores"], written: false },
          { field: "workerMemory", headers: ["Worker memory", "Memory", "RAM"], written: false },
          {
            field: "inboundLoadBalancer",
            headers: ["Inbound load balancer", "Inbound LB", "TCP load balancer", "Load balancer", "Ingress"],
          },
          { field: "version", headers: ["Version", "RTF version", "Runtime Fabric version"] },
          { field: "businessGroup", headers: ["Business Group"] },
        ],
        // A worker's size is one cell ("4 CPU / 15 GiB") unless the table has a column for each.
        readRow: (row) => {
          const data = row.read();
          const size = row.cell("workerSize");
          if (isPlaceholder(size)) {
            row.gap({ field: "workerCpu", value: size, reason: "placeholder", kept: false });
          } else if (size !== "") {
            const parsed = parseNodeSize(size);
            if (parsed.cpu === null && parsed.memory === null)
              row.problem(`Worker size "${size}" gives neither CPU nor memory (write e.g. "4 CPU / 15 GiB")`);
            data.workerCpu ??= parsed.cpu ?? undefined;
            data.workerMemory ??= parsed.memory ?? undefined;
          }
          row.push(data);
        },
        write: write("Runtime Fabric"),
      },
    ],
  },
  "mule-cluster": {
    tables: [
      {
        id: "mule-clusters",
        label: "Mule clusters",
        sections: [...onPremiseSections, "mule clusters", "clusters"],
        columns: [
          { field: "name", headers: ["Cluster name", "Cluster", "Name"], required: true },
          { field: "environment", headers: ["Environment"] },
          {
            field: "membership",
            headers: ["Type (unicast/multicast)", "Type", "Membership", "Clustering", "Discovery"],
            synonyms: { uni: "unicast", multi: "multicast" },
          },
          { field: "nodes", headers: ["Nodes", "Node count", "Planned nodes", "Number of nodes"] },
          { field: "members", headers: ["Members", "Member nodes", "Hosts", "Node addresses", "Node IPs"] },
        ],
        write: write("On-premise", { caption: "Mule clusters" }),
      },
    ],
  },
  "server-group": {
    tables: [
      {
        id: "server-groups",
        label: "Server groups",
        sections: [...onPremiseSections, "server groups"],
        columns: [
          { field: "name", headers: ["Server group", "Server group name", "Group", "Name"], required: true },
          { field: "environment", headers: ["Environment"] },
          { field: "servers", headers: ["Servers", "Server count", "Planned servers", "Number of servers"] },
        ],
        write: write("On-premise", { caption: "Server groups" }),
      },
    ],
  },
  "mule-server": {
    tables: [
      {
        id: "mule-servers",
        label: "Mule servers",
        sections: [...onPremiseSections, "mule servers", "servers"],
        columns: [
          { field: "name", headers: ["Server name", "Server", "Mule server", "Name"], required: true },
          { field: "environment", headers: ["Environment"] },
          { field: "host", headers: ["Host", "Host name", "Hostname", "IP address", "Address"] },
          { field: "runtimeVersion", headers: ["Runtime version", "Mule runtime", "Mule version", "Runtime"] },
          { field: "cluster", headers: ["Cluster", "Cluster name"] },
          { field: "serverGroup", headers: ["Server group", "Group"] },
        ],
        write: write("On-premise", { caption: "Mule servers" }),
      },
    ],
  },
  "mq-destination": {
    tables: [
      {
        id: "mq-destinations",
        label: "Anypoint MQ destinations",
        sections: ["anypoint mq", "mq", "anypoint mq destinations", "message queues", "queues", "messaging"],
        columns: [
          {
            field: "name",
            headers: ["Destination", "Destination name", "Queue / exchange", "Queue", "Queue name", "Name"],
            required: true,
          },
          { field: "type", headers: ["Type", "Destination type"] },
          { field: "environment", headers: ["Environment"] },
          { field: "region", headers: ["Region", "MQ region"], format: asValue },
          { field: "fifo", headers: ["FIFO", "FIFO queue"] },
          { field: "encrypted", headers: ["Encrypted", "Encryption"] },
          { field: "ttlSeconds", headers: ["TTL", "Time to live", "Default TTL", "Message TTL"], format: seconds },
          {
            field: "lockTtlSeconds",
            headers: ["Lock TTL", "Lock time", "Lock time to live", "Acknowledgement timeout", "Ack timeout"],
            format: seconds,
          },
          { field: "deadLetterQueue", headers: ["DLQ", "Dead-letter queue", "Dead letter queue"] },
          {
            field: "maxDeliveries",
            headers: ["Max deliveries", "Maximum deliveries", "Max delivery attempts", "Delivery attempts"],
          },
          { field: "boundQueues", headers: ["Bound queues", "Bindings", "Bound to"] },
          { field: "usedBy", headers: ["Used by", "Applications", "Consumers"] },
        ],
        // A table without a Type column lists queues (exchanges say so, or bind queues).
        readRow: (row) => {
          const data = row.read();
          data.type ??= Array.isArray(data.boundQueues) && data.boundQueues.length > 0 ? "exchange" : "queue";
          row.push(data);
        },
        write: write("Anypoint MQ"),
      },
    ],
  },
  "object-store": {
    tables: [
      {
        id: "object-stores",
        label: "Object stores",
        sections: ["object store", "object stores", "anypoint object store", "object store v2"],
        columns: [
          {
            field: "name",
            headers: ["Object store", "Object store name", "Store", "Store name", "Name"],
            required: true,
          },
          { field: "environment", headers: ["Environment"] },
          { field: "region", headers: ["Region"], format: asValue },
          { field: "usedBy", headers: ["Used by", "Applications"] },
        ],
        write: write("Object Store"),
      },
    ],
  },
};
