// The Anypoint Platform response shapes the client reads, from shared/reference/anypoint-api.md.
// Objects are loose (fields we do not read are kept, never refused); a field we need that is
// missing fails parsing with its path. Optional fields are those the reference marks unconfirmed
// or that only some payloads carry.
import { z } from "zod";

const id = z.string().min(1);
const nullableString = z.string().nullish();

/** POST /accounts/api/v2/oauth2/token */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().optional(),
});

/** GET /accounts/api/me: a connected app answers `client`, a user token `user`. */
export const meSchema = z.looseObject({
  client: z.looseObject({ org_id: id }).optional(),
  user: z
    .looseObject({
      organization: z.looseObject({ id }).optional(),
      properties: z
        .looseObject({ cs_auth: z.looseObject({ activeOrganizationId: z.string().optional() }).optional() })
        .optional(),
    })
    .optional(),
});
export type WireMe = z.infer<typeof meSchema>;

const quota = z.looseObject({ assigned: z.number(), reassigned: z.number().optional() });

/** An environment (also embedded in an organisation). */
export const environmentSchema = z.looseObject({
  id,
  name: z.string(),
  organizationId: z.string().optional(),
  isProduction: z.boolean(),
  type: z.string(),
  clientId: nullableString,
  arcNamespace: nullableString,
});
export type WireEnvironment = z.infer<typeof environmentSchema>;

/** GET /accounts/api/organizations/{orgId} */
export const organizationSchema = z.looseObject({
  id,
  name: z.string(),
  isRoot: z.boolean().optional(),
  isMaster: z.boolean().optional(),
  parentOrganizationIds: z.array(z.string()).default([]),
  subOrganizationIds: z.array(z.string()).default([]),
  subscription: z.looseObject({ category: z.string().optional(), type: z.string().optional() }).nullish(),
  environments: z.array(environmentSchema).optional(),
  entitlements: z
    .looseObject({
      vCoresProduction: quota.optional(),
      vCoresSandbox: quota.optional(),
      vCoresDesign: quota.optional(),
      staticIps: quota.optional(),
      vpcs: quota.optional(),
      vpns: quota.optional(),
      networkConnections: quota.optional(),
      loadBalancer: quota.optional(),
    })
    .optional(),
});
export type WireOrganization = z.infer<typeof organizationSchema>;

/** GET /accounts/api/cs/organizations/{orgId}/usage */
export const usageSchema = z.looseObject({
  productionVCoresConsumed: z.number().optional(),
  sandboxVCoresConsumed: z.number().optional(),
  designVCoresConsumed: z.number().optional(),
  staticIpsConsumed: z.number().optional(),
  vpcsConsumed: z.number().optional(),
  vpnsConsumed: z.number().optional(),
  networkConnectionsConsumed: z.number().optional(),
  loadBalancersConsumed: z.number().optional(),
  loadbalancerWorkersConsumed: z.number().optional(),
});
export type WireUsage = z.infer<typeof usageSchema>;

/** `{"data": [...], "total": n}`: Access Management and CloudHub network lists. */
export const dataEnvelope = <T extends z.ZodType>(item: T) =>
  z.looseObject({ data: z.array(item), total: z.number().optional() });

export const teamSchema = z.looseObject({
  team_id: id,
  team_name: z.string(),
  team_type: z.string().optional(),
  org_id: z.string().optional(),
  ancestor_team_ids: z.array(z.string()).default([]),
});
export type WireTeam = z.infer<typeof teamSchema>;

export const teamMemberSchema = z.looseObject({
  id,
  name: z.string(),
  identity_type: z.string().optional(),
  membership_type: z.string().optional(),
  is_assigned_via_external_groups: z.boolean().optional(),
});
export type WireTeamMember = z.infer<typeof teamMemberSchema>;

export const teamRoleSchema = z.looseObject({
  role_id: id,
  name: z.string(),
  context_params: z.looseObject({ org: z.string().optional(), envId: z.string().optional() }).default({}),
});
export type WireTeamRole = z.infer<typeof teamRoleSchema>;

