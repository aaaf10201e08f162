import { z } from "zod";
import { AnypointError, createAnypointHttp, type AnypointHttpOptions, type RequestSpec } from "@/lib/anypoint/http";
import {
  apiAssetPageSchema,
  apiPolicySchema,
  ch1ApplicationSchema,
  dataEnvelope,
  deploymentListSchema,
  deploymentSchema,
  environmentSchema,
  loadBalancerSchema,
  meSchema,
  organizationSchema,
  privateSpaceConnectionSchema,
  privateSpaceSchema,
  privateSpaceSummarySchema,
  springPage,
  teamMemberSchema,
  teamRoleSchema,
  teamSchema,
  tlsContextSchema,
  tokenResponseSchema,
  usageSchema,
  vpcSchema,
  vpnSchema,
} from "@/lib/anypoint/wire";

/** The three control planes of the reference; a custom base URL covers Hyperforce and the simulator. */
export const controlPlaneUrls = {
  us: "https://anypoint.mulesoft.com",
  eu: "https://eu1.anypoint.mulesoft.com",
  gov: "https://gov.anypoint.mulesoft.com",
} as const;
export type ControlPlane = keyof typeof controlPlaneUrls;

export type AnypointClientOptions = Omit<AnypointHttpOptions, "baseUrl"> & {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Refresh the token this long before it expires. */
  tokenMarginMs?: number;
  /** Smaller pages (tests exercise paging with them). */
  pageSize?: Partial<Record<keyof typeof pageSizes, number>>;
};

/** Items per page where the API pages; the reference gives no maxima, these are the providers' defaults or below. */
export const pageSizes = { accounts: 100, deployments: 100, privateSpaces: 100, apis: 100 } as const;

/** Stops a server that ignores paging from looping forever. */
const maxPages = 1_000;

/**
 * Collects every item of an offset/limit paged list: asks for the next page until one comes back
 * short or the total is reached (the reference's rule of thumb).
 */
export async function collectPages<T>(
  endpoint: string,
  limit: number,
  fetchPage: (offset: number) => Promise<{ items: T[]; total?: number }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 0, offset = 0; ; page += 1, offset += limit) {
    if (page >= maxPages) {
      throw new AnypointError(endpoint, "unexpected_shape", `${endpoint} kept returning full pages past ${maxPages}`);
    }
    const { items, total } = await fetchPage(offset);
    all.push(...items);
    if (items.length < limit || (total !== undefined && offset + limit >= total)) return all;
  }
}

/**
 * A read-only client of the Anypoint Platform REST APIs for one connected app. It sends GET
 * requests only, apart from the client-credentials token request, and refreshes the token
 * before it expires (or once after a 401).
 */
