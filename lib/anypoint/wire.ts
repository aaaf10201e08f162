// The Anypoint Platform response shapes the client reads, from shared/reference/anypoint-api.md and
// checked against MuleSoft's own client specifications (anypoint-client-go, `<module>/api/openapi.yaml`,
// "CGO" below), which require almost no field of a response and decode a missing or null field as
// "not set". So: objects are loose (unknown fields are ignored, never refused); every field CGO does
// not require accepts absent and null, with the default the platform applies where CGO or the
// Terraform provider states one; only a field the portal cannot do without (an id, a name) is
// required, and a record without it is left out with a warning by lib/anypoint/tolerant.ts, never
// the list it came in.
import { z } from "zod";

const id = z.string().min(1);
const text = z.string().nullish();
const flag = z.boolean().nullish();
const count = z.number().nullish();
const strings = z.array(z.string()).nullish();

/** A list CGO does not require: absent or null reads as empty. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((value): z.output<T>[] => value ?? []);

/** A field the platform gives a value when it is not set: absent or null reads as that value. */
const orDefault = <T extends z.ZodType>(schema: T, fallback: NonNullable<z.output<T>>) =>
  schema.nullish().transform((value): NonNullable<z.output<T>> => value ?? fallback);

/** POST /accounts/api/v2/oauth2/token */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: text,
  expires_in: count,
});

/** GET /accounts/api/me: a connected app answers `client`, a user token `user`. */
// Only client.org_id is confirmed for connected apps (reference §1.2, TF2 auth_helpers.go).
export const meSchema = z.looseObject({
  client: z.looseObject({ org_id: text }).nullish(),
  user: z
    .looseObject({
      organization: z.looseObject({ id: text }).nullish(),
      properties: z.looseObject({ cs_auth: z.looseObject({ activeOrganizationId: text }).nullish() }).nullish(),
    })
    .nullish(),
});
export type WireMe = z.infer<typeof meSchema>;

// CGO org EntitlementsCore: `{assigned, reassigned}`, both defaulting to 0 on create; a quota whose
// `assigned` is not read is left out by the mapper rather than read as 0.
const quota = z.looseObject({ assigned: count, reassigned: count });

/** An environment (also embedded in an organisation). CGO env envCore: nothing required. */
export const environmentSchema = z.looseObject({
  id,
  name: z.string(),
  organizationId: text,
  isProduction: flag,
  type: text,
  clientId: text,
  arcNamespace: text,
});
export type WireEnvironment = z.infer<typeof environmentSchema>;

/** GET /accounts/api/organizations/{orgId}. CGO org MasterBGDetail / BGCore: nothing required. */
export const organizationSchema = z.looseObject({
  id,
  name: z.string(),
  isRoot: flag,
  isMaster: flag,
  parentOrganizationIds: list(z.string()),
  subOrganizationIds: list(z.string()),
  subscription: z.looseObject({ category: text, type: text }).nullish(),
  environments: list(environmentSchema),
  entitlements: z
    .looseObject({
      vCoresProduction: quota.nullish(),
      vCoresSandbox: quota.nullish(),
      vCoresDesign: quota.nullish(),
      staticIps: quota.nullish(),
      vpcs: quota.nullish(),
      vpns: quota.nullish(),
      networkConnections: quota.nullish(),
      loadBalancer: quota.nullish(),
    })
    .nullish(),
});
export type WireOrganization = z.infer<typeof organizationSchema>;

/** GET /accounts/api/cs/organizations/{orgId}/usage. CGO org Usage: every figure optional. */
// Assumption (reference §14.3: in CGO only): a figure not answered is unknown, not 0.
export const usageSchema = z.looseObject({
  productionVCoresConsumed: count,
  sandboxVCoresConsumed: count,
  designVCoresConsumed: count,
  staticIpsConsumed: count,
  vpcsConsumed: count,
  vpnsConsumed: count,
  networkConnectionsConsumed: count,
  loadBalancersConsumed: count,
  loadbalancerWorkersConsumed: count,
});
export type WireUsage = z.infer<typeof usageSchema>;

