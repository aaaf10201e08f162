import type { EstateInput } from "@/lib/anypoint/simulator/estate";

/** Ids of the fixture estate, for assertions. */
export const fixtureIds = {
  root: "a1b2c3d4-0000-4000-8000-000000000001",
  bg: "b2c3d4e5-0000-4000-8000-000000000002",
  rootPrd: "e1a2b3c4-0000-4000-8000-0000000000a1",
  rootDev: "e1a2b3c4-0000-4000-8000-0000000000a2",
  bgPrd: "e1a2b3c4-0000-4000-8000-0000000000b1",
  vpc: "vpc-0a1b2c3d4e5f67890",
  privateSpace: "7b6a5c4d-0000-4000-8000-0000000000p1",
  teamRoot: "c0ffee00-0000-4000-8000-000000000100",
  teamAdmins: "c0ffee00-0000-4000-8000-000000000101",
  api: 19876543,
} as const;

/** Values that must never leave the mapper: a test greps the database, API answers and logs for them. */
export const fixtureSecrets = {
  clientSecret: "SECRET-client-secret-7f3a",
  vpnPsk: "SECRET-vpn-psk-91be",
  securePropertyValue: "SECRET-db-password-55c1",
  ch2SecureProperty: "SECRET-ch2-api-key-0d2e",
  privateSpacePsk: "SECRET-ps-psk-c44f",
  privateKeyDigest: "SECRET-private-key-digest-6f1e",
} as const;

const env = (id: string, name: string, orgId: string, type: "production" | "sandbox") => ({
  id,
  name,
  organizationId: orgId,
  isProduction: type === "production",
  type,
  clientId: `client-${name.toLowerCase()}`,
  arcNamespace: null,
});

const ch1App = (domain: string, amount: number, weight: number, name: string, extra: Record<string, unknown> = {}) => ({
  versionId: `v-${domain}`,
  domain,
  fullDomain: `${domain}.de-c1.cloudhub.io`,
  description: "",
  status: "STARTED",
  region: "eu-central-1",
  fileName: `${domain}-1.0.0-mule-application.jar`,
  lastUpdateTime: 1742834921019,
  hasFile: true,
  workers: {
    amount,
    type: { name, weight, cpu: `${weight} vCores`, memory: "1 GB memory" },
    remainingOrgWorkers: 1.6,
    totalOrgWorkers: 4.0,
  },
  muleVersion: {
    version: "4.6.9",
    updateId: "u1",
    latestUpdateId: "u2",
    endOfSupportDate: 1760400000000,
    javaVersion: "17",
  },
  properties: { "mule.env": "prd", "db.password": fixtureSecrets.securePropertyValue },
  propertiesOptions: { "db.password": { secure: true } },
  persistentQueues: false,
  monitoringAutoRestart: true,
  staticIPsEnabled: false,
  ...extra,
});

/**
 * A small estate in the reference's wire shapes: a root organisation and one business group, three
 * environments, a VPC with a VPN and a load balancer, CloudHub 1.0 apps with a secure property, a
 * CloudHub 2.0 deployment in a private space, teams with members and roles, API instances with
 * policies. `teams` adds that many extra teams (to exercise paging).
 */
