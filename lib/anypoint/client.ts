import { z } from "zod";
import { AnypointError, createAnypointHttp, type AnypointHttpOptions, type RequestSpec } from "@/lib/anypoint/http";
import { readList, readRecord } from "@/lib/anypoint/tolerant";
import {
  apiAssetSchema,
  apiPolicySchema,
  ch1ApplicationSchema,
  deploymentSchema,
  deploymentSummarySchema,
  environmentSchema,
  loadBalancerSchema,
  meSchema,
  organizationSchema,
  privateSpaceConnectionSchema,
  privateSpaceSchema,
  privateSpaceSummarySchema,
  teamMemberSchema,
  teamRoleSchema,
  teamSchema,
  tlsContextSchema,
  tokenResponseSchema,
  usageSchema,
  vpcSchema,
  vpnSchema,
} from "@/lib/anypoint/wire";
import {
  fabricAssociationSchema,
  fabricSchema,
  hybridApplicationSchema,
  hybridClusterSchema,
  hybridServerGroupSchema,
  hybridServerSchema,
  mqDestinationSchema,
  mqRegionSchema,
  objectStorePageSchema,
  objectStoreSchema,
} from "@/lib/anypoint/wire-runtimes";
import type { ReadWarning } from "@/lib/domain/live/read-warning";

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
// MQ destinations: the admin API's documented default page (20); a larger limit the server caps
// silently would look like a short, last page.
export const pageSizes = {
  accounts: 100,
  deployments: 100,
  privateSpaces: 100,
  apis: 100,
  mqDestinations: 20,
  objectStores: 100,
} as const;

/**
 * Where Object Store v2 answers for a region (part 2 §F): a regional host on MuleSoft's control
 * planes, `{base}/object-store/{region}` on any other base URL (the simulator, a stand-in).
 */
// Assumption: only the US host (object-store-us-east-1.anypoint.mulesoft.com) is documented; the
// EU and Gov planes are taken to follow `object-store-{region}.<plane host>`.
export function objectStoreLocation(baseUrl: string, region: string): { origin: string; prefix: string } {
  const url = new URL(baseUrl);
  const base = baseUrl.replace(/\/+$/, "");
  return url.hostname === "anypoint.mulesoft.com" || url.hostname.endsWith(".anypoint.mulesoft.com")
    ? { origin: `https://object-store-${region}.${url.hostname}`, prefix: "" }
    : { origin: base, prefix: `/object-store/${encodeURIComponent(region)}` };
}

/** Stops a server that ignores paging from looping forever. */
const maxPages = 1_000;

/**
 * Collects every item of an offset/limit paged list: asks for the next page until one comes back
 * short or the total is reached (the reference's rule of thumb).
 */