/** CGO team Team: nothing required; a team without id or name is left out. */
export const teamSchema = z.looseObject({
  team_id: id,
  team_name: z.string(),
  team_type: text,
  org_id: text,
  ancestor_team_ids: list(z.string()),
});
export type WireTeam = z.infer<typeof teamSchema>;

/** CGO team_members TeamMember: nothing required; the portal counts members, so only the id is needed. */
// Assumption (reference §4.2): what `name` holds is unconfirmed; it is not read.
export const teamMemberSchema = z.looseObject({
  id,
  name: text,
  identity_type: text,
  membership_type: text,
  is_assigned_via_external_groups: flag,
});
export type WireTeamMember = z.infer<typeof teamMemberSchema>;

/** CGO team_roles TeamRole: nothing required; a permission without a role id or name is left out. */
export const teamRoleSchema = z.looseObject({
  role_id: id,
  name: z.string(),
  context_params: orDefault(z.looseObject({ org: text, envId: text }), {}),
});
export type WireTeamRole = z.infer<typeof teamRoleSchema>;

/** One CloudHub 1.0 application (CGO application_manager_v1 DeploymentCH1Summary: nothing required). */
// Assumption (reference §5.1): the full `status` enum is unconfirmed; it is read as a string.
export const ch1ApplicationSchema = z.looseObject({
  domain: id,
  fullDomain: text,
  status: text,
  region: text,
  workers: z
    .looseObject({
      amount: count,
      type: z.looseObject({ name: text, weight: count }).nullish(),
    })
    .nullish(),
  muleVersion: z.looseObject({ version: text, endOfSupportDate: count, javaVersion: text }).nullish(),
  properties: z.record(z.string(), z.unknown()).nullish(),
  propertiesOptions: z.record(z.string(), z.looseObject({ secure: flag }).nullish()).nullish(),
  persistentQueues: flag,
  monitoringAutoRestart: flag,
  staticIPsEnabled: flag,
  // Assumption (reference §13.2 names `objectStoreV1` in the deploy body only): the list may echo
  // the flag; where it does not, whether the application uses Object Store v1 is unknown, not "no".
  objectStoreV1: flag,
  lastUpdateTime: count,
});
export type WireCh1Application = z.infer<typeof ch1ApplicationSchema>;

const target = z.looseObject({ provider: text, targetId: text });

/** An Application Manager v2 deployment summary (`{"total": n, "items": [...]}`); the detail has the rest. */
export const deploymentSummarySchema = z.looseObject({
  id,
  name: text,
  status: text,
  target: target.nullish(),
  application: z.looseObject({ status: text }).nullish(),
  currentRuntimeVersion: text,
});

/** GET …/deployments/{deploymentId}: a CloudHub 2.0 / Runtime Fabric deployment (CGO application_manager_v2 Deployment). */
export const deploymentSchema = z.looseObject({
  id,
  name: z.string(),
  status: text,
  // Not `list`: replicas not reported must stay unknown, not "none running".
  replicas: z.array(z.looseObject({ state: text })).nullish(),
  application: z
    .looseObject({
      status: text,
      vCores: count,
      ref: z.looseObject({ artifactId: text, version: text }).nullish(),
      configuration: z.record(z.string(), z.unknown()).nullish(),
    })
    .nullish(),
  target: target
    .extend({
      replicas: count,
      deploymentSettings: z
        .looseObject({
          clustered: flag,
          enforceDeployingReplicasAcrossNodes: flag,
          runtime: z.looseObject({ version: text, java: text }).nullish(),
          // Autoscaling is off unless enabled (TF1 cloudhub2 deployment: enabled defaults to false).
          autoscaling: z
            .looseObject({ enabled: orDefault(z.boolean(), false), minReplicas: count, maxReplicas: count })
            .nullish(),
          http: z
            .looseObject({ inbound: z.looseObject({ publicUrl: text, lastMileSecurity: flag }).nullish() })
            .nullish(),
          // CGO DeploymentSettings carries lastMileSecurity here as well as under http.inbound; real answers use this one.
          lastMileSecurity: flag,
          // Assumption (reference §6.2): instanceType names come from third-party fixtures only.
          instanceType: text,
        })
        .nullish(),
    })
    .nullish(),
});
export type WireDeployment = z.infer<typeof deploymentSchema>;

