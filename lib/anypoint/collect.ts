import type { AnypointClient } from "@/lib/anypoint/client";
import { AnypointError } from "@/lib/anypoint/http";
import type {
  WireApiInstance,
  WireApiPolicy,
  WireCh1Application,
  WireDeployment,
  WireEnvironment,
  WireLoadBalancer,
  WireOrganization,
  WirePrivateSpace,
  WirePrivateSpaceConnection,
  WireTeam,
  WireTeamMember,
  WireTeamRole,
  WireTlsContext,
  WireUsage,
  WireVpc,
  WireVpn,
} from "@/lib/anypoint/wire";
import { readEnvironmentRuntimes, readFabrics, type RuntimesRead } from "@/lib/anypoint/collect-runtimes";
import { describeReadScope, unreadableScope, type ReadScope, type ReadScopePlace } from "@/lib/domain/live/read-scope";
import { describeReadWarning, type ReadWarning } from "@/lib/domain/live/read-warning";
import type { LiveKind } from "@/lib/domain/live/snapshot";

/** Everything one sync read, still in wire shapes (secrets included: only the mapper may see this). */
export type EstateRead = {
  rootOrgId: string;
  organizations: WireOrganization[];
  usage: Map<string, WireUsage>;
  environments: { orgId: string; environment: WireEnvironment }[];
  // A list that is null was not read (its scope says why); empty means read and empty.
  teams: { team: WireTeam; members: WireTeamMember[] | null; roles: WireTeamRole[] | null }[];
  vpcs: { orgId: string; vpc: WireVpc; vpns: WireVpn[] | null; loadBalancers: WireLoadBalancer[] | null }[];
  applications: { orgId: string; envId: string; application: WireCh1Application }[];
  deployments: { orgId: string; envId: string; deployment: WireDeployment }[];
  privateSpaces: {
    orgId: string;
    space: WirePrivateSpace;
    connections: WirePrivateSpaceConnection[] | null;
    tlsContexts: WireTlsContext[] | null;
  }[];
  apis: { orgId: string; envId: string; api: WireApiInstance; policies: WireApiPolicy[] | null }[];
  /** Runtime Fabrics, on-premise runtimes, MQ destinations and Object Store stores. */
  runtimes: RuntimesRead;
  /** What could not be read: one entry per failed call, naming the kinds and place it guards; absent means read completely. */
  scopes: ReadScope[];
  /** The scopes and record warnings as text, one line each, for people (stored with the sync run). */
  warnings: string[];
  /** The records (or parts) left out because they did not fit their schema; also in `warnings`. */
  readWarnings: ReadWarning[];
};

/** Progress of a read: which step is done and how many items it found. */
export type ReadProgress = { step: string; count: number };

export type ReadOptions = {
  /** The root organisation; resolved from /accounts/api/me when absent. */
  orgId?: string | null;
  onProgress?: (progress: ReadProgress) => void;
  /** Regions the plan uses (its queues, stores, VPCs): Object Store (and MQ without its regions call) is asked there too. */
  regions?: readonly string[];
};

// What each call reads, including what is read through it: a failed call makes all of it unknown.
const environmentKinds: LiveKind[] = ["environment", "application", "api-instance"];
const loadBalancerKinds: LiveKind[] = ["load-balancer", "tls-endpoint", "mapping-rule"];
const vpcKinds: LiveKind[] = ["vpc", "firewall-rule", "vpn", ...loadBalancerKinds];
const privateSpaceKinds: LiveKind[] = ["private-space", "firewall-rule", "vpn", "tls-endpoint"];
const businessGroupKinds: LiveKind[] = [
  "business-group",
  "entitlement",
  ...environmentKinds,
  ...vpcKinds,
  "private-space",
];

/** Failures after which nothing is readable: the token refused, a cancelled sync, a bug of ours. */
const endsTheRead = (error: unknown) =>
  !(error instanceof AnypointError) || error.kind === "aborted" || error.endpoint.endsWith("/oauth2/token");

/**
 * How a list's records are named in the snapshot: the external id a record's wire id becomes.
 * Without one, a record left out of the list makes the whole list's scope unread.
 */
type RecordIds = { externalId: (recordId: string) => string; kinds?: LiveKind[] };

/**
 * Reads an Anypoint organisation: the business-group tree (breadth first over
 * subOrganizationIds), then per business group its environments, usage, VPCs with VPNs and load
 * balancers, private spaces, and per environment its CloudHub 1.0 applications, CloudHub 2.0
 * deployments (with details) and API instances (with policies); teams from the root. A call that
 * fails (refused, not found, still failing after retries, unreadable) leaves out only what it
 * reads, reported as an unreadable scope; only a refused token, an unreadable root organisation
 * or a cancellation end the read.
 */