export function buildEstate(overrides: Partial<EstateInput> & { extraTeams?: number } = {}): EstateInput {
  const { extraTeams = 0, ...rest } = overrides;
  const { root, bg, rootPrd, rootDev, bgPrd, vpc, privateSpace, teamRoot, teamAdmins, api } = fixtureIds;
  return {
    credentials: [
      { clientId: "portal-reader", clientSecret: fixtureSecrets.clientSecret, name: "governance-portal-reader" },
    ],
    rootOrganizationId: root,
    organizations: [
      {
        id: root,
        name: "ACME",
        isRoot: true,
        isMaster: true,
        parentOrganizationIds: [],
        subOrganizationIds: [bg],
        tenantOrganizationIds: [],
        subscription: { category: "Customer", type: "Platinum", expiration: "2026-12-31T00:00:00.000Z" },
        environments: [env(rootPrd, "PRD", root, "production"), env(rootDev, "DEV", root, "sandbox")],
        entitlements: {
          vCoresProduction: { assigned: 4, reassigned: 1 },
          vCoresSandbox: { assigned: 2, reassigned: 0 },
          vpcs: { assigned: 2, reassigned: 0 },
          vpns: { assigned: 2, reassigned: 0 },
          loadBalancer: { assigned: 1, reassigned: 0 },
          staticIps: { assigned: 4, reassigned: 0 },
          runtimeFabric: true,
        },
      },
      {
        id: bg,
        name: "ACME-Integration",
        isRoot: false,
        isMaster: false,
        parentOrganizationIds: [root],
        subOrganizationIds: [],
        tenantOrganizationIds: [],
        environments: [env(bgPrd, "INT-PRD", bg, "production")],
        entitlements: { vCoresProduction: { assigned: 1, reassigned: 0 } },
      },
    ],
    usage: {
      [root]: {
        productionVCoresConsumed: 2.2,
        sandboxVCoresConsumed: 0.4,
        vpcsConsumed: 1,
        vpnsConsumed: 1,
        loadBalancersConsumed: 1,
      },
      [bg]: { productionVCoresConsumed: 0.5 },
    },
    teams: [
      {
        team_id: teamRoot,
        team_name: "Everyone",
        team_type: "internal",
        org_id: root,
        ancestor_team_ids: [],
        created_at: "2021-03-05T14:06:52.976Z",
        updated_at: "2021-03-05T14:06:52.976Z",
      },
      {
        team_id: teamAdmins,
        team_name: "Platform-Admins",
        team_type: "internal",
        org_id: root,
        ancestor_team_ids: [teamRoot],
        created_at: "2024-02-01T10:00:00.000Z",
        updated_at: "2024-06-11T16:20:00.000Z",
      },
      ...Array.from({ length: extraTeams }, (_, i) => ({
        team_id: `c0ffee00-0000-4000-8000-${String(1000 + i).padStart(12, "0")}`,
        team_name: `Team-${i + 1}`,
        team_type: "internal",
        org_id: root,
        ancestor_team_ids: [teamRoot],
      })),
    ],
    teamMembers: {
      [teamAdmins]: [
        {
          id: "5b0c7f0e-2c1a-4f39-9d1e-7a6b3c2d1e0f",
          name: "jdoe-acme",
          identity_type: "user",
          membership_type: "maintainer",
          is_assigned_via_external_groups: false,
        },
      ],
    },
    teamRoles: {
      [teamAdmins]: [
        {
          role_id: "42ea6892-f95c-4d1b-ab48-687b1f6632fc",
          name: "Access Controls Admin",
          context_params: { org: root },
        },
        {
          role_id: "d7c6b5a4-0000-4000-8000-0000000000f1",
          name: "Read Applications",
          context_params: { org: bg, envId: bgPrd },
        },
      ],
    },
    vpcs: {
      [root]: [
        {
          id: vpc,
          name: "acme-eu-prd-vpc",
          region: "eu-central-1",
          cidrBlock: "10.30.0.0/22",
          isDefault: false,
          ownerId: root,
          sharedWith: [bg],
          associatedEnvironments: [rootPrd, bgPrd],
          internalDns: { dnsServers: ["10.10.0.2"], specialDomains: ["corp.acme.example"] },
          firewallRules: [
            { cidrBlock: "0.0.0.0/0", protocol: "tcp", fromPort: 8081, toPort: 8082 },
            { cidrBlock: "10.30.0.0/22", protocol: "tcp", fromPort: 8091, toPort: 8092 },
          ],
          vpcRoutes: [{ CIDR: "10.30.0.0/22", "Next Hop": "Local" }],
        },
      ],
    },
    vpns: {
      [vpc]: [
        {
          id: "62a07860f052884d1d129a31",
          name: "acme-eu-prd-vpn-dc1",
          updateAvailable: false,
          spec: {
            name: "acme-eu-prd-vpn-dc1",
            remoteIpAddress: "198.51.100.10",
            remoteAsn: 65010,
            remoteNetworks: ["10.10.0.0/16"],
            tunnelConfigs: [{ psk: fixtureSecrets.vpnPsk, ptpCidr: "169.254.12.0/30", rekeyMarginInSeconds: 540 }],
          },
          state: {
            vpnConnectionStatus: "AVAILABLE",
            localAsn: 64512,
            remoteAsn: 65010,
            vpnTunnels: [{ status: "UP", psk: fixtureSecrets.vpnPsk, localExternalIpAddress: "3.20.144.122" }],
          },
        },
      ],
    },
    loadBalancers: {
      [vpc]: [
        {
          id: "619d1c270322c72f81663c12",
          name: "acme-eu-prd-dlb",
          domain: "acme-eu-prd-dlb",
          state: "STARTED",
          vpcId: vpc,
          workers: 2,
          ipAddresses: ["3.121.10.1", "3.121.10.2"],
          ipAllowlist: ["203.0.113.0/24"],
          ipWhitelist: ["203.0.113.0/24"],
          httpMode: "redirect",
          tlsv1: false,
          upstreamTlsv12: true,
          defaultCipherSuite: "ECDHE-RSA-AES256-GCM-SHA384",
          defaultSslEndpoint: 0,
          sslEndpoints: [
            {
              publicKeyLabel: "api.acme.example-2025",
              publicKeyDigest: "b1946ac92492d2347c6235b4d2611184",
              publicKeyCN: "*.api.acme.example",
              privateKeyLabel: "api.acme.example-2025.key",
              privateKeyDigest: fixtureSecrets.privateKeyDigest,
              verifyClientMode: "off",
              mappings: [
                {
                  inputUri: "/orders/v1/",
                  appName: "acme-prd-orders-papi",
                  appUri: "/api/",
                  upstreamProtocol: "https",
                },
                { inputUri: "/{app}/", appName: "acme-prd-{app}", appUri: "/", upstreamProtocol: "http" },
              ],
            },
          ],
        },
      ],
    },
    applications: {
      [rootPrd]: [ch1App("acme-prd-orders-papi", 2, 0.2, "Small"), ch1App("acme-prd-customers-sapi", 1, 0.1, "Micro")],
      [rootDev]: [ch1App("acme-dev-orders-papi", 1, 0.1, "Micro")],
    },
    deployments: {
      [bgPrd]: [
        {
          id: "3f2e1d0c-0000-4000-8000-0000000000d1",
          name: "acme-int-prd-orders-sapi",
          creationDate: 1733150400000,
          lastModifiedDate: 1741000000000,
          status: "APPLIED",
          replicas: [
            { id: "r1", state: "STARTED" },
            { id: "r2", state: "STARTED" },
          ],
          application: {
            status: "RUNNING",
            desiredState: "STARTED",
            vCores: 0.5,
            ref: { groupId: root, artifactId: "orders-sapi", version: "2.3.0", packaging: "jar" },
            configuration: {
              "mule.agent.application.properties.service": {
                applicationName: "acme-int-prd-orders-sapi",
                properties: { "mule.env": "prd" },
                secureProperties: { "api.key": fixtureSecrets.ch2SecureProperty },
              },
            },
          },
          target: {
            provider: "MC",
            targetId: privateSpace,
            replicas: 2,
            deploymentSettings: {
              clustered: true,
              enforceDeployingReplicasAcrossNodes: true,
              runtime: { version: "4.9.4:7e-java17", releaseChannel: "LTS", java: "17" },
              autoscaling: { enabled: false, minReplicas: 2, maxReplicas: 2 },
              http: { inbound: { publicUrl: "https://orders-sapi.int.acme.example", lastMileSecurity: true } },
              instanceType: "mule.small",
            },
          },
        },
      ],
    },
    privateSpaces: {
      [bg]: [
        {
          id: privateSpace,
          name: "acme-int-prd-ps",
          organizationId: bg,
          rootOrganizationId: root,
          status: "Running",
          region: "eu-central-1",
          environments: { type: "production", businessGroups: [bg] },
          network: {
            region: "eu-central-1",
            cidrBlock: "10.40.0.0/22",
            reservedCidrs: ["10.40.3.0/24"],
            inboundStaticIps: ["3.120.1.10"],
            outboundStaticIps: ["18.195.2.20"],
          },
          firewallRules: [{ cidrBlock: "0.0.0.0/0", protocol: "tcp", fromPort: 443, toPort: 443, type: "inbound" }],
          managedFirewallRules: [],
        },
      ],
    },
    privateSpaceConnections: {
      [privateSpace]: [
        {
          id: "conn-1",
          name: "dc-connection",
          vpns: [
            {
              vpnId: "ps-vpn-1",
              name: "acme-int-prd-ps-vpn",
              vpnConnectionStatus: "AVAILABLE",
              remoteAsn: 65020,
              remoteIpAddress: "198.51.100.20",
              staticRoutes: ["10.20.0.0/16"],
              vpnTunnels: [{ psk: fixtureSecrets.privateSpacePsk, ptpCidr: "169.254.20.0/30", status: "UP" }],
            },
          ],
        },
      ],
    },
    tlsContexts: {
      [privateSpace]: [
        {
          id: "tls-1",
          name: "orders-tls",
          type: "PEM",
          keyStore: {
            type: "PEM",
            cn: "orders-sapi.int.acme.example",
            san: [],
            expirationDate: "2026-06-30T00:00:00Z",
          },
        },
      ],
    },
    apis: {
      [rootPrd]: [
        {
          id: 18420113,
          assetId: "orders-papi",
          groupId: root,
          apis: [
            {
              id: api,
              instanceLabel: "orders-papi-prd",
              groupId: root,
              assetId: "orders-papi",
              assetVersion: "1.4.2",
              productVersion: "v1",
              technology: "mule4",
              status: "active",
              endpointUri: "https://orders.api.acme.example/v1",
              environmentId: rootPrd,
              deployment: { applicationName: "acme-prd-orders-papi", type: "CH", environmentId: rootPrd },
            },
          ],
        },
      ],
    },
    policies: {
      [String(api)]: [
        {
          id: 4410021,
          apiId: api,
          policyTemplateId: "348742",
          assetId: "client-id-enforcement",
          assetVersion: "1.3.2",
          order: 1,
          disabled: false,
          configurationData: { clientIdExpression: "#[attributes.headers['client_id']]" },
        },
      ],
    },
    ...rest,
  };
}