/** One CloudHub 1.0 application (GET /cloudhub/api/v2/applications answers a bare array of these). */
export const ch1ApplicationSchema = z.looseObject({
  domain: z.string().min(1),
  fullDomain: nullableString,
  status: z.string(),
  region: nullableString,
  workers: z.looseObject({
    amount: z.number(),
    type: z.looseObject({ name: z.string(), weight: z.number() }),
  }),
  muleVersion: z
    .looseObject({ version: z.string(), endOfSupportDate: z.number().nullish(), javaVersion: nullableString })
    .nullish(),
  properties: z.record(z.string(), z.unknown()).nullish(),
  propertiesOptions: z.record(z.string(), z.looseObject({ secure: z.boolean().optional() })).nullish(),
  persistentQueues: z.boolean().nullish(),
  monitoringAutoRestart: z.boolean().nullish(),
  staticIPsEnabled: z.boolean().nullish(),
  lastUpdateTime: z.number().nullish(),
});
export type WireCh1Application = z.infer<typeof ch1ApplicationSchema>;

const target = z.looseObject({ provider: z.string().optional(), targetId: z.string().optional() });

/** `{"total": n, "items": [...]}`: Application Manager v2 deployment summaries. */
export const deploymentListSchema = z.looseObject({
  total: z.number().optional(),
  items: z.array(
    z.looseObject({
      id,
      name: z.string(),
      status: z.string().optional(),
      target: target.optional(),
      application: z.looseObject({ status: z.string().optional() }).optional(),
      currentRuntimeVersion: nullableString,
    }),
  ),
});

/** GET …/deployments/{deploymentId}: a CloudHub 2.0 / Runtime Fabric deployment with replicas and vCores. */
export const deploymentSchema = z.looseObject({
  id,
  name: z.string(),
  status: z.string().optional(),
  replicas: z.array(z.looseObject({ state: z.string().optional() })).default([]),
  application: z.looseObject({
    status: z.string().optional(),
    vCores: z.number().optional(),
    ref: z.looseObject({ artifactId: z.string().optional(), version: z.string().optional() }).optional(),
    configuration: z.record(z.string(), z.unknown()).optional(),
  }),
  target: target.extend({
    replicas: z.number().optional(),
    deploymentSettings: z
      .looseObject({
        clustered: z.boolean().optional(),
        enforceDeployingReplicasAcrossNodes: z.boolean().optional(),
        runtime: z.looseObject({ version: z.string().optional(), java: z.string().optional() }).optional(),
        autoscaling: z
          .looseObject({ enabled: z.boolean(), minReplicas: z.number().optional(), maxReplicas: z.number().optional() })
          .optional(),
        http: z
          .looseObject({
            inbound: z.looseObject({ publicUrl: nullableString, lastMileSecurity: z.boolean().nullish() }).optional(),
          })
          .optional(),
        instanceType: z.string().optional(),
      })
      .optional(),
  }),
});
export type WireDeployment = z.infer<typeof deploymentSchema>;

/** A Spring Data page: the private-space list. */
export const springPage = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    content: z.array(item),
    totalElements: z.number().optional(),
    last: z.boolean().optional(),
  });

export const privateSpaceSummarySchema = z.looseObject({ id, name: z.string(), organizationId: z.string().optional() });

const firewallRule = z.looseObject({
  cidrBlock: z.string(),
  protocol: z.string(),
  fromPort: z.number(),
  toPort: z.number(),
  type: z.string().optional(),
});

/** GET /runtimefabric/api/organizations/{orgId}/privatespaces/{id} */
export const privateSpaceSchema = z.looseObject({
  id,
  name: z.string(),
  organizationId: z.string().optional(),
  status: z.string().optional(),
  region: nullableString,
  environments: z
    .looseObject({ type: z.string().optional(), businessGroups: z.array(z.string()).optional() })
    .nullish(),
  network: z
    .looseObject({
      region: nullableString,
      cidrBlock: nullableString,
      reservedCidrs: z.array(z.string()).nullish(),
      inboundStaticIps: z.array(z.string()).nullish(),
      outboundStaticIps: z.array(z.string()).nullish(),
    })
    .nullish(),
  firewallRules: z.array(firewallRule).nullish(),
  managedFirewallRules: z.array(firewallRule).nullish(),
});
export type WirePrivateSpace = z.infer<typeof privateSpaceSchema>;

/** …/privatespaces/{id}/connections: bare array; tunnels carry pre-shared keys the mapper drops. */
export const privateSpaceConnectionSchema = z.looseObject({
  id,
  name: z.string(),
  vpns: z
    .array(
      z.looseObject({
        vpnId: z.string().optional(),
        name: z.string(),
        vpnConnectionStatus: z.string().optional(),
        remoteAsn: z.number().nullish(),
        remoteIpAddress: nullableString,
        staticRoutes: z.array(z.string()).nullish(),
        vpnTunnels: z.array(z.looseObject({ status: z.string().optional() })).nullish(),
      }),
    )
    .default([]),
});
export type WirePrivateSpaceConnection = z.infer<typeof privateSpaceConnectionSchema>;