/** A private-space summary of the Spring page `{"content": [...], "totalElements": n}`. */
export const privateSpaceSummarySchema = z.looseObject({ id, name: text, organizationId: text });

// CGO vpc firewallRule requires all four of cidrBlock, protocol, fromPort and toPort: a rule
// without one is left out (with a warning), its network kept.
const firewallRule = z.looseObject({
  cidrBlock: z.string(),
  protocol: z.string(),
  fromPort: z.number(),
  toPort: z.number(),
  // Private-space rules only (CGO private_space FirewallRule); VPC rules are inbound.
  type: text,
});

/** GET /runtimefabric/api/organizations/{orgId}/privatespaces/{id} (CGO private_space PrivateSpace: nothing required). */
// Assumption (reference §6.3): which of firewallRules / managedFirewallRules holds user rules is ambiguous: both are read.
export const privateSpaceSchema = z.looseObject({
  id,
  name: z.string(),
  organizationId: text,
  status: text,
  region: text,
  environments: z.looseObject({ type: text, businessGroups: strings }).nullish(),
  network: z
    .looseObject({
      region: text,
      cidrBlock: text,
      reservedCidrs: strings,
      inboundStaticIps: strings,
      outboundStaticIps: strings,
    })
    .nullish(),
  firewallRules: list(firewallRule),
  managedFirewallRules: list(firewallRule),
});
export type WirePrivateSpace = z.infer<typeof privateSpaceSchema>;

/**
 * …/privatespaces/{id}/connections: bare array (CGO private_space PrivateSpaceVpnConnection). A VPN's
 * state is its `vpnConnectionStatus`; CGO's PrivateSpaceVpnTunnel has no status, only its
 * configuration (and a pre-shared key the mapper drops).
 */
export const privateSpaceConnectionSchema = z.looseObject({
  id: text,
  name: text,
  vpns: list(
    z.looseObject({
      vpnId: text,
      name: z.string(),
      vpnConnectionStatus: text,
      remoteAsn: count,
      remoteIpAddress: text,
      staticRoutes: strings,
      vpnTunnels: list(z.looseObject({ ptpCidr: text, startupAction: text })),
    }),
  ),
});
export type WirePrivateSpaceConnection = z.infer<typeof privateSpaceConnectionSchema>;

/** …/privatespaces/{id}/tlsContexts: bare array (CGO private_space_tlscontext: nothing required). */
export const tlsContextSchema = z.looseObject({
  id,
  name: text,
  type: text,
  keyStore: z.looseObject({ cn: text, san: strings, expirationDate: text }).nullish(),
});
export type WireTlsContext = z.infer<typeof tlsContextSchema>;

/** A CloudHub 1.0 VPC (CGO vpc vpcCore: nothing required; isDefault false and empty lists by default). */
export const vpcSchema = z.looseObject({
  id,
  name: z.string(),
  region: text,
  cidrBlock: text,
  isDefault: orDefault(z.boolean(), false),
  ownerId: text,
  sharedWith: list(z.string()),
  associatedEnvironments: list(z.string()),
  firewallRules: list(firewallRule),
});
export type WireVpc = z.infer<typeof vpcSchema>;

