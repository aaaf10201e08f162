import type { EstateInput } from "@/lib/anypoint/simulator/estate";

// The demo estate of Northwind Freight (fictional), in the wire shapes of the reference. It
// follows the demo specification closely enough to be recognisable and differs on purpose:
// a production VPC with another CIDR, a DR VPC and a non-production DLB never built, an
// unplanned business group, application and team, a production app on one worker, a name over
// 42 characters, an API without policies, an internal DLB still accepting TLS 1.0, a VPN tunnel
// down, and an admin-class role granted to contractors.

/** The connected app demo mode uses; its secret is public, like the rest of the demo. */
export const northwindCredentials = {
  clientId: "nwf-governance-portal",
  clientSecret: "nwf-demo-connected-app-secret",
};

const id = (n: number) => `0000${n}`.slice(-4);
const org = (n: number) => `6e0a${id(n)}-0000-4000-8000-00000000000${n}`;
const env = (n: number) => `7e0b${id(n)}-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`;
const team = (n: number) => `8e0c${id(n)}-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`;

const ids = {
  root: org(1),
  logistics: org(2),
  channels: org(3),
  finance: org(4),
  playground: org(5),
  dev: env(1),
  test: env(2),
  preprod: env(3),
  prod: env(4),
  design: env(5),
  ccProd: env(6),
  vpcNonprod: "vpc-0d1e2f3a4b5c60001",
  vpcProd: "vpc-0d1e2f3a4b5c60002",
  space: "9e0d0001-0000-4000-8000-000000000001",
};

const environment = (envId: string, name: string, orgId: string, type: "production" | "sandbox" | "design") => ({
  id: envId,
  name,
  organizationId: orgId,
  isProduction: type === "production",
  type,
  clientId: `nwf${name.toLowerCase().replace(/[^a-z]/g, "")}00000000000000000000000000`.slice(0, 32),
  arcNamespace: null,
});

const organization = (
  orgId: string,
  name: string,
  parents: string[],
  children: string[],
  environments: ReturnType<typeof environment>[],
  entitlements: Record<string, unknown> = {},
) => ({
  id: orgId,
  name,
  createdAt: "2023-02-01T09:00:00.000Z",
  updatedAt: "2025-09-01T09:00:00.000Z",
  ownerId: "5a000000-0000-4000-8000-000000000001",
  clientId: `${orgId.replace(/-/g, "").slice(0, 32)}`,
  idprovider_id: "okta-northwind",
  isFederated: true,
  parentOrganizationIds: parents,
  subOrganizationIds: children,
  tenantOrganizationIds: [],
  mfaRequired: "mandatory",
  orgType: "anypoint",
  domain: parents.length ? null : "northwind-freight",
  isRoot: parents.length === 0,
  isMaster: parents.length === 0,
  subscription: { category: "Customer", type: "Platinum", expiration: "2027-03-31T00:00:00.000Z" },
  environments,
  entitlements: {
    createEnvironments: true,
    createSubOrgs: parents.length === 0,
    vCoresProduction: { assigned: 0, reassigned: 0 },
    vCoresSandbox: { assigned: 0, reassigned: 0 },
    ...entitlements,
  },
});

const sizes: Record<string, { name: string; weight: number; memory: string }> = {
  "0.1": { name: "Micro", weight: 0.1, memory: "500 MB memory" },
  "0.2": { name: "Small", weight: 0.2, memory: "1 GB memory" },
  "1": { name: "Medium", weight: 1, memory: "2 GB memory" },
};