export function createAnypointClient(options: AnypointClientOptions) {
  const http = createAnypointHttp(options);
  const sizes = { ...pageSizes, ...options.pageSize };
  const now = options.now ?? Date.now;
  const margin = options.tokenMarginMs ?? 60_000;
  let token: { value: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const answer = await http.request({
      method: "POST",
      path: "/accounts/api/v2/oauth2/token",
      form: { grant_type: "client_credentials", client_id: options.clientId, client_secret: options.clientSecret },
      schema: tokenResponseSchema,
    });
    token = { value: answer.access_token, expiresAt: now() + (answer.expires_in ?? 3600) * 1000 };
    return answer.access_token;
  }

  /** The current token; concurrent callers share one refresh. */
  async function accessToken(): Promise<string> {
    if (token && now() < token.expiresAt - margin) return token.value;
    pending ??= fetchToken().finally(() => {
      pending = null;
    });
    return pending;
  }

  async function get<S extends z.ZodType>(spec: Omit<RequestSpec<S>, "method" | "form">): Promise<z.output<S>> {
    const send = async () =>
      http.request({ ...spec, headers: { ...spec.headers, Authorization: `Bearer ${await accessToken()}` } });
    try {
      return await send();
    } catch (error) {
      // A token revoked or expired early: fetch a new one once.
      if (error instanceof AnypointError && error.status === 401) {
        token = null;
        return send();
      }
      throw error;
    }
  }

  const orgEnvHeaders = (orgId: string, envId: string) => ({ "X-ANYPNT-ORG-ID": orgId, "X-ANYPNT-ENV-ID": envId });
  const enc = encodeURIComponent;

  return {
    stats: http.stats,
    /** Requests the token now (connection tests). */
    authenticate: () => fetchToken(),

    /** GET /accounts/api/me: who the token belongs to. */
    me: () => get({ path: "/accounts/api/me", schema: meSchema }),

    /** GET /accounts/api/organizations/{orgId}: an organisation or business group with entitlements and environments. */
    organization: (orgId: string) =>
      get({ path: `/accounts/api/organizations/${enc(orgId)}`, schema: organizationSchema }),

    /** GET /accounts/api/cs/organizations/{orgId}/usage */
    usage: (orgId: string) => get({ path: `/accounts/api/cs/organizations/${enc(orgId)}/usage`, schema: usageSchema }),

    /** GET /accounts/api/organizations/{orgId}/environments (`{data,total}`, not paged). */
    environments: async (orgId: string) =>
      (
        await get({
          path: `/accounts/api/organizations/${enc(orgId)}/environments`,
          schema: dataEnvelope(environmentSchema),
        })
      ).data,

    /** GET /accounts/api/organizations/{rootOrgId}/teams, every page. */
    teams: (rootOrgId: string) => {
      const path = `/accounts/api/organizations/${enc(rootOrgId)}/teams`;
      return collectPages(`GET ${path}`, sizes.accounts, async (offset) => {
        const page = await get({
          path,
          query: { limit: sizes.accounts, offset },
          schema: dataEnvelope(teamSchema),
        });
        return { items: page.data, total: page.total };
      });
    },

    /** GET …/teams/{teamId}/members, every page. */
    teamMembers: (rootOrgId: string, teamId: string) => {
      const path = `/accounts/api/organizations/${enc(rootOrgId)}/teams/${enc(teamId)}/members`;
      return collectPages(`GET ${path}`, sizes.accounts, async (offset) => {
        const page = await get({
          path,
          query: { limit: sizes.accounts, offset },
          schema: dataEnvelope(teamMemberSchema),
        });
        return { items: page.data, total: page.total };
      });
    },

    /** GET …/teams/{teamId}/roles, every page. */
    teamRoles: (rootOrgId: string, teamId: string) => {
      const path = `/accounts/api/organizations/${enc(rootOrgId)}/teams/${enc(teamId)}/roles`;
      return collectPages(`GET ${path}`, sizes.accounts, async (offset) => {
        const page = await get({
          path,
          query: { limit: sizes.accounts, offset },
          schema: dataEnvelope(teamRoleSchema),
        });
        return { items: page.data, total: page.total };
      });
    },

    /** GET /cloudhub/api/v2/applications with the org and environment headers (bare array). */
    ch1Applications: (orgId: string, envId: string) =>
      get({
        path: "/cloudhub/api/v2/applications",
        headers: orgEnvHeaders(orgId, envId),
        schema: z.array(ch1ApplicationSchema),
      }),

    /** GET /amc/application-manager/api/v2/organizations/{orgId}/environments/{envId}/deployments, every page. */
    deployments: (orgId: string, envId: string) => {
      const path = `/amc/application-manager/api/v2/organizations/${enc(orgId)}/environments/${enc(envId)}/deployments`;
      return collectPages(`GET ${path}`, sizes.deployments, async (offset) => {
        const page = await get({ path, query: { offset, limit: sizes.deployments }, schema: deploymentListSchema });
        return { items: page.items, total: page.total };
      });
    },

    /** GET …/deployments/{deploymentId}: replicas, vCores and target settings. */
    deployment: (orgId: string, envId: string, deploymentId: string) =>
      get({
        path: `/amc/application-manager/api/v2/organizations/${enc(orgId)}/environments/${enc(envId)}/deployments/${enc(deploymentId)}`,
        schema: deploymentSchema,
      }),

    /** GET /runtimefabric/api/organizations/{orgId}/privatespaces (Spring page), every page. */
    privateSpaces: (orgId: string) => {
      const path = `/runtimefabric/api/organizations/${enc(orgId)}/privatespaces`;
      return collectPages(`GET ${path}`, sizes.privateSpaces, async (offset) => {
        const page = await get({
          path,
          query: { offset, limit: sizes.privateSpaces },
          schema: springPage(privateSpaceSummarySchema),
        });
        return { items: page.content, total: page.totalElements };
      });
    },

    /** GET …/privatespaces/{id}: network and firewall rules. */
    privateSpace: (orgId: string, spaceId: string) =>
      get({
        path: `/runtimefabric/api/organizations/${enc(orgId)}/privatespaces/${enc(spaceId)}`,
        schema: privateSpaceSchema,
      }),

    /** GET …/privatespaces/{id}/connections (bare array). */
    privateSpaceConnections: (orgId: string, spaceId: string) =>
      get({
        path: `/runtimefabric/api/organizations/${enc(orgId)}/privatespaces/${enc(spaceId)}/connections`,
        schema: z.array(privateSpaceConnectionSchema),
      }),

    /** GET …/privatespaces/{id}/tlsContexts (bare array). */
    privateSpaceTlsContexts: (orgId: string, spaceId: string) =>
      get({
        path: `/runtimefabric/api/organizations/${enc(orgId)}/privatespaces/${enc(spaceId)}/tlsContexts`,
        schema: z.array(tlsContextSchema),
      }),

    /** GET /cloudhub/api/organizations/{orgId}/vpcs (`{data,total}`, not paged). */
    vpcs: async (orgId: string) =>
      (await get({ path: `/cloudhub/api/organizations/${enc(orgId)}/vpcs`, schema: dataEnvelope(vpcSchema) })).data,

    /** GET …/vpcs/{vpcId}/ipsec */
    vpns: async (orgId: string, vpcId: string) =>
      (
        await get({
          path: `/cloudhub/api/organizations/${enc(orgId)}/vpcs/${enc(vpcId)}/ipsec`,
          schema: dataEnvelope(vpnSchema),
        })
      ).data,

    /** GET …/vpcs/{vpcId}/loadbalancers */
    loadBalancers: async (orgId: string, vpcId: string) =>
      (
        await get({
          path: `/cloudhub/api/organizations/${enc(orgId)}/vpcs/${enc(vpcId)}/loadbalancers`,
          schema: dataEnvelope(loadBalancerSchema),
        })
      ).data,

    /** GET /apimanager/api/v1/organizations/{orgId}/environments/{envId}/apis, every page, flattened. */
    apiInstances: async (orgId: string, envId: string) => {
      const path = `/apimanager/api/v1/organizations/${enc(orgId)}/environments/${enc(envId)}/apis`;
      // Pages count assets (each holding its instances), so a page is short when it has fewer assets.
      const assets = await collectPages(`GET ${path}`, sizes.apis, async (offset) => {
        const page = await get({ path, query: { limit: sizes.apis, offset }, schema: apiAssetPageSchema });
        return { items: page.assets, total: page.total };
      });
      return assets.flatMap((asset) => asset.apis);
    },

    /** GET …/apis/{apiId}/policies (bare array). */
    apiPolicies: (orgId: string, envId: string, apiId: number) =>
      get({
        path: `/apimanager/api/v1/organizations/${enc(orgId)}/environments/${enc(envId)}/apis/${apiId}/policies`,
        schema: z.array(apiPolicySchema),
      }),
  };
}

export type AnypointClient = ReturnType<typeof createAnypointClient>;