export async function collectPages<T>(
  endpoint: string,
  limit: number,
  fetchPage: (offset: number) => Promise<{ items: T[]; total?: number; received?: number }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 0, offset = 0; ; page += 1, offset += limit) {
    if (page >= maxPages) {
      throw new AnypointError(endpoint, "unexpected_shape", `${endpoint} kept returning full pages past ${maxPages}`);
    }
    const { items, total, received = items.length } = await fetchPage(offset);
    all.push(...items);
    // A page is short by what the server sent, not by what was kept: a left-out record ends no list.
    if (received < limit || (total !== undefined && offset + limit >= total)) return all;
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

  type Call = Omit<RequestSpec<z.ZodUnknown>, "method" | "form" | "schema">;
  /** What the reads of this client left out; a sync takes the ones its read added. */
  const warnings: ReadWarning[] = [];
  /** Per list a reader answered, what it left out of it: the sync keeps the last known state of those records. */
  const leftOut = new WeakMap<object, ReadWarning[]>();
  const remember = <T extends object>(list: T, dropped: readonly ReadWarning[]): T => {
    if (dropped.length) leftOut.set(list, [...(leftOut.get(list) ?? []), ...dropped]);
    return list;
  };

  /** A list answer, item by item (bare array or `{key: [...]}`): a bad item is left out with a warning. */
  async function getList<S extends z.ZodType>(call: Call, key: string, item: S) {
    const read = readList(`GET ${call.path}`, await get({ ...call, schema: z.unknown() }), key, item);
    warnings.push(...read.warnings);
    return read;
  }

  /** The items of an unpaged list answer. */
  async function getItems<S extends z.ZodType>(call: Call, key: string, item: S): Promise<z.output<S>[]> {
    const read = await getList(call, key, item);
    return remember(read.items, read.warnings);
  }

  /** A single record; a bad element of its nested lists is left out with a warning. */
  async function getRecord<S extends z.ZodType>(call: Call, schema: S): Promise<z.output<S>> {
    const read = readRecord(`GET ${call.path}`, await get({ ...call, schema: z.unknown() }), schema);
    warnings.push(...read.warnings);
    return read.data;
  }

  /** Every page of an offset/limit list. */
  async function getPages<S extends z.ZodType>(path: string, limit: number, key: string, item: S) {
    const dropped: ReadWarning[] = [];
    const items = await collectPages(`GET ${path}`, limit, async (offset) => {
      const read = await getList({ path, query: { limit, offset } }, key, item);
      dropped.push(...read.warnings);
      return read;
    });
    return remember(items, dropped);
  }

  const orgEnvHeaders = (orgId: string, envId: string) => ({ "X-ANYPNT-ORG-ID": orgId, "X-ANYPNT-ENV-ID": envId });
  const enc = encodeURIComponent;

  return {
    stats: http.stats,
    /** Records the reads left out, oldest first (see lib/domain/live/read-warning.ts). */
    warnings: warnings as readonly ReadWarning[],
    /** What the reader that answered `list` left out of it (records, or entries of records), in answer order. */
    leftOut: (list: object): readonly ReadWarning[] => leftOut.get(list) ?? [],
    /** Requests the token now (connection tests). */
    authenticate: () => fetchToken(),

    /** GET /accounts/api/me: who the token belongs to. */
    me: () => get({ path: "/accounts/api/me", schema: meSchema }),

    /** GET /accounts/api/organizations/{orgId}: an organisation or business group with entitlements and environments. */
    organization: (orgId: string) =>
      getRecord({ path: `/accounts/api/organizations/${enc(orgId)}` }, organizationSchema),

    /** GET /accounts/api/cs/organizations/{orgId}/usage */
    usage: (orgId: string) => getRecord({ path: `/accounts/api/cs/organizations/${enc(orgId)}/usage` }, usageSchema),

    /** GET /accounts/api/organizations/{orgId}/environments (`{data,total}`, not paged). */
    environments: (orgId: string) =>
      getItems({ path: `/accounts/api/organizations/${enc(orgId)}/environments` }, "data", environmentSchema),

    /** GET /accounts/api/organizations/{rootOrgId}/teams, every page. */
    teams: (rootOrgId: string) =>
      getPages(`/accounts/api/organizations/${enc(rootOrgId)}/teams`, sizes.accounts, "data", teamSchema),

    /** GET …/teams/{teamId}/members, every page. */
    teamMembers: (rootOrgId: string, teamId: string) =>
      getPages(
        `/accounts/api/organizations/${enc(rootOrgId)}/teams/${enc(teamId)}/members`,
        sizes.accounts,
        "data",
        teamMemberSchema,
      ),

    /** GET …/teams/{teamId}/roles, every page. */
    teamRoles: (rootOrgId: string, teamId: string) =>
      getPages(
        `/accounts/api/organizations/${enc(rootOrgId)}/teams/${enc(teamId)}/roles`,
        sizes.accounts,
        "data",
        teamRoleSchema,
      ),

    /** GET /cloudhub/api/v2/applications with the org and environment headers (bare array). */
    ch1Applications: (orgId: string, envId: string) =>
      getItems(
        { path: "/cloudhub/api/v2/applications", headers: orgEnvHeaders(orgId, envId) },
        "data",
        ch1ApplicationSchema,
      ),

    /** GET /amc/application-manager/api/v2/organizations/{orgId}/environments/{envId}/deployments, every page. */
    deployments: (orgId: string, envId: string) =>
      getPages(
        `/amc/application-manager/api/v2/organizations/${enc(orgId)}/environments/${enc(envId)}/deployments`,
        sizes.deployments,
        "items",
        deploymentSummarySchema,
      ),

    /** GET …/deployments/{deploymentId}: replicas, vCores and target settings. */
    deployment: (orgId: string, envId: string, deploymentId: string) =>
      getRecord(
        {
          path: `/amc/application-manager/api/v2/organizations/${enc(orgId)}/environments/${enc(envId)}/deployments/${enc(deploymentId)}`,
        },
        deploymentSchema,
      ),

    /** GET /runtimefabric/api/organizations/{orgId}/privatespaces (Spring page), every page. */
    privateSpaces: (orgId: string) =>
      getPages(
        `/runtimefabric/api/organizations/${enc(orgId)}/privatespaces`,
        sizes.privateSpaces,
        "content",
        privateSpaceSummarySchema,
      ),

    /** GET …/privatespaces/{id}: network and firewall rules. */
    privateSpace: (orgId: string, spaceId: string) =>
      getRecord(
        { path: `/runtimefabric/api/organizations/${enc(orgId)}/privatespaces/${enc(spaceId)}` },
        privateSpaceSchema,
      ),

    /** GET …/privatespaces/{id}/connections (bare array). */
    privateSpaceConnections: (orgId: string, spaceId: string) =>
      getItems(
        { path: `/runtimefabric/api/organizations/${enc(orgId)}/privatespaces/${enc(spaceId)}/connections` },
        "data",
        privateSpaceConnectionSchema,
      ),

    /** GET …/privatespaces/{id}/tlsContexts (bare array). */
    privateSpaceTlsContexts: (orgId: string, spaceId: string) =>
      getItems(
        { path: `/runtimefabric/api/organizations/${enc(orgId)}/privatespaces/${enc(spaceId)}/tlsContexts` },
        "data",
        tlsContextSchema,
      ),

    /** GET /cloudhub/api/organizations/{orgId}/vpcs (`{data,total}`, not paged). */
    vpcs: (orgId: string) => getItems({ path: `/cloudhub/api/organizations/${enc(orgId)}/vpcs` }, "data", vpcSchema),

    /** GET …/vpcs/{vpcId}/ipsec */
    vpns: (orgId: string, vpcId: string) =>
      getItems({ path: `/cloudhub/api/organizations/${enc(orgId)}/vpcs/${enc(vpcId)}/ipsec` }, "data", vpnSchema),

    /** GET …/vpcs/{vpcId}/loadbalancers */
    loadBalancers: (orgId: string, vpcId: string) =>
      getItems(
        { path: `/cloudhub/api/organizations/${enc(orgId)}/vpcs/${enc(vpcId)}/loadbalancers` },
        "data",
        loadBalancerSchema,
      ),

    /** GET /apimanager/api/v1/organizations/{orgId}/environments/{envId}/apis, every page, flattened. */
    apiInstances: async (orgId: string, envId: string) => {
      // Pages count assets (each holding its instances), so a page is short when it has fewer assets.
      const assets = await getPages(
        `/apimanager/api/v1/organizations/${enc(orgId)}/environments/${enc(envId)}/apis`,
        sizes.apis,
        "assets",
        apiAssetSchema,
      );
      // An asset or an instance inside one left out: which instance is not known, only the list is incomplete.
      return remember(
        assets.flatMap((asset) => asset.apis),
        leftOut.get(assets) ?? [],
      );
    },

    /** GET /runtimefabric/api/organizations/{orgId}/fabrics (bare array). */
    fabrics: (orgId: string) =>
      getItems({ path: `/runtimefabric/api/organizations/${enc(orgId)}/fabrics` }, "data", fabricSchema),

    /** GET …/fabrics/{fabricId}/associations: the environments a fabric serves (bare array). */
    fabricAssociations: (orgId: string, fabricId: string) =>
      getItems(
        { path: `/runtimefabric/api/organizations/${enc(orgId)}/fabrics/${enc(fabricId)}/associations` },
        "data",
        fabricAssociationSchema,
      ),

    /** GET /hybrid/api/v1/servers with the org and environment headers (`{data: [...]}`, not paged). */
    hybridServers: (orgId: string, envId: string) =>
      getItems({ path: "/hybrid/api/v1/servers", headers: orgEnvHeaders(orgId, envId) }, "data", hybridServerSchema),

    /** GET /hybrid/api/v1/clusters, each with its member servers. */
    hybridClusters: (orgId: string, envId: string) =>
      getItems({ path: "/hybrid/api/v1/clusters", headers: orgEnvHeaders(orgId, envId) }, "data", hybridClusterSchema),

    /** GET /hybrid/api/v1/serverGroups, each with its servers. */
    hybridServerGroups: (orgId: string, envId: string) =>
      getItems(
        { path: "/hybrid/api/v1/serverGroups", headers: orgEnvHeaders(orgId, envId) },
        "data",
        hybridServerGroupSchema,
      ),

    /** GET /hybrid/api/v1/applications: applications on servers, groups and clusters. */
    hybridApplications: (orgId: string, envId: string) =>
      getItems(
        { path: "/hybrid/api/v1/applications", headers: orgEnvHeaders(orgId, envId) },
        "data",
        hybridApplicationSchema,
      ),

    /** GET /mq/admin/api/v1/organizations/{orgId}/environments/{envId}/regions (bare array or `{data}`). */
    mqRegions: (orgId: string, envId: string) =>
      getItems(
        { path: `/mq/admin/api/v1/organizations/${enc(orgId)}/environments/${enc(envId)}/regions` },
        "data",
        mqRegionSchema,
      ),

    /** GET …/regions/{regionId}/destinations, every page: queues and exchanges. */
    mqDestinations: (orgId: string, envId: string, regionId: string) =>
      getPages(
        // Every field, not the minimal view: a dead-letter queue left out would read as none.
        `/mq/admin/api/v1/organizations/${enc(orgId)}/environments/${enc(envId)}/regions/${enc(regionId)}/destinations?inclusion=all`,
        sizes.mqDestinations,
        "data",
        mqDestinationSchema,
      ),

    /** GET {Object Store host}/api/v1/organizations/{orgId}/environments/{envId}/stores, every token page. */
    objectStores: async (orgId: string, envId: string, region: string) => {
      const { origin, prefix } = objectStoreLocation(options.baseUrl, region);
      const path = `${prefix}/api/v1/organizations/${enc(orgId)}/environments/${enc(envId)}/stores`;
      const stores: z.output<typeof objectStoreSchema>[] = [];
      const dropped: ReadWarning[] = [];
      let token: string | null = null;
      for (let page = 0; page < 1_000; page += 1) {
        const answer: z.output<typeof objectStorePageSchema> = await get({
          path,
          origin,
          query: { pageSize: sizes.objectStores, nextPageToken: token ?? undefined },
          schema: objectStorePageSchema,
        });
        const read = readList(`GET ${origin}${path}`, answer.values ?? [], "values", objectStoreSchema);
        warnings.push(...read.warnings);
        dropped.push(...read.warnings);
        stores.push(...read.items);
        // A token that does not move on would loop forever: stop, as on a last page.
        if (!answer.nextPageToken || answer.nextPageToken === token) return remember(stores, dropped);
        token = answer.nextPageToken;
      }
      throw new AnypointError(`GET ${origin}${path}`, "unexpected_shape", `GET ${path} kept answering more pages`);
    },

    /** GET …/apis/{apiId}/policies (bare array; `{policies: [...]}` with fullInfo). */
    apiPolicies: (orgId: string, envId: string, apiId: number) =>
      getItems(
        {
          path: `/apimanager/api/v1/organizations/${enc(orgId)}/environments/${enc(envId)}/apis/${apiId}/policies`,
        },
        "policies",
        apiPolicySchema,
      ),
  };
}

export type AnypointClient = ReturnType<typeof createAnypointClient>;