let versionCounter = 0;
const ch1 = (domain: string, workers: number, size: "0.1" | "0.2" | "1", extra: Record<string, unknown> = {}) => ({
  versionId: `66f1c0a2e4b0a1b2c3d4${String(++versionCounter).padStart(4, "0")}`,
  domain,
  fullDomain: `${domain}.de-c1.cloudhub.io`,
  description: "",
  status: "STARTED",
  region: "eu-central-1",
  fileName: `${domain}-1.2.0-mule-application.jar`,
  lastUpdateTime: 1760000000000 + versionCounter * 3_600_000,
  hasFile: true,
  workers: {
    amount: workers,
    type: { name: sizes[size]!.name, weight: sizes[size]!.weight, cpu: `${size} vCores`, memory: sizes[size]!.memory },
    remainingOrgWorkers: 4.4,
    totalOrgWorkers: 8,
  },
  muleVersion: {
    version: "4.6.9",
    updateId: "66a0c1d2e4b0f1e2d3c4b5a6",
    latestUpdateId: "66b1d2e3f4a5b6c7d8e9f0a1",
    endOfSupportDate: 1803945600000,
    releaseChannel: "LTS",
    javaVersion: "17",
  },
  properties: { "mule.env": domain.includes("-dev") ? "dev" : "prod", "sap.password": "nwf-demo-sap-password" },
  propertiesOptions: { "sap.password": { secure: true } },
  persistentQueues: false,
  persistentQueuesEncrypted: false,
  monitoringEnabled: true,
  monitoringAutoRestart: true,
  staticIPsEnabled: false,
  loggingNgEnabled: true,
  deploymentGroup: { id: "65f1c0a2e4b0a1b2c3d4e5f0", name: "default" },
  trackingSettings: { trackingLevel: "DISABLED" },
  ipAddresses: [],
  deploymentErrorMessage: null,
  ...extra,
});

const rule = (cidrBlock: string, fromPort: number, toPort: number) => ({
  cidrBlock,
  protocol: "tcp",
  fromPort,
  toPort,
});

const vpn = (vpnId: string, name: string, remoteIp: string, networks: string[], tunnelsUp: [boolean, boolean]) => ({
  id: vpnId,
  name,
  updateAvailable: false,
  spec: {
    name,
    remoteIpAddress: remoteIp,
    remoteAsn: 65010,
    remoteNetworks: networks,
    tunnelConfigs: [
      { psk: "nwf-demo-psk-tunnel-a", ptpCidr: "169.254.12.0/30", rekeyMarginInSeconds: 540, rekeyFuzz: 100 },
      { psk: "nwf-demo-psk-tunnel-b", ptpCidr: "169.254.12.4/30", rekeyMarginInSeconds: 540, rekeyFuzz: 100 },
    ],
  },
  state: {
    vpnConnectionStatus: "AVAILABLE",
    createdAt: "2024-06-13T13:21:36.283Z",
    localAsn: 64512,
    remoteAsn: 65010,
    failedReason: "",
    vpnTunnels: tunnelsUp.map((up, i) => ({
      acceptedRouteCount: up ? networks.length : 0,
      lastStatusChange: "2025-10-01T08:00:00Z",
      localExternalIpAddress: `3.20.144.${120 + i}`,
      localPtpIpAddress: `169.254.12.${1 + 4 * i}`,
      remotePtpIpAddress: `169.254.12.${2 + 4 * i}`,
      psk: i === 0 ? "nwf-demo-psk-tunnel-a" : "nwf-demo-psk-tunnel-b",
      status: up ? "UP" : "DOWN",
      statusMessage: up ? `${networks.length} BGP ROUTES` : "IPSEC IS DOWN",
    })),
  },
});

