// The demo workspace: Northwind Freight, a fictional European logistics company part-way through
// its Anypoint platform design. Every section of the template has data; some gaps are left on
// purpose (TODO, TBD, <instructions>, x.x.x.x, empty cells), as in a real half-filled document.
// References are written as `@kind:name` and resolved when seeding.

export type DemoRecord = { kind: string; data: Record<string, unknown> };

const ref = (kind: string, name: string) => `@${kind}:${name}`;

export const demoWorkspace = { slug: "northwind", name: "Northwind Freight (demo)" };

export const northwindSpec: DemoRecord[] = [
  // Business groups: the master group first.
  { kind: "business-group", data: { name: "Northwind Freight", description: "Master organisation" } },
  {
    kind: "business-group",
    data: {
      name: "Logistics",
      description: "Warehousing, shipments and carrier integration",
      parent: ref("business-group", "Northwind Freight"),
    },
  },
  {
    kind: "business-group",
    data: {
      name: "Customer Channels",
      description: "Web, mobile and partner APIs",
      parent: ref("business-group", "Northwind Freight"),
    },
  },
  {
    kind: "business-group",
    data: { name: "Finance", description: "TODO", parent: ref("business-group", "Northwind Freight") },
  },

  // Environments.
  {
    kind: "environment",
    data: {
      name: "DEV",
      description: "Development",
      classification: "sandbox",
      highAvailability: false,
      deployedBy: "CI/CD pipeline",
      businessGroup: ref("business-group", "Logistics"),
    },
  },
  {
    kind: "environment",
    data: {
      name: "TEST",
      description: "System and integration testing",
      classification: "sandbox",
      highAvailability: false,
      deployedBy: "CI/CD pipeline",
      businessGroup: ref("business-group", "Logistics"),
    },
  },
  {
    kind: "environment",
    data: {
      name: "PREPROD",
      description: "Performance and user acceptance testing",
      classification: "sandbox",
      highAvailability: true,
      deployedBy: "Release management",
      businessGroup: ref("business-group", "Logistics"),
    },
  },
  {
    kind: "environment",
    data: {
      name: "PROD",
      description: "Production",
      classification: "production",
      highAvailability: true,
      deployedBy: "Release management",
      businessGroup: ref("business-group", "Logistics"),
    },
  },
  {
    kind: "environment",
    data: {
      name: "DR",
      description: "<Describe the disaster recovery environment>",
      classification: "production",
      highAvailability: false,
      deployedBy: "",
      businessGroup: null,
    },
  },

  // VPCs and their firewall rules.
  {
    kind: "vpc",
    data: {
      name: "vpc-nwf-nonprod",
      region: "eu-central-1",
      cidr: "10.20.0.0/20",
      environments: [ref("environment", "DEV"), ref("environment", "TEST"), ref("environment", "PREPROD")],
      businessGroup: ref("business-group", "Logistics"),
    },
  },
  {
    kind: "vpc",
    data: {
      name: "vpc-nwf-prod",
      region: "eu-central-1",
      cidr: "10.20.16.0/20",
      environments: [ref("environment", "PROD")],
      businessGroup: ref("business-group", "Logistics"),
    },
  },
  {
    kind: "vpc",
    data: {
      name: "vpc-nwf-dr",
      region: "eu-west-1",
      cidr: "TBD",
      environments: [ref("environment", "DR")],
      businessGroup: null,
    },
  },
  {
    kind: "firewall-rule",
    data: {
      vpc: ref("vpc", "vpc-nwf-nonprod"),
      source: "Local VPC CIDR",
      protocol: "tcp",
      fromPort: 8091,
      toPort: 8092,
      scope: "Internal",
    },
  },
  {
    kind: "firewall-rule",
    data: {
      vpc: ref("vpc", "vpc-nwf-nonprod"),
      source: "Northwind VPN remote subnets",
      protocol: "tcp",
      fromPort: 8091,
      toPort: 8092,
      scope: "TODO",
    },
  },
  {
    kind: "firewall-rule",
    data: {
      vpc: ref("vpc", "vpc-nwf-prod"),
      source: "10.0.0.0/8",
      protocol: "tcp",
      fromPort: 8091,
      toPort: 8092,
      scope: "Corporate network",
    },
  },
  {
    kind: "firewall-rule",
    data: {
      vpc: ref("vpc", "vpc-nwf-prod"),
      source: "0.0.0.0/0",
      protocol: "tcp",
      fromPort: 8081,
      toPort: 8082,
      scope: "Anywhere",
    },
  },

  // VPNs.
  {
    kind: "vpn",
    data: {
      name: "vpn-nwf-frankfurt-dc",
      vpc: ref("vpc", "vpc-nwf-prod"),
      routing: "static",
      localAsn: null,
      remoteAsn: null,
      remoteIp: "198.51.100.20",
      staticRoutes: ["10.50.0.0/16", "10.51.0.0/16"],
    },
  },
  {
    kind: "vpn",
    data: {
      name: "vpn-nwf-rotterdam-dc",
      vpc: ref("vpc", "vpc-nwf-nonprod"),
      routing: "bgp",
      localAsn: 64512,
      remoteAsn: 65010,
      remoteIp: "x.x.x.x",
      staticRoutes: ["x.x.x.x/24"],
    },
  },

  // Dedicated load balancers, TLS endpoints and mapping rules.
  {
    kind: "load-balancer",
    data: {
      name: "dlb-nwf-ext",
      vpc: ref("vpc", "vpc-nwf-prod"),
      role: "external",
      allowlistedCidrs: ["0.0.0.0/0"],
      httpMode: "redirect",
      tls10Allowed: false,
      defaultEndpoint: "api.northwind-freight.example",
    },
  },
  {
    kind: "load-balancer",
    data: {
      name: "dlb-nwf-int",
      vpc: ref("vpc", "vpc-nwf-prod"),
      role: "internal",
      allowlistedCidrs: ["10.0.0.0/8"],
      httpMode: "off",
      tls10Allowed: false,
      defaultEndpoint: "internal-api.northwind-freight.example",
    },
  },
  {
    kind: "load-balancer",
    data: {
      name: "dlb-nwf-nonprod",
      vpc: ref("vpc", "vpc-nwf-nonprod"),
      role: "internal",
      allowlistedCidrs: ["<<Internal corporate CIDRs>>"],
      httpMode: "",
      tls10Allowed: true,
      defaultEndpoint: "",
    },
  },
  {
    kind: "tls-endpoint",
    data: {
      publicDns: "api.northwind-freight.example",
      loadBalancer: ref("load-balancer", "dlb-nwf-ext"),
      environment: ref("environment", "PROD"),
      certificate: "DigiCert wildcard *.northwind-freight.example",
      cname: "dlb-nwf-ext.lb.anypointdns.net",
    },
  },
  {
    kind: "tls-endpoint",
    data: {
      publicDns: "internal-api.northwind-freight.example",
      loadBalancer: ref("load-balancer", "dlb-nwf-int"),
      environment: ref("environment", "PROD"),
      certificate: "Northwind internal CA",
      cname: "dlb-nwf-int.lb.anypointdns.net",
    },
  },
  {
    kind: "tls-endpoint",
    data: {
      publicDns: "test-api.northwind-freight.example",
      loadBalancer: ref("load-balancer", "dlb-nwf-nonprod"),
      environment: ref("environment", "TEST"),
      certificate: "",
      cname: "TODO",
    },
  },
  {
    kind: "mapping-rule",
    data: {
      loadBalancer: ref("load-balancer", "dlb-nwf-ext"),
      order: 1,
      inputPath: "/{scope}/exp/{system}/api/{version}/",
      targetApp: "ext-{scope}-exp-{system}-api-{version}",
      outputPath: "/",
      protocol: "https",
    },
  },
  {
    kind: "mapping-rule",
    data: {
      loadBalancer: ref("load-balancer", "dlb-nwf-int"),
      order: 1,
      inputPath: "/{scope}/prc/{system}/api/{version}/",
      targetApp: "{scope}-prc-{system}-api-{version}",
      outputPath: "/",
      protocol: "https",
    },
  },
  {
    kind: "mapping-rule",
    data: {
      loadBalancer: ref("load-balancer", "dlb-nwf-int"),
      order: 2,
      inputPath: "/{scope}/sys/{system}/api/{version}/",
      targetApp: "{scope}-sys-{system}-api-{version}",
      outputPath: "/",
      protocol: "https",
    },
  },
  {
    kind: "mapping-rule",
    data: {
      loadBalancer: ref("load-balancer", "dlb-nwf-nonprod"),
      order: 1,
      inputPath: "/{scope}/sys/{system}/api/{version}/",
      targetApp: "{scope}-sys-{system}-api-{version}-{subdomain}",
      outputPath: "",
      protocol: "",
    },
  },

  // Key systems and the backend catalog.
  {
    kind: "system",
    data: {
      name: "SAP S/4HANA",
      description: "ERP: orders, invoicing, master data",
      keySystem: true,
      deploymentModel: "On-premise",
      location: "Frankfurt data centre",
      protocol: "RFC / IDoc",
      host: "sap-prd.nwf.internal",
      access: "Via VPN",
      integrationConcerns: "Batch windows at night; IDoc volumes peak at month end.",
    },
  },
  {
    kind: "system",
    data: {
      name: "Salesforce",
      description: "CRM and customer service",
      keySystem: true,
      deploymentModel: "SaaS",
      location: "Salesforce EU",
      protocol: "REST / HTTPS",
      host: "northwind.my.salesforce.com",
      access: "Public internet",
      integrationConcerns: "API limits per 24 h.",
    },
  },
  {
    kind: "system",
    data: {
      name: "Oracle WMS",
      description: "Warehouse management",
      keySystem: true,
      deploymentModel: "On-premise",
      location: "Rotterdam data centre",
      protocol: "JDBC",
      host: "TODO",
      access: "Via VPN",
      integrationConcerns: "",
    },
  },
  {
    kind: "system",
    data: {
      name: "Carrier Portal",
      description: "Partner carriers exchange shipment status files",
      keySystem: false,
      deploymentModel: "SaaS",
      location: "",
      protocol: "SFTP",
      host: "<host>",
      access: "Public internet",
      integrationConcerns: "",
    },
  },

  // HA/DR tiers.
  {
    kind: "recovery-tier",
    data: {
      name: "Tier 1 Mission-Critical",
      examples: "Shipment tracking",
      rtoMinutes: 15,
      rpoMinutes: 0,
      strategy: "Active-Active with synchronous replication",
      costMultiplier: 2,
    },
  },
  {
    kind: "recovery-tier",
    data: {
      name: "Tier 2 Business-Critical",
      examples: "Order and invoice flows",
      rtoMinutes: 60,
      rpoMinutes: 15,
      strategy: "Active-Passive, asynchronous replication",
      costMultiplier: 1.5,
    },
  },
  {
    kind: "recovery-tier",
    data: {
      name: "Tier 3 Business-Important",
      examples: "Reporting feeds",
      rtoMinutes: 240,
      rpoMinutes: 60,
      strategy: "Active-Passive with snapshots",
      costMultiplier: 1.2,
    },
  },
  {
    kind: "recovery-tier",
    data: {
      name: "Tier 4 Non-Critical",
      examples: "<examples>",
      rtoMinutes: 1440,
      rpoMinutes: 1440,
      strategy: "Single region",
      costMultiplier: 1,
    },
  },

  // Planned applications.
  {
    kind: "application",
    data: {
      name: "ext-nwf-exp-tracking-api-v1",
      layer: "experience",
      system: null,
      apiVersion: "v1",
      environments: [ref("environment", "PREPROD"), ref("environment", "PROD")],
      workers: 2,
      workerSize: "1",
      drTier: ref("recovery-tier", "Tier 1 Mission-Critical"),
      securityCategory: "level-a",
    },
  },
  {
    kind: "application",
    data: {
      name: "nwf-prc-shipments-api-v1",
      layer: "process",
      system: null,
      apiVersion: "v1",
      environments: [ref("environment", "TEST"), ref("environment", "PREPROD"), ref("environment", "PROD")],
      workers: 2,
      workerSize: "0.2",
      drTier: ref("recovery-tier", "Tier 2 Business-Critical"),
      securityCategory: "level-b",
    },
  },
  {
    kind: "application",
    data: {
      name: "nwf-sys-sap-api-v1",
      layer: "system",
      system: ref("system", "SAP S/4HANA"),
      apiVersion: "v1",
      environments: [ref("environment", "PROD")],
      workers: 1,
      workerSize: "0.2",
      drTier: ref("recovery-tier", "Tier 2 Business-Critical"),
      securityCategory: "level-b",
    },
  },
  {
    kind: "application",
    data: {
      name: "nwf-sys-salesforce-api-v1",
      layer: "system",
      system: ref("system", "Salesforce"),
      apiVersion: "v1",
      environments: [ref("environment", "DEV"), ref("environment", "PROD")],
      workers: 2,
      workerSize: "0.1",
      drTier: ref("recovery-tier", "Tier 3 Business-Important"),
      securityCategory: "level-b",
    },
  },
  {
    kind: "application",
    data: {
      name: "nwf-sys-wms-api-v1",
      layer: "system",
      system: ref("system", "Oracle WMS"),
      apiVersion: "TBD",
      environments: [],
      workers: null,
      workerSize: "",
      drTier: null,
      securityCategory: "",
    },
  },

  // Teams and permissions.
  { kind: "team", data: { name: "Everyone at Northwind Freight", description: "Root team" } },
  {
    kind: "team",
    data: {
      name: "Platform Team",
      description: "Owns the Anypoint platform",
      parent: ref("team", "Everyone at Northwind Freight"),
    },
  },
  {
    kind: "team",
    data: {
      name: "Integration Developers",
      description: "Build and deploy Mule applications",
      parent: ref("team", "Everyone at Northwind Freight"),
    },
  },
  {
    kind: "team",
    data: {
      name: "Operations",
      description: "Monitor production",
      parent: ref("team", "Everyone at Northwind Freight"),
    },
  },
  {
    kind: "team",
    data: { name: "Delivery Leads", description: "TBD", parent: ref("team", "Everyone at Northwind Freight") },
  },
  {
    kind: "team-permission",
    data: {
      team: ref("team", "Platform Team"),
      product: "Runtime Manager",
      permission: "Manage Settings",
      businessGroup: ref("business-group", "Northwind Freight"),
      environments: [ref("environment", "PREPROD"), ref("environment", "PROD")],
    },
  },
  {
    kind: "team-permission",
    data: {
      team: ref("team", "Integration Developers"),
      product: "Runtime Manager",
      permission: "Deploy Applications",
      businessGroup: ref("business-group", "Logistics"),
      environments: [ref("environment", "DEV"), ref("environment", "TEST")],
    },
  },
  {
    kind: "team-permission",
    data: {
      team: ref("team", "Operations"),
      product: "Monitoring",
      permission: "Read Dashboards",
      businessGroup: ref("business-group", "Northwind Freight"),
      environments: [ref("environment", "PROD")],
    },
  },
  {
    kind: "team-permission",
    data: {
      team: ref("team", "Delivery Leads"),
      product: "API Manager",
      permission: "View APIs Configuration",
      businessGroup: null,
      environments: [],
    },
  },

  // Licensed capabilities.
  { kind: "entitlement", data: { name: "Subscription tier", quantity: null, value: "Platinum", notes: "" } },
  { kind: "entitlement", data: { name: "Production vCores", quantity: 8, value: "", notes: "" } },
  { kind: "entitlement", data: { name: "Sandbox vCores", quantity: 4, value: "", notes: "" } },
  {
    kind: "entitlement",
    data: {
      name: "Anypoint VPCs",
      quantity: 2,
      value: "",
      notes: "The DR VPC needs a third: TODO confirm with MuleSoft account team",
    },
  },
  { kind: "entitlement", data: { name: "Anypoint VPNs", quantity: 2, value: "", notes: "" } },
  { kind: "entitlement", data: { name: "Dedicated Load Balancers", quantity: 2, value: "", notes: "" } },
  { kind: "entitlement", data: { name: "Static IPs", quantity: null, value: "<4>", notes: "" } },
  {
    kind: "entitlement",
    data: { name: "Premium connectors", quantity: null, value: "TBD", notes: "SAP connector under negotiation" },
  },

  // Operations: platform alerts.
  {
    kind: "alert-policy",
    data: {
      name: "App-CloudHub-Deployment-Failed",
      source: "CloudHub application",
      condition: "Deployment failed",
      severity: "critical",
      config: "Notify the platform team's PagerDuty service",
    },
  },
  {
    kind: "alert-policy",
    data: {
      name: "App-CloudHub-CPU-High",
      source: "CloudHub application",
      condition: "CPU above 80% for 10 minutes",
      severity: "warning",
      config: "TODO",
    },
  },
  {
    kind: "alert-policy",
    data: {
      name: "Server-DLB-Certificate-Expiring",
      source: "Dedicated load balancer",
      condition: "Certificate expires within 30 days",
      severity: "warning",
      config: "<Config details>",
    },
  },

  // Naming conventions (the DLB target patterns, as conventions).
  {
    kind: "naming-convention",
    data: {
      name: "CloudHub application (production)",
      resourceKind: "application",
      pattern: "[ext-]{scope}-{layer:exp|prc|sys}-{system}-api-{version}",
      maxLength: 42,
      environments: [ref("environment", "PROD")],
      description: "External-facing experience apps start with ext-.",
    },
  },
  {
    kind: "naming-convention",
    data: {
      name: "CloudHub application (non-production)",
      resourceKind: "application",
      pattern: "[ext-]{scope}-{layer:exp|prc|sys}-{system}-api-{version}-{env:dev|test|preprod}",
      maxLength: 42,
      environments: [ref("environment", "DEV"), ref("environment", "TEST"), ref("environment", "PREPROD")],
      description: "",
    },
  },
  {
    kind: "naming-convention",
    data: {
      name: "Environments",
      resourceKind: "environment",
      pattern: "{env:DEV|TEST|PREPROD|PROD|DR}",
      maxLength: null,
      environments: [],
      description: "Upper case: DEV, TEST, PREPROD, PROD, DR",
    },
  },
  {
    kind: "naming-convention",
    data: {
      name: "VPCs",
      resourceKind: "vpc",
      pattern: "vpc-{company}-{stage}",
      maxLength: 40,
      environments: [],
      description: "",
    },
  },

  // Principles.
  {
    kind: "principle",
    data: { name: "API first", statement: "Every integration exposes a designed, documented API before it is built." },
  },
  {
    kind: "principle",
    data: {
      name: "Reuse before build",
      statement: "System APIs are shared by all process APIs; no point-to-point integrations.",
    },
  },
  {
    kind: "principle",
    data: {
      name: "Secure by default",
      statement: "All APIs enforce client id or OAuth 2.0; nothing is open to the internet unprotected.",
    },
  },
  { kind: "principle", data: { name: "Loose coupling", statement: "<Describe the principle>" } },

  // Narrative sections.
  {
    kind: "narrative-section",
    data: {
      name: "Goals and Objectives",
      body: "- Give customers real-time shipment tracking\n- Retire the point-to-point SAP integrations by Q4\n- Onboard new carriers in days, not months",
      notApplicable: false,
    },
  },
  {
    kind: "narrative-section",
    data: {
      name: "Current State Challenges",
      body: "1. Forty point-to-point interfaces, undocumented\n2. Nightly batch files delay shipment status by up to 24 hours",
      notApplicable: false,
    },
  },
  {
    kind: "narrative-section",
    data: {
      name: "Assumptions and Dependencies",
      body: "TODO: confirm network lead times with the data centre team",
      notApplicable: false,
    },
  },
  {
    kind: "narrative-section",
    data: {
      name: "High Availability",
      body: "Applications in HA environments (PREPROD, PROD) run on two or more workers, which CloudHub spreads across availability zones.",
      notApplicable: false,
    },
  },
  {
    kind: "narrative-section",
    data: {
      name: "Disaster Recovery",
      body: "TBD: warm standby in eu-west-1 for Tier 1 and Tier 2 applications.",
      notApplicable: false,
    },
  },
  { kind: "narrative-section", data: { name: "On-premise Mule runtimes", body: "", notApplicable: true } },
  { kind: "narrative-section", data: { name: "Runtime Fabric", body: "", notApplicable: true } },
  {
    kind: "narrative-section",
    data: {
      name: "Identity Management",
      body: "Anypoint sign-in federated with Okta; teams mapped from Okta groups.",
      notApplicable: false,
    },
  },
  {
    kind: "narrative-section",
    data: { name: "Log Management", body: "<Describe log forwarding to the SIEM>", notApplicable: false },
  },
];