/** …/privatespaces/{id}/tlsContexts: bare array. */
export const tlsContextSchema = z.looseObject({
  id,
  name: z.string(),
  type: z.string().optional(),
  keyStore: z
    .looseObject({ cn: nullableString, san: z.array(z.string()).nullish(), expirationDate: nullableString })
    .nullish(),
});
export type WireTlsContext = z.infer<typeof tlsContextSchema>;

/** A CloudHub 1.0 VPC. */
export const vpcSchema = z.looseObject({
  id,
  name: z.string(),
  region: z.string(),
  cidrBlock: z.string(),
  isDefault: z.boolean().optional(),
  ownerId: z.string().optional(),
  sharedWith: z.array(z.string()).default([]),
  associatedEnvironments: z.array(z.string()).default([]),
  firewallRules: z.array(firewallRule).default([]),
});
export type WireVpc = z.infer<typeof vpcSchema>;

/** A CloudHub 1.0 IPsec VPN; `psk` fields are secrets the mapper never passes on. */
export const vpnSchema = z.looseObject({
  id,
  name: z.string(),
  spec: z.looseObject({
    remoteIpAddress: nullableString,
    remoteAsn: z.number().nullish(),
    remoteNetworks: z.array(z.string()).default([]),
    tunnelConfigs: z.array(z.looseObject({ ptpCidr: nullableString })).default([]),
  }),
  state: z
    .looseObject({
      vpnConnectionStatus: nullableString,
      localAsn: z.number().nullish(),
      vpnTunnels: z.array(z.looseObject({ status: nullableString })).default([]),
    })
    .nullish(),
});
export type WireVpn = z.infer<typeof vpnSchema>;

const mappingSchema = z.looseObject({
  inputUri: z.string(),
  appName: z.string(),
  appUri: z.string(),
  upstreamProtocol: z.string(),
});

/** A dedicated load balancer; private key labels and digests are dropped by the mapper. */
export const loadBalancerSchema = z.looseObject({
  id,
  name: z.string(),
  state: nullableString,
  vpcId: z.string().optional(),
  workers: z.number().nullish(),
  ipAddresses: z.array(z.string()).default([]),
  ipAllowlist: z.array(z.string()).nullish(),
  ipWhitelist: z.array(z.string()).nullish(),
  httpMode: nullableString,
  tlsv1: z.boolean().nullish(),
  upstreamTlsv12: z.boolean().nullish(),
  defaultCipherSuite: nullableString,
  defaultSslEndpoint: z.number().nullish(),
  sslEndpoints: z
    .array(
      z.looseObject({
        publicKeyLabel: nullableString,
        publicKeyDigest: nullableString,
        publicKeyCN: nullableString,
        verifyClientMode: nullableString,
        tlsv1: z.boolean().nullish(),
        mappings: z.array(mappingSchema).default([]),
      }),
    )
    .default([]),
});
export type WireLoadBalancer = z.infer<typeof loadBalancerSchema>;

/** One API Manager instance inside its Exchange asset group. */
export const apiInstanceSchema = z.looseObject({
  id: z.number(),
  instanceLabel: nullableString,
  assetId: z.string(),
  assetVersion: nullableString,
  productVersion: nullableString,
  technology: nullableString,
  status: nullableString,
  endpointUri: nullableString,
  deployment: z
    .looseObject({ applicationName: nullableString, type: nullableString, environmentId: nullableString })
    .nullish(),
});
export type WireApiInstance = z.infer<typeof apiInstanceSchema>;

/** `{"total": n, "assets": [{…, "apis": [...]}]}`: API Manager instances grouped by asset. */
export const apiAssetPageSchema = z.looseObject({
  total: z.number().optional(),
  assets: z.array(z.looseObject({ assetId: z.string().optional(), apis: z.array(apiInstanceSchema).default([]) })),
});

export const apiPolicySchema = z.looseObject({
  id: z.number(),
  assetId: z.string().optional(),
  assetVersion: nullableString,
  order: z.number().nullish(),
  disabled: z.boolean().nullish(),
  policyTemplateId: z.union([z.string(), z.number()]).nullish(),
});
export type WireApiPolicy = z.infer<typeof apiPolicySchema>;