const dlb = (
  dlbId: string,
  name: string,
  vpcId: string,
  allowlist: string[],
  tlsv1: boolean,
  cn: string,
  mappings: { inputUri: string; appName: string; appUri: string; upstreamProtocol: string }[],
) => ({
  id: dlbId,
  name,
  domain: name,
  state: "STARTED",
  vpcId,
  deploymentId: `${dlbId.slice(0, 23)}1`,
  workers: 2,
  instanceConfig: { imageName: "dlb-image-2025.09" },
  ipAddresses: ["3.121.10.1", "3.121.10.2"],
  ipAddressesInfo: [
    { ip: "3.121.10.1", status: "ALLOCATED", staticIp: true },
    { ip: "3.121.10.2", status: "ALLOCATED", staticIp: true },
  ],
  staticIPsDisabled: false,
  doubleStaticIps: false,
  ipAllowlist: allowlist,
  ipWhitelist: allowlist,
  httpMode: "redirect",
  tlsv1,
  upstreamTlsv12: true,
  keepUrlEncoding: true,
  enableStreaming: false,
  forwardClientCertificate: false,
  proxyReadTimeout: 300,
  defaultCipherSuite: "ECDHE-RSA-AES256-GCM-SHA384:DHE-RSA-AES256-GCM-SHA384",
  defaultSslEndpoint: 0,
  sslEndpoints: [
    {
      publicKeyLabel: `${cn}-2025`,
      publicKeyDigest: "b1946ac92492d2347c6235b4d2611184",
      publicKeyCN: cn,
      privateKeyLabel: `${cn}-2025.key`,
      privateKeyDigest: "nwf-demo-private-key-digest",
      clientCertLabel: "",
      clientCertDigest: "",
      clientCertCN: "",
      revocationListLabel: "",
      revocationListDigest: "",
      verifyClientMode: "off",
      mappings,
    },
  ],
});