export async function readEstate(client: AnypointClient, options: ReadOptions = {}): Promise<EstateRead> {
  const progress = options.onProgress ?? (() => undefined);
  const readWarnings: ReadWarning[] = [];
  const scopes: ReadScope[] = [];
  const firstClientWarning = client.warnings.length;

  /**
   * The call's answer, or null with the scope it guards reported unreadable. A list answer whose
   * reader left records out reports each of them as an unread scope of one record (so the sync
   * keeps what it knew of them), or the whole list's scope when their ids cannot be told.
   */
  async function scoped<T>(
    read: Promise<T>,
    kinds: LiveKind[],
    place: ReadScopePlace,
    records?: RecordIds,
  ): Promise<T | null> {
    let answer: T;
    try {
      answer = await read;
    } catch (error) {
      if (endsTheRead(error)) throw error;
      scopes.push(unreadableScope(kinds, (error as AnypointError).message, place));
      return null;
    }
    if (answer && typeof answer === "object") {
      const dropped = client.leftOut(answer).filter((w) => w.leftOut === "record" || !records);
      const unnamed = dropped.filter((w) => !records || !w.recordId);
      for (const warning of dropped) {
        if (!records || !warning.recordId) continue;
        scopes.push(
          unreadableScope(
            records.kinds ?? kinds,
            `${warning.endpoint} answered record ${warning.recordId} in a shape the portal does not understand (${warning.path})`,
            { ...place, idPrefix: null, resource: records.externalId(warning.recordId), resourceName: null },
          ),
        );
      }
      if (unnamed.length) {
        scopes.push(
          unreadableScope(
            kinds,
            `${unnamed[0]!.endpoint} answered ${unnamed.length} record(s) the portal could not read (${unnamed[0]!.path})`,
            place,
          ),
        );
      }
    }
    return answer;
  }

  const rootOrgId = options.orgId || (await client.me()).client?.org_id || null;
  if (!rootOrgId) {
    throw new AnypointError(
      "GET /accounts/api/me",
      "unexpected_shape",
      "GET /accounts/api/me did not say which organisation the connected app belongs to; set the organisation id",
    );
  }

  // Business groups, breadth first; ids seen once even if the tree repeats them. A business group
  // that cannot be read hides its name and sub-groups too: its scope is named by id.
  const organizations: WireOrganization[] = [];
  const seen = new Set<string>();
  let level = [rootOrgId];
  while (level.length) {
    const fresh = level.filter((id) => !seen.has(id));
    fresh.forEach((id) => seen.add(id));
    const found = await Promise.all(
      fresh.map((id) =>
        id === rootOrgId
          ? client.organization(id)
          : scoped(client.organization(id), businessGroupKinds, { businessGroupId: id, resource: id }),
      ),
    );
    const orgs = found.filter((o): o is WireOrganization => o !== null);
    organizations.push(...orgs);
    level = orgs.flatMap((o) => o.subOrganizationIds);
  }
  progress({ step: "business-group", count: organizations.length });

  const usage = new Map<string, WireUsage>();
  const environments: EstateRead["environments"] = [];
  const vpcs: EstateRead["vpcs"] = [];
  const privateSpaces: EstateRead["privateSpaces"] = [];
  const vpcIds = new Set<string>();
  const fabrics: RuntimesRead["fabrics"] = [];

  await Promise.all(
    organizations.map(async (org) => {
      const group = { businessGroup: org.name, businessGroupId: org.id };
      const [envs, used, orgVpcs, spaces, orgFabrics] = await Promise.all([
        scoped(client.environments(org.id), environmentKinds, group, { externalId: (id) => id }),
        // Without usage the entitlements are still read: only what they consume is unknown.
        scoped(client.usage(org.id), ["entitlement"], { ...group, attribute: "consumed" }),
        scoped(client.vpcs(org.id), vpcKinds, group, { externalId: (id) => id }),
        scoped(client.privateSpaces(org.id), privateSpaceKinds, group, { externalId: (id) => id }),
        readFabrics(client, scoped, org.id, group),
      ]);
      fabrics.push(...orgFabrics);
      if (used) usage.set(org.id, used);
      environments.push(...(envs ?? []).map((environment) => ({ orgId: org.id, environment })));
      for (const vpc of orgVpcs ?? []) {
        // A VPC shared with business groups is listed by each of them: keep the first.
        if (vpcIds.has(vpc.id)) continue;
        vpcIds.add(vpc.id);
        const [vpns, loadBalancers] = await Promise.all([
          scoped(
            client.vpns(org.id, vpc.id),
            ["vpn"],
            { ...group, resource: vpc.id, resourceName: vpc.name },
            { externalId: (id) => id },
          ),
          scoped(
            client.loadBalancers(org.id, vpc.id),
            loadBalancerKinds,
            { ...group, resource: vpc.id, resourceName: vpc.name },
            { externalId: (id) => id },
          ),
        ]);
        vpcs.push({ orgId: org.id, vpc, vpns, loadBalancers });
      }
      for (const summary of spaces ?? []) {
        const place = { ...group, resource: summary.id, resourceName: summary.name ?? null };
        const [space, connections, tlsContexts] = await Promise.all([
          scoped(client.privateSpace(org.id, summary.id), privateSpaceKinds, place),
          scoped(client.privateSpaceConnections(org.id, summary.id), ["vpn"], place),
          scoped(client.privateSpaceTlsContexts(org.id, summary.id), ["tls-endpoint"], place),
        ]);
        if (space) privateSpaces.push({ orgId: org.id, space, connections, tlsContexts });
      }
    }),
  );
  progress({ step: "environment", count: environments.length });
  progress({ step: "vpc", count: vpcs.length });
  progress({ step: "private-space", count: privateSpaces.length });

  const orgName = new Map(organizations.map((o) => [o.id, o.name]));
  const applications: EstateRead["applications"] = [];
  const deployments: EstateRead["deployments"] = [];
  const apis: EstateRead["apis"] = [];
  await Promise.all(
    environments.map(async ({ orgId, environment }) => {
      const envId = environment.id;
      const place = {
        businessGroup: orgName.get(orgId) ?? null,
        businessGroupId: orgId,
        environment: environment.name,
      };
      const [ch1, summaries, instances] = await Promise.all([
        scoped(
          client.ch1Applications(orgId, envId),
          ["application"],
          { ...place, idPrefix: "ch1:" },
          { externalId: (domain) => `ch1:${envId}:${domain}` },
        ),
        scoped(
          client.deployments(orgId, envId),
          ["application"],
          { ...place, idPrefix: "ch2:" },
          { externalId: (id) => `ch2:${id}` },
        ),
        scoped(client.apiInstances(orgId, envId), ["api-instance"], place),
      ]);
      applications.push(...(ch1 ?? []).map((application) => ({ orgId, envId, application })));
      // Deployment details and API policies come from different services: read them side by side.
      const [details, policies] = await Promise.all([
        Promise.all(
          (summaries ?? []).map((s) =>
            scoped(client.deployment(orgId, envId, s.id), ["application"], {
              ...place,
              resource: `ch2:${s.id}`,
              resourceName: s.name ?? null,
            }),
          ),
        ),
        Promise.all(
          (instances ?? []).map((api) =>
            scoped(client.apiPolicies(orgId, envId, api.id), ["api-instance"], {
              ...place,
              attribute: "policies",
              resource: String(api.id),
              resourceName: api.instanceLabel || api.assetId || null,
            }),
          ),
        ),
      ]);
      for (const deployment of details) if (deployment) deployments.push({ orgId, envId, deployment });
      apis.push(...(instances ?? []).map((api, i) => ({ orgId, envId, api, policies: policies[i] ?? null })));
    }),
  );
  // Object Store (and MQ where its regions call is missing) is asked in every region the estate or the plan uses.
  const regions = [
    ...new Set(
      [
        ...(options.regions ?? []),
        ...vpcs.map((v) => v.vpc.region),
        ...privateSpaces.map((p) => p.space.region ?? p.space.network?.region),
        ...applications.map((a) => a.application.region),
        ...fabrics.map((f) => f.fabric.region),
      ].filter((r): r is string => !!r),
    ),
  ].sort();
  const runtimes: RuntimesRead = { fabrics, hybrid: [], mq: [], objectStores: [] };
  for (const read of await Promise.all(
    environments.map(({ orgId, environment }) =>
      readEnvironmentRuntimes(client, scoped, {
        orgId,
        envId: environment.id,
        place: { businessGroup: orgName.get(orgId) ?? null, businessGroupId: orgId, environment: environment.name },
        regions,
      }),
    ),
  )) {
    runtimes.hybrid.push(...read.hybrid);
    runtimes.mq.push(...read.mq);
    runtimes.objectStores.push(...read.objectStores);
  }
  progress({ step: "application", count: applications.length + deployments.length });
  progress({ step: "api-instance", count: apis.length });

  const teamList = await scoped(client.teams(rootOrgId), ["team", "team-permission"], {}, { externalId: (id) => id });
  const teams: EstateRead["teams"] = await Promise.all(
    (teamList ?? []).map(async (team) => {
      const [members, roles] = await Promise.all([
        scoped(client.teamMembers(rootOrgId, team.team_id), ["team"], {
          attribute: "members",
          resource: team.team_id,
          resourceName: team.team_name,
        }),
        scoped(client.teamRoles(rootOrgId, team.team_id), ["team-permission"], {
          resource: team.team_id,
          resourceName: team.team_name,
        }),
      ]);
      return { team, members, roles };
    }),
  );
  progress({ step: "team", count: teams.length });

  // What was not read, what the client left out during this read, then what this read left out.
  readWarnings.unshift(...client.warnings.slice(firstClientWarning));
  const warnings = [...scopes.map(describeReadScope), ...readWarnings.map(describeReadWarning)];

  return {
    rootOrgId,
    organizations,
    usage,
    environments,
    teams,
    vpcs,
    applications,
    deployments,
    privateSpaces,
    apis,
    runtimes,
    scopes,
    warnings,
    readWarnings,
  };
}