/** A demo decision: its text, links by number, governed records as `kind:name`, and how far it got. */
export type DemoDecision = {
  title: string;
  owner: string;
  context: string;
  decision: string;
  rationale: string;
  implications: string;
  supersedes?: string[];
  governs: string[];
  outcome: "draft" | "proposed" | "accepted";
};

/** Northwind's decision records, in the order they were taken (D01 first). */
export const northwindDecisions: DemoDecision[] = [
  {
    title: "CloudHub 2.0 private spaces in two regions",
    owner: "Archie Architect",
    context: "Northwind runs warehouses in Germany and Ireland; the **DR** requirement is a warm standby.",
    decision: "Deploy on CloudHub 2.0 in `eu-central-1`, with a DR VPC in `eu-west-1`.",
    rationale: "Both regions are in the EU control plane and keep data in the EU.",
    implications: "- Two VPCs to maintain\n- Firewall rules duplicated per region",
    governs: ["vpc:vpc-nwf-prod", "vpc:vpc-nwf-dr"],
    outcome: "accepted",
  },
  {
    title: "A dedicated load balancer fronts every partner-facing API",
    owner: "Archie Architect",
    context: "Partners call us on `api.northwind.example` and some require mutual TLS.",
    decision: "Expose partner APIs only through the external DLB `dlb-nwf-ext`.",
    rationale:
      "Custom domains, mutual TLS and IP allowlists need a DLB ([docs](https://docs.mulesoft.com/cloudhub/lb-architecture)).",
    implications: "Certificates are renewed yearly by the platform team.",
    governs: ["load-balancer:dlb-nwf-ext"],
    outcome: "accepted",
  },
  {
    title: "Application names follow the layer-system-environment convention",
    owner: "Mira Multi",
    context: "CloudHub application names are global and at most 42 characters.",
    decision: "Name applications `<layer>-<system>-<env>`, for example `sys-sap-orders-prod`.",
    rationale: "The layer and system in the name make ownership and impact obvious in Runtime Manager.",
    implications: "Existing applications are renamed at their next major release.",
    governs: [
      "naming-convention:CloudHub application (production)",
      "naming-convention:CloudHub application (non-production)",
    ],
    outcome: "accepted",
  },
  {
    title: "Anypoint MQ for asynchronous order events",
    owner: "Archie Architect",
    context: "Order events are lost when the warehouse system is down.",
    decision: "Publish order events to Anypoint MQ with a dead-letter queue per consumer.",
    rationale: "",
    implications: "TODO: licensing of MQ units.",
    governs: [],
    outcome: "proposed",
  },
];