/** Northwind Freight's live estate, deterministic. */
export function northwindEstate(): EstateInput {
  versionCounter = 0;
  const logisticsEnvs = [
    environment(ids.dev, "DEV", ids.logistics, "sandbox"),
    environment(ids.test, "TEST", ids.logistics, "sandbox"),
    environment(ids.preprod, "PREPROD", ids.logistics, "sandbox"),
    environment(ids.prod, "PROD", ids.logistics, "production"),
    environment(ids.design, "Design", ids.logistics, "design"),
  ];
  const channelsEnvs = [environment(ids.ccProd, "CC-PROD", ids.channels, "production")];
  return {
    credentials: [{ ...northwindCredentials, name: "nwf-governance-portal" }],
    rootOrganizationId: ids.root,
    organizations: [
      organization(ids.root, "Northwind Freight", [], [ids.logistics, ids.channels, ids.finance, ids.playground], [], {
        vCoresProduction: { assigned: 8, reassigned: 6 },
        vCoresSandbox: { assigned: 4, reassigned: 4 },
        vpcs: { assigned: 2, reassigned: 0 },
        vpns: { assigned: 2, reassigned: 0 },
        loadBalancer: { assigned: 2, reassigned: 0 },
        staticIps: { assigned: 4, reassigned: 0 },
      }),
      organization(ids.logistics, "Logistics", [ids.root], [], logisticsEnvs, {
        vCoresProduction: { assigned: 5, reassigned: 0 },
        vCoresSandbox: { assigned: 3, reassigned: 0 },
      }),
      organization(ids.channels, "Customer Channels", [ids.root], [], channelsEnvs, {
        vCoresProduction: { assigned: 1, reassigned: 0 },
      }),
      organization(ids.finance, "Finance", [ids.root], [], []),
      organization(ids.playground, "Sandbox Playground", [ids.root], [], []),
    ],
    usage: {
      [ids.root]: {
        productionVCoresConsumed: 3.6,
        sandboxVCoresConsumed: 3.5,
        designVCoresConsumed: 0,
        staticIpsConsumed: 2,
        vpcsConsumed: 2,
        vpnsConsumed: 2,
        networkConnectionsConsumed: 0,
        loadBalancersConsumed: 2,
        loadbalancerWorkersConsumed: 4,
      },
      [ids.logistics]: { productionVCoresConsumed: 3.0, sandboxVCoresConsumed: 1.3 },
      [ids.channels]: { productionVCoresConsumed: 0.5 },
    },
    teams: [
      ["Everyone at Northwind Freight", []],
      ["Platform Team", [1]],
      ["Integration Developers", [1]],
      ["Operations", [1]],
      ["Contractors", [1]],
    ].map(([name, ancestors], i) => ({
      team_id: team(i + 1),
      team_name: name as string,
      team_type: "internal",
      org_id: ids.root,
      ancestor_team_ids: (ancestors as number[]).map(team),
      created_at: "2023-02-01T09:00:00.000Z",
      updated_at: "2025-09-01T09:00:00.000Z",
    })),
    teamMembers: {
      [team(2)]: [
        {
          id: "5a000000-0000-4000-8000-000000000001",
          name: "archie.tect",
          identity_type: "user",
          membership_type: "maintainer",
          is_assigned_via_external_groups: true,
        },
        {
          id: "5a000000-0000-4000-8000-000000000002",
          name: "ada.admin",
          identity_type: "user",
          membership_type: "member",
          is_assigned_via_external_groups: true,
        },
      ],
      [team(3)]: [
        {
          id: "5a000000-0000-4000-8000-000000000003",
          name: "dev.one",
          identity_type: "user",
          membership_type: "member",
          is_assigned_via_external_groups: true,
        },
      ],
      [team(5)]: [
        {
          id: "5a000000-0000-4000-8000-000000000009",
          name: "contractor.x",
          identity_type: "user",
          membership_type: "member",
          is_assigned_via_external_groups: false,
        },
      ],
    },
    teamRoles: {
      [team(2)]: [{ role_id: "r-manage-settings", name: "Manage Settings", context_params: { org: ids.root } }],
      [team(3)]: [
        { role_id: "r-deploy", name: "Deploy Applications", context_params: { org: ids.logistics, envId: ids.dev } },
        { role_id: "r-deploy", name: "Deploy Applications", context_params: { org: ids.logistics, envId: ids.prod } },
      ],
      [team(4)]: [{ role_id: "r-dashboards", name: "Read Dashboards", context_params: { org: ids.root } }],
      [team(5)]: [
        { role_id: "r-network-admin", name: "Cloudhub Network Administrator", context_params: { org: ids.root } },
      ],
    },
    vpcs: {
      [ids.root]: [
        {
          id: ids.vpcNonprod,
          name: "vpc-nwf-nonprod",
          region: "eu-central-1",
          cidrBlock: "10.20.0.0/20",
          isDefault: false,
          ownerId: ids.root,
          sharedWith: [ids.logistics],
          associatedEnvironments: [ids.dev, ids.test, ids.preprod],
          internalDns: { dnsServers: ["10.10.0.2"], specialDomains: ["corp.northwind-freight.example"] },
          firewallRules: [rule("10.20.0.0/20", 8091, 8092), rule("0.0.0.0/0", 8081, 8082)],
          vpcRoutes: [
            { CIDR: "10.20.0.0/20", "Next Hop": "Local" },
            { CIDR: "0.0.0.0/0", "Next Hop": "Internet Gateway" },
          ],
        },
        {
          id: ids.vpcProd,
          name: "vpc-nwf-prod",
          region: "eu-central-1",
          cidrBlock: "10.20.16.0/21",
          isDefault: false,
          ownerId: ids.root,
          sharedWith: [ids.logistics],
          associatedEnvironments: [ids.prod],
          internalDns: { dnsServers: ["10.10.0.2"], specialDomains: ["corp.northwind-freight.example"] },
          firewallRules: [rule("10.0.0.0/8", 8091, 8092), rule("0.0.0.0/0", 8081, 8082), rule("0.0.0.0/0", 0, 65535)],
          vpcRoutes: [
            { CIDR: "10.20.16.0/21", "Next Hop": "Local" },
            { CIDR: "10.10.0.0/16", "Next Hop": "VPN" },
          ],
        },
      ],
    },
    vpns: {
      [ids.vpcProd]: [
        vpn("6a0000000000000000000001", "vpn-nwf-frankfurt-dc", "198.51.100.20", ["10.10.0.0/16"], [true, true]),
      ],
      [ids.vpcNonprod]: [
        vpn("6a0000000000000000000002", "vpn-nwf-rotterdam-dc", "203.0.113.50", ["10.11.0.0/16"], [true, false]),
      ],
    },
    loadBalancers: {
      [ids.vpcProd]: [
        dlb(
          "6b0000000000000000000001",
          "dlb-nwf-ext",
          ids.vpcProd,
          ["0.0.0.0/0"],
          false,
          "api.northwind-freight.example",
          [
            {
              inputUri: "/{scope}/exp/{system}/api/{version}/",
              appName: "ext-{scope}-exp-{system}-api-{version}",
              appUri: "/",
              upstreamProtocol: "https",
            },
          ],
        ),
        dlb(
          "6b0000000000000000000002",
          "dlb-nwf-int",
          ids.vpcProd,
          ["10.0.0.0/8"],
          true,
          "internal-api.northwind-freight.example",
          [
            {
              inputUri: "/{scope}/prc/{system}/api/{version}/",
              appName: "{scope}-prc-{system}-api-{version}",
              appUri: "/",
              upstreamProtocol: "https",
            },
            {
              inputUri: "/{scope}/sys/{system}/api/{version}/",
              appName: "{scope}-sys-{system}-api-{version}",
              appUri: "/",
              upstreamProtocol: "http",
            },
          ],
        ),
      ],
    },
    applications: {
      [ids.prod]: [
        ch1("ext-nwf-exp-tracking-api-v1", 2, "1"),
        ch1("nwf-prc-shipments-api-v1", 1, "0.2"),
        ch1("nwf-sys-sap-api-v1", 1, "0.2"),
        ch1("nwf-sys-salesforce-api-v1", 2, "0.1"),
        ch1("nwf-legacy-ftp-poller", 1, "0.1", {
          muleVersion: {
            version: "4.3.0",
            updateId: "old",
            latestUpdateId: "new",
            endOfSupportDate: 1704067200000,
            javaVersion: "8",
          },
        }),
        ch1("nwf-sys-carrier-portal-file-exchange-api-v1-prod", 1, "0.1"),
      ],
      [ids.preprod]: [
        ch1("ext-nwf-exp-tracking-api-v1-preprod", 2, "0.2"),
        ch1("nwf-prc-shipments-api-v1-preprod", 2, "0.2"),
      ],
      [ids.test]: [ch1("nwf-prc-shipments-api-v1-test", 1, "0.1")],
      [ids.dev]: [ch1("nwf-sys-salesforce-api-v1-dev", 1, "0.1", { status: "UNDEPLOYED" })],
    },
    deployments: {
      [ids.ccProd]: [
        {
          id: "9f000001-0000-4000-8000-000000000001",
          name: "nwf-exp-mobile-api-v1",
          creationDate: 1750000000000,
          lastModifiedDate: 1760000000000,
          desiredVersion: "9f00aaaa-0000-4000-8000-000000000001",
          lastSuccessfulVersion: "9f00aaaa-0000-4000-8000-000000000001",
          status: "APPLIED",
          replicas: [
            {
              id: "nwf-exp-mobile-api-v1-6d9c7b-abcde",
              state: "STARTED",
              deploymentLocation: ids.space,
              currentDeploymentVersion: "9f00aaaa-0000-4000-8000-000000000001",
              reason: "",
            },
          ],
          application: {
            status: "RUNNING",
            desiredState: "STARTED",
            vCores: 0.5,
            objectStoreV2Enabled: true,
            ref: { groupId: ids.root, artifactId: "nwf-exp-mobile-api", version: "1.0.3", packaging: "jar" },
            configuration: {
              "mule.agent.application.properties.service": {
                applicationName: "nwf-exp-mobile-api-v1",
                properties: { "mule.env": "prod" },
                secureProperties: { "push.api.key": "nwf-demo-push-api-key" },
              },
            },
          },
          target: {
            provider: "MC",
            targetId: ids.space,
            replicas: 1,
            deploymentSettings: {
              clustered: false,
              enforceDeployingReplicasAcrossNodes: false,
              updateStrategy: "rolling",
              http: {
                inbound: {
                  publicUrl: "https://mobile-api.northwind-freight.example",
                  lastMileSecurity: true,
                  forwardSslSession: false,
                },
              },
              runtime: { version: "4.9.4:7e-java17", releaseChannel: "LTS", java: "17" },
              autoscaling: { enabled: false, minReplicas: 1, maxReplicas: 1 },
              resources: { cpu: { reserved: "500m", limit: "1000m" }, memory: { reserved: "2000Mi", limit: "2000Mi" } },
              instanceType: "mule.small",
            },
          },
        },
      ],
    },
    privateSpaces: {
      [ids.channels]: [
        {
          id: ids.space,
          name: "ps-nwf-channels",
          version: "1.3",
          organizationId: ids.channels,
          rootOrganizationId: ids.root,
          status: "Running",
          statusMessage: "",
          provisioning: { status: "Provisioned", message: "" },
          region: "eu-central-1",
          environments: { type: "production", businessGroups: [ids.channels] },
          network: {
            region: "eu-central-1",
            cidrBlock: "10.20.24.0/22",
            reservedCidrs: ["10.10.0.0/16"],
            internalDns: { dnsServers: ["10.10.0.2"], specialDomains: ["corp.northwind-freight.example"] },
            inboundStaticIps: ["3.120.1.10"],
            outboundStaticIps: ["18.195.2.20"],
            dnsTarget: "ps-9e0d0001.k3x9qz.deu-c1.cloudhub.io",
          },
          firewallRules: [
            { cidrBlock: "0.0.0.0/0", protocol: "tcp", fromPort: 443, toPort: 443, type: "inbound" },
            { cidrBlock: "0.0.0.0/0", protocol: "tcp", fromPort: 0, toPort: 65535, type: "outbound" },
          ],
          managedFirewallRules: [],
          muleAppDeploymentCount: 1,
        },
      ],
    },
    privateSpaceConnections: {
      [ids.space]: [],
    },
    tlsContexts: {
      [ids.space]: [
        {
          id: "tls-nwf-mobile",
          name: "mobile-api-tls",
          type: "PEM",
          keyStore: {
            type: "PEM",
            cn: "mobile-api.northwind-freight.example",
            san: [],
            expirationDate: "2026-12-15T00:00:00Z",
          },
        },
      ],
    },
    apis: {
      [ids.prod]: [
        ["tracking-exp-api", "ext-nwf-exp-tracking-api-v1", 31000001],
        ["shipments-prc-api", "nwf-prc-shipments-api-v1", 31000002],
        ["sap-sys-api", "nwf-sys-sap-api-v1", 31000003],
      ].map(([assetId, app, apiId], i) => ({
        id: 21000001 + i,
        name: `groupId:${ids.root}:assetId:${assetId}`,
        exchangeAssetName: assetId,
        groupId: ids.root,
        assetId,
        organizationId: ids.logistics,
        masterOrganizationId: ids.root,
        totalApis: 1,
        apis: [
          {
            id: apiId,
            instanceLabel: `${assetId}-prod`,
            groupId: ids.root,
            assetId,
            assetVersion: "1.0.4",
            productVersion: "v1",
            technology: "mule4",
            status: "active",
            endpointUri: `https://api.northwind-freight.example/${assetId}/v1`,
            environmentId: ids.prod,
            deployment: {
              applicationName: app,
              type: "CH",
              environmentId: ids.prod,
              environmentName: "PROD",
              expectedStatus: "deployed",
            },
            organizationId: ids.logistics,
            masterOrganizationId: ids.root,
          },
        ],
      })),
    },
    policies: {
      "31000001": [
        {
          id: 4410001,
          apiId: 31000001,
          policyTemplateId: "348742",
          groupId: "68ef9520-24e9-4cf2-b2f5-620025690913",
          assetId: "client-id-enforcement",
          assetVersion: "1.3.2",
          order: 1,
          disabled: false,
          configurationData: {},
        },
      ],
      "31000002": [],
      "31000003": [
        {
          id: 4410003,
          apiId: 31000003,
          policyTemplateId: "348742",
          groupId: "68ef9520-24e9-4cf2-b2f5-620025690913",
          assetId: "client-id-enforcement",
          assetVersion: "1.3.2",
          order: 1,
          disabled: false,
          configurationData: {},
        },
        {
          id: 4410004,
          apiId: 31000003,
          policyTemplateId: "348743",
          groupId: "68ef9520-24e9-4cf2-b2f5-620025690913",
          assetId: "rate-limiting",
          assetVersion: "1.4.0",
          order: 2,
          disabled: false,
          configurationData: {},
        },
      ],
    },
  };
}
