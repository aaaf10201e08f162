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
import { describeReadWarning, type ReadWarning } from "@/lib/domain/live/read-warning";

/** Everything one sync read, still in wire shapes (secrets included: only the mapper may see this). */
export type EstateRead = {
  rootOrgId: string;
  organizations: WireOrganization[];
  usage: Map<string, WireUsage>;
  environments: { orgId: string; environment: WireEnvironment }[];
  teams: { team: WireTeam; members: WireTeamMember[]; roles: WireTeamRole[] }[];
  vpcs: { orgId: string; vpc: WireVpc; vpns: WireVpn[]; loadBalancers: WireLoadBalancer[] }[];
  applications: { orgId: string; envId: string; application: WireCh1Application }[];
  deployments: { orgId: string; envId: string; deployment: WireDeployment }[];
  privateSpaces: {
    orgId: string;
    space: WirePrivateSpace;
    connections: WirePrivateSpaceConnection[];
    tlsContexts: WireTlsContext[];
  }[];
  apis: { orgId: string; envId: string; api: WireApiInstance; policies: WireApiPolicy[] }[];
  /** What could not be read and was left out (e.g. a business group the app may not see), for people. */
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
};

const forbidden = (error: unknown) => error instanceof AnypointError && (error.status === 403 || error.status === 401);

/** A detail answer unreadable as a whole: its record is left out with a warning, like a bad list item. */
async function unlessMalformed<T>(read: Promise<T>, recordId: string, warnings: ReadWarning[]): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (!(error instanceof AnypointError) || error.kind !== "unexpected_shape") throw error;
    warnings.push({
      endpoint: error.endpoint,
      recordId,
      path: error.path ?? "(root)",
      message: `${error.message}; the record is left out`,
    });
    return null;
  }
}

/**
 * Reads an Anypoint organisation: the business-group tree (breadth first over
 * subOrganizationIds), then per business group its environments, usage, VPCs with VPNs and load
 * balancers, private spaces, and per environment its CloudHub 1.0 applications, CloudHub 2.0
 * deployments (with details) and API instances (with policies); teams from the root. A business
 * group the connected app may not read is left out with a warning; any other failure ends the read.
 */
export async function readEstate(client: AnypointClient, options: ReadOptions = {}): Promise<EstateRead> {
  const progress = options.onProgress ?? (() => undefined);
  const warnings: string[] = [];
  const readWarnings: ReadWarning[] = [];
  const firstClientWarning = client.warnings.length;
  const rootOrgId = options.orgId || (await client.me()).client?.org_id || null;
  if (!rootOrgId) {
    throw new AnypointError(
      "GET /accounts/api/me",
      "unexpected_shape",
      "GET /accounts/api/me did not say which organisation the connected app belongs to; set the organisation id",
    );
  }

  // Business groups, breadth first; ids seen once even if the tree repeats them.
  const organizations: WireOrganization[] = [];
  const seen = new Set<string>();
  let level = [rootOrgId];
  while (level.length) {
    const fresh = level.filter((id) => !seen.has(id));
    fresh.forEach((id) => seen.add(id));
    const found = await Promise.all(
      fresh.map(async (id) => {
        try {
          return id === rootOrgId
            ? await client.organization(id)
            : await unlessMalformed(client.organization(id), id, readWarnings);
        } catch (error) {
          if (id !== rootOrgId && forbidden(error)) {
            warnings.push(
              `Business group ${id}: the connected app may not read it (${(error as AnypointError).status}); its resources are left out`,
            );
            return null;
          }
          throw error;
        }
      }),
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

  await Promise.all(
    organizations.map(async (org) => {
      try {
        const [envs, used, orgVpcs, spaces] = await Promise.all([
          client.environments(org.id),
          client.usage(org.id),
          client.vpcs(org.id),
          client.privateSpaces(org.id),
        ]);
        usage.set(org.id, used);
        environments.push(...envs.map((environment) => ({ orgId: org.id, environment })));
        for (const vpc of orgVpcs) {
          // A VPC shared with business groups is listed by each of them: keep the first.
          if (vpcIds.has(vpc.id)) continue;
          vpcIds.add(vpc.id);
          const [vpns, loadBalancers] = await Promise.all([
            client.vpns(org.id, vpc.id),
            client.loadBalancers(org.id, vpc.id),
          ]);
          vpcs.push({ orgId: org.id, vpc, vpns, loadBalancers });
        }
        for (const summary of spaces) {
          const [space, connections, tlsContexts] = await Promise.all([
            unlessMalformed(client.privateSpace(org.id, summary.id), summary.id, readWarnings),
            client.privateSpaceConnections(org.id, summary.id),
            client.privateSpaceTlsContexts(org.id, summary.id),
          ]);
          if (space) privateSpaces.push({ orgId: org.id, space, connections, tlsContexts });
        }
      } catch (error) {
        if (org.id !== rootOrgId && forbidden(error)) {
          warnings.push(
            `Business group ${org.name}: the connected app may not read its environments or networks (${(error as AnypointError).status}); they are left out`,
          );
          return;
        }
        throw error;
      }
    }),
  );
  progress({ step: "environment", count: environments.length });
  progress({ step: "vpc", count: vpcs.length });
  progress({ step: "private-space", count: privateSpaces.length });

  const applications: EstateRead["applications"] = [];
  const deployments: EstateRead["deployments"] = [];
  const apis: EstateRead["apis"] = [];
  await Promise.all(
    environments.map(async ({ orgId, environment }) => {
      const envId = environment.id;
      try {
        const [ch1, summaries, instances] = await Promise.all([
          client.ch1Applications(orgId, envId),
          client.deployments(orgId, envId),
          client.apiInstances(orgId, envId),
        ]);
        applications.push(...ch1.map((application) => ({ orgId, envId, application })));
        // Deployment details and API policies come from different services: read them side by side.
        const [details, policies] = await Promise.all([
          Promise.all(summaries.map((s) => unlessMalformed(client.deployment(orgId, envId, s.id), s.id, readWarnings))),
          Promise.all(instances.map((api) => client.apiPolicies(orgId, envId, api.id))),
        ]);
        for (const deployment of details) if (deployment) deployments.push({ orgId, envId, deployment });
        apis.push(...instances.map((api, i) => ({ orgId, envId, api, policies: policies[i] ?? [] })));
      } catch (error) {
        if (forbidden(error)) {
          warnings.push(
            `Environment ${environment.name}: the connected app may not read its applications or APIs (${(error as AnypointError).status}); they are left out`,
          );
          return;
        }
        throw error;
      }
    }),
  );
  progress({ step: "application", count: applications.length + deployments.length });
  progress({ step: "api-instance", count: apis.length });

  let teams: EstateRead["teams"] = [];
  try {
    const teamList = await client.teams(rootOrgId);
    teams = await Promise.all(
      teamList.map(async (team) => {
        const [members, roles] = await Promise.all([
          client.teamMembers(rootOrgId, team.team_id),
          client.teamRoles(rootOrgId, team.team_id),
        ]);
        return { team, members, roles };
      }),
    );
  } catch (error) {
    if (!forbidden(error)) throw error;
    warnings.push(
      `Teams: the connected app may not read teams and permissions (${(error as AnypointError).status}); grant it "View access controls" to compare them`,
    );
  }
  progress({ step: "team", count: teams.length });

  // What the client left out during this read, then what this read left out, for the sync report.
  readWarnings.unshift(...client.warnings.slice(firstClientWarning));
  warnings.push(...readWarnings.map(describeReadWarning));

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
    warnings,
    readWarnings,
  };
}