/** A CloudHub 1.0 IPsec VPN (CGO vpn vpnCoreGet); `psk` fields are secrets the mapper never passes on. */
export const vpnSchema = z.looseObject({
  id,
  name: z.string(),
  // CGO spec requires name, remoteIpAddress and remoteNetworks on create; on read the portal needs none of them.
  spec: z
    .looseObject({
      remoteIpAddress: text,
      remoteAsn: count,
      remoteNetworks: strings,
      tunnelConfigs: list(z.looseObject({ ptpCidr: text })),
    })
    .nullish(),
  // Assumption (reference §8.1): tunnel `UP` wording is unconfirmed; status is read as a string.
  state: z
    .looseObject({
      vpnConnectionStatus: text,
      localAsn: count,
      vpnTunnels: list(z.looseObject({ status: text })),
    })
    .nullish(),
});
export type WireVpn = z.infer<typeof vpnSchema>;

// A mapping rule needs the path it matches and the app it sends to; the protocol defaults to http
// (CGO dlbPostBody mappings: default "http"; TF1 dlb), the app path to none.
const mappingSchema = z.looseObject({
  inputUri: z.string(),
  appName: z.string(),
  appUri: text,
  upstreamProtocol: orDefault(z.string(), "http"),
});

/** A dedicated load balancer (CGO dlb dlbCore); private key labels and digests are dropped by the mapper. */
// Assumption (reference §9.2): the exact `state` enum is unconfirmed; a state not answered stays unknown.
export const loadBalancerSchema = z.looseObject({
  id,
  name: z.string(),
  state: text,
  vpcId: text,
  workers: count,
  ipAddresses: strings,
  ipAllowlist: strings,
  ipWhitelist: strings,
  httpMode: text,
  tlsv1: flag,
  upstreamTlsv12: flag,
  defaultCipherSuite: text,
  // CGO dlbCore: defaultSslEndpoint defaults to 0.
  defaultSslEndpoint: orDefault(z.number(), 0),
  sslEndpoints: list(
    z.looseObject({
      publicKeyLabel: text,
      publicKeyDigest: text,
      publicKeyCN: text,
      // CGO dlbCore_sslEndpoints_inner: verifyClientMode defaults to "off".
      verifyClientMode: orDefault(z.string(), "off"),
      tlsv1: flag,
      mappings: list(mappingSchema),
    }),
  ),
});
export type WireLoadBalancer = z.infer<typeof loadBalancerSchema>;

/** One API Manager instance inside its Exchange asset group (CGO apim ..._apis_inner: nothing required). */
// Assumption (reference §10.1): values of stage, status and deployment.type are unconfirmed strings.
export const apiInstanceSchema = z.looseObject({
  id: z.number(),
  instanceLabel: text,
  assetId: text,
  assetVersion: text,
  productVersion: text,
  technology: text,
  status: text,
  endpointUri: text,
  deployment: z.looseObject({ applicationName: text, type: text, environmentId: text }).nullish(),
});
export type WireApiInstance = z.infer<typeof apiInstanceSchema>;

/** An asset of `{"total": n, "assets": [{…, "apis": [...]}]}`: API Manager instances grouped by asset. */
export const apiAssetSchema = z.looseObject({ assetId: text, apis: list(apiInstanceSchema) });

/** A policy of GET …/apis/{apiId}/policies (CGO apim_policy ApimPolicy: nothing required). */
// Assumption (reference §10.3): the default answer is a bare array, `{"policies": [...]}` with fullInfo; both are read.
export const apiPolicySchema = z
  .looseObject({
    id: count,
    assetId: text,
    assetVersion: text,
    order: count,
    disabled: orDefault(z.boolean(), false),
    policyTemplateId: z.union([z.string(), z.number()]).nullish(),
  })
  // A policy the portal cannot name is of no use to a rule.
  .refine((p) => p.assetId || p.policyTemplateId != null || p.id != null, {
    path: ["assetId"],
    message: "a policy needs an assetId, policyTemplateId or id",
  });
export type WireApiPolicy = z.infer<typeof apiPolicySchema>;
