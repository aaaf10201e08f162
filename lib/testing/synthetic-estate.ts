// A synthetic enterprise estate for benchmarks and scale tests: a specification (as a workspace
// backup, so `agp import` and the restore service take it) and the matching Anypoint estate (as
// a simulator estate file, in the API's wire shapes). Everything derives from the number of
// applications and a seed; the same seed gives the same bytes.

import type { EstateRead } from "@/lib/anypoint/collect";
import { mapEstate } from "@/lib/anypoint/mapper";
import { estateSchema, type Estate, type EstateInput } from "@/lib/anypoint/simulator/estate";
import { BACKUP_FORMAT, BACKUP_VERSION, type WorkspaceBackup } from "@/lib/domain/document/backup";
import type { SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import { recordTitle, type SpecKind } from "@/lib/domain/spec/kinds";

/** A small deterministic generator (mulberry32), so that the same seed gives the same estate. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Share of resources with each kind of controlled violation. */
export const violationShares = {
  /** Planned applications with a placeholder left in (gap). */
  placeholder: 0.02,
  /** Deployments named against the convention, or over CloudHub's 42 characters (naming). */
  misnamed: 0.02,
  tooLong: 0.005,
  /** Planned deployments never built; deployments nobody planned (drift). */
  missing: 0.02,
  unplanned: 0.01,
  /** Mapping rules pointing at an application that does not exist (network). */
  danglingMapping: 0.01,
  /** Production deployments on one worker (availability). */
  singleWorker: 0.03,
  /** Production API instances without the required policies (security). */
  unprotectedApi: 0.1,
  /** Deployments on a runtime older than the environment's minimum (lifecycle). */
  oldRuntime: 0.03,
} as const;

const domains = [
  ["Logistics", "log"],
  ["Finance", "fin"],
  ["Sales", "sal"],
  ["Marketing", "mkt"],
  ["Human Resources", "hr"],
  ["Procurement", "pro"],
  ["Manufacturing", "mfg"],
  ["Customer Service", "cs"],
  ["Supply Chain", "scm"],
  ["Retail", "ret"],
  ["Wholesale", "whl"],
  ["Payments", "pay"],
  ["Risk", "rsk"],
  ["Treasury", "trs"],
  ["Legal", "leg"],
  ["Field Service", "fsv"],
] as const;
const systems = ["orders", "customers", "invoices", "shipments", "inventory", "payments", "products", "pricing"];
const layers = [
  ["experience", "exp"],
  ["process", "prc"],
  ["system", "sys"],
] as const;
const stages = ["DEV", "TEST", "PREPROD", "PROD"] as const;
const requiredPolicies = ["client-id-enforcement", "spike-control", "json-threat-protection"];

type Wire = Record<string, unknown>;

const uuid = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, "0")}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
const hexId = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(24 - prefix.length, "0")}`;

export type SyntheticEstateOptions = { apps: number; seed?: number };

export type SyntheticEstate = {
  /** The specification, as a workspace backup. */
  backup: WorkspaceBackup;
  /** The same records as the rules read them. */
  spec: SpecEntry[];
  /** The live estate, as the simulator serves it. */
  estate: Estate;
  /** Credentials of the connected app the estate accepts. */
  credentials: { clientId: string; clientSecret: string };
  /** What was generated, to print and to check. */
  summary: Record<string, number>;
};

/**
 * Generates an estate of `apps` applications over business groups (about √apps / 4), four
 * environments each, shared VPCs with dedicated load balancers (about 5 mapping rules per
 * application), CloudHub 2.0 private spaces (a third of the applications), teams with
 * permissions and API instances with policies, with a controlled share of violations of every
 * rule category. Deterministic for a seed.
 */
export function generateSyntheticEstate({ apps, seed = 1 }: SyntheticEstateOptions): SyntheticEstate {
  const rand = seededRandom(seed);
  const chance = (share: number) => rand() < share;
  const records: SpecEntry[] = [];
  const add = (kind: SpecKind, data: Record<string, unknown>) => {
    const entry: SpecEntry = { id: `r${records.length + 1}`, kind, title: recordTitle(kind, data), data };
    records.push(entry);
    return entry;
  };
  const summary: Record<string, number> = { applications: apps };
  const count = (key: string, n = 1) => (summary[key] = (summary[key] ?? 0) + n);

  const rootId = uuid(0x6e0a0000, 0);
  const root = add("business-group", { name: "Acme Group", description: "Master organisation" });
  const groupCount = Math.max(4, Math.round(Math.sqrt(apps) / 4));
  const groups = Array.from({ length: groupCount }, (_, i) => {
    const [label, code] = domains[i % domains.length]!;
    const round = Math.floor(i / domains.length);
    const name = round ? `${label} ${round + 1}` : label;
    return {
      id: uuid(0x6e0a0000, i + 1),
      name,
      code: round ? `${code}${round + 1}` : code,
      record: add("business-group", { name, description: `${name} integrations`, parent: root.id }),
    };
  });
  count("businessGroups", groupCount + 1);

  // Environments: four stages per business group, named <CODE>-<STAGE> (names are unique per organisation).
  add("naming-convention", {
    name: "Applications",
    resourceKind: "application",
    pattern: "{bg}-{layer:exp|prc|sys}-{system}-api-{version}[-{env}]",
    maxLength: 42,
    environments: [],
    description: "Every Mule application, in every environment",
  });
  const envs = groups.flatMap((group, g) =>
    stages.map((stage, s) => {
      const name = `${group.code.toUpperCase()}-${stage}`;
      const production = stage === "PROD";
      return {
        id: uuid(0x7e0b0000, g * stages.length + s + 1),
        name,
        stage,
        group,
        production,
        record: add("environment", {
          name,
          description: `${group.name} ${stage.toLowerCase()}`,
          classification: production ? "production" : "sandbox",
          highAvailability: production || stage === "PREPROD",
          deployedBy: "CI/CD pipeline",
          businessGroup: group.record.id,
          minimumRuntime: "4.6.0",
        }),
      };
    }),
  );
  count("environments", envs.length);

  const tiers = [
    add("recovery-tier", { name: "Tier 1", rtoMinutes: 15, rpoMinutes: 5, strategy: "Active-Active" }),
    add("recovery-tier", { name: "Tier 2", rtoMinutes: 240, rpoMinutes: 60, strategy: "Active-Passive" }),
    add("recovery-tier", { name: "Tier 3", rtoMinutes: 1440, rpoMinutes: 1440, strategy: "Backup and restore" }),
  ];

  // Networks: a production and a non-production VPC for every eight business groups, owned by the
  // root and shared with their groups; the last production VPC overlaps the one before (network).
  const vpcWire: Record<string, unknown>[] = [];
  const vpcs: { id: string; name: string; production: boolean; envIds: string[]; record: SpecEntry }[] = [];
  for (let v = 0; v * 8 < groupCount; v += 1) {
    const members = groups.slice(v * 8, v * 8 + 8);
    for (const production of [false, true]) {
      const n = vpcs.length;
      const overlapping = production && v > 0 && v * 8 + 8 >= groupCount;
      const cidr = overlapping ? `10.${n - 2}.0.0/20` : `10.${n}.0.0/20`;
      const name = `vpc-${production ? "prod" : "nonprod"}-${v + 1}`;
      const scoped = envs.filter((e) => members.includes(e.group) && e.production === production);
      const id = `vpc-0d1e${(n + 1).toString(16).padStart(13, "0")}`;
      const record = add("vpc", {
        name,
        region: "eu-central-1",
        cidr,
        environments: scoped.map((e) => e.record.id),
      });
      vpcs.push({ id, name, production, envIds: scoped.map((e) => e.id), record });
      add("firewall-rule", {
        vpc: record.id,
        source: "10.0.0.0/8",
        protocol: "tcp",
        fromPort: 8091,
        toPort: 8092,
        scope: "Internal APIs",
      });
      add("firewall-rule", {
        vpc: record.id,
        source: "0.0.0.0/0",
        protocol: "tcp",
        fromPort: 8081,
        toPort: 8082,
        scope: "Anywhere",
      });
      vpcWire.push({
        id,
        name,
        region: "eu-central-1",
        cidrBlock: cidr,
        isDefault: false,
        ownerId: rootId,
        sharedWith: members.map((m) => m.id),
        associatedEnvironments: scoped.map((e) => e.id),
        internalDns: { dnsServers: ["10.250.0.2"], specialDomains: ["corp.acme.example"] },
        firewallRules: [
          { cidrBlock: "10.0.0.0/8", protocol: "tcp", fromPort: 8091, toPort: 8092 },
          { cidrBlock: "0.0.0.0/0", protocol: "tcp", fromPort: 8081, toPort: 8082 },
          // The first production VPC also opens the internal ports to anyone (network).
          ...(production && v === 0 ? [{ cidrBlock: "0.0.0.0/0", protocol: "tcp", fromPort: 8091, toPort: 8092 }] : []),
        ],
        vpcRoutes: [{ CIDR: cidr, "Next Hop": "Local" }],
      });
    }
  }
  count("vpcs", vpcs.length);
  const vpns: Record<string, Wire[]> = {};
  vpcs.forEach((vpc, i) => {
    const name = `vpn-${vpc.name}-dc`;
    add("vpn", {
      name,
      vpc: vpc.record.id,
      routing: "bgp",
      localAsn: 64512,
      remoteAsn: 65010,
      remoteIp: `198.51.100.${i + 1}`,
      staticRoutes: ["10.250.0.0/16"],
    });
    vpns[vpc.id] = [
      {
        id: hexId("6a", i + 1),
        name,
        spec: {
          name,
          remoteIpAddress: `198.51.100.${i + 1}`,
          remoteAsn: 65010,
          remoteNetworks: ["10.250.0.0/16"],
          tunnelConfigs: [
            { psk: `synthetic-psk-${i}-a`, ptpCidr: "169.254.10.0/30" },
            { psk: `synthetic-psk-${i}-b`, ptpCidr: "169.254.10.4/30" },
          ],
        },
        state: {
          vpnConnectionStatus: "AVAILABLE",
          localAsn: 64512,
          remoteAsn: 65010,
          vpnTunnels: [0, 1].map((t) => ({ status: i === 0 && t === 1 ? "DOWN" : "UP", psk: `synthetic-psk-${i}` })),
        },
      },
    ];
  });
  count("vpns", vpcs.length);

  // Load balancers: one external and one internal per 500 applications (at least a pair), spread over the VPCs.
  const lbCount = Math.max(2, 2 * Math.round(apps / 1000));
  const lbs = Array.from({ length: lbCount }, (_, i) => {
    const internal = i % 2 === 1;
    const vpc = vpcs[(Math.floor(i / 2) * 2 + 1) % vpcs.length]!;
    const name = `dlb-${internal ? "int" : "ext"}-${Math.floor(i / 2) + 1}`;
    const allowlist = internal ? ["10.0.0.0/8"] : ["0.0.0.0/0"];
    const record = add("load-balancer", {
      name,
      vpc: vpc.record.id,
      role: internal ? "internal" : "external",
      allowlistedCidrs: allowlist,
      httpMode: "redirect",
      tls10Allowed: false,
    });
    add("mapping-rule", {
      loadBalancer: record.id,
      order: 1,
      inputPath: "/{bg}/{layer}/{system}/api/{version}/",
      targetApp: "{bg}-{layer}-{system}-api-{version}",
      outputPath: "/",
      protocol: "https",
    });
    return {
      id: hexId("6b", i + 1),
      name,
      vpc,
      internal,
      // The first internal DLB is open to the internet and still accepts TLS 1.0 (network, security).
      allowlist: internal && i === 1 ? ["0.0.0.0/0"] : allowlist,
      tlsv1: internal && i === 1,
      mappings: [] as Record<string, unknown>[],
    };
  });
  count("loadBalancers", lbs.length);

  // CloudHub 2.0: a private space for every eight business groups, for the production environments.
  const spaces = vpcs
    .filter((v) => v.production)
    .map((vpc, i) => {
      const members = groups.slice(i * 8, i * 8 + 8);
      return {
        id: uuid(0x9e0d0000, i + 1),
        name: `ps-prod-${i + 1}`,
        orgId: rootId,
        members,
        cidr: `10.${100 + i}.0.0/22`,
      };
    });
  count("privateSpaces", spaces.length);

  // Systems and applications.
  const systemRecords = new Map<string, SpecEntry>();
  const systemFor = (name: string) => {
    let record = systemRecords.get(name);
    if (!record) {
      record = add("system", {
        name,
        description: `The ${name} system of record`,
        deploymentModel: "SaaS",
        location: "eu-central-1",
        protocol: "REST/HTTPS",
        host: `${name}.corp.acme.example`,
        access: "via VPN",
      });
      systemRecords.set(name, record);
    }
    return record;
  };
  const ch1: Record<string, Wire[]> = {};
  const deployments: Record<string, Wire[]> = {};
  const apiAssets: Record<string, Wire[]> = {};
  const policies: Record<string, Wire[]> = {};
  const planned: SpecEntry[] = [];
  let deploymentCount = 0;
  let apiCount = 0;
  for (let i = 0; i < apps; i += 1) {
    const group = groups[i % groupCount]!;
    const [layer, layerCode] = layers[i % 3]!;
    const system = `${systems[Math.floor(i / 3) % systems.length]}${Math.floor(i / (3 * systems.length))}`;
    const name = `${group.code}-${layerCode}-${system}-api-v1`;
    const stageSet = stages.filter((stage) => stage === "PROD" || stage === "DEV" || chance(0.5));
    const groupEnvs = envs.filter((e) => e.group === group && stageSet.includes(e.stage));
    const cloudhub2 = i % 3 === 2;
    const tier = tiers[i % 10 === 0 ? 0 : i % 3 === 0 ? 1 : 2]!;
    const app = add("application", {
      name,
      layer,
      system: systemFor(system).id,
      apiVersion: chance(violationShares.placeholder) ? "TBD" : "v1",
      environments: groupEnvs.map((e) => e.record.id),
      workers: 2,
      workerSize: "0.2",
      drTier: tier.id,
      securityCategory: layer === "experience" ? "level-a" : "level-b",
    });
    planned.push(app);

    for (const env of groupEnvs) {
      if (chance(violationShares.missing)) {
        count("violations.missing");
        continue;
      }
      let deployed = env.production ? name : `${name}-${env.name.toLowerCase()}`;
      if (chance(violationShares.misnamed)) {
        deployed = deployed.replace(`-${layerCode}-`, "-svc-");
        count("violations.misnamed");
      } else if (chance(violationShares.tooLong)) {
        deployed = `${deployed}-integration-service-x`;
        count("violations.tooLong");
      }
      const workers = env.production && chance(violationShares.singleWorker) ? 1 : 2;
      const runtime = chance(violationShares.oldRuntime) ? "4.4.0" : "4.6.9";
      if (workers === 1) count("violations.singleWorker");
      if (runtime === "4.4.0") count("violations.oldRuntime");
      deploymentCount += 1;
      if (cloudhub2 && env.production) {
        const space = spaces.find((s) => s.members.includes(group))!;
        (deployments[env.id] ??= []).push(
          ch2Deployment(uuid(0x9f000000, deploymentCount), deployed, space, workers, runtime),
        );
      } else {
        (ch1[env.id] ??= []).push(ch1Application(deployed, workers, runtime, deploymentCount));
      }
      // API instances front the experience and process APIs in production.
      if (env.production && layer !== "system") {
        apiCount += 1;
        const apiId = 30_000_000 + apiCount;
        const assetId = `${group.code}-${layerCode}-${system}-api`;
        (apiAssets[env.id] ??= []).push(apiAsset(assetId, apiId, deployed, env, group.id, rootId));
        const protectedApi = !chance(violationShares.unprotectedApi);
        if (!protectedApi) count("violations.unprotectedApi");
        policies[String(apiId)] = protectedApi
          ? requiredPolicies.map((policy, order) => ({
              id: apiId * 10 + order,
              apiId,
              policyTemplateId: String(348742 + order),
              groupId: "68ef9520-24e9-4cf2-b2f5-620025690913",
              assetId: policy,
              assetVersion: "1.3.2",
              order: order + 1,
              disabled: false,
              configurationData: {},
            }))
          : [];
      }
    }
    // About five mapping rules per application, over the load balancers of its layer.
    for (let r = 0; r < 5; r += 1) {
      const pool = lbs.filter((lb) => lb.internal === (layer !== "experience"));
      const lb = pool[(i + r) % pool.length]!;
      const dangling = chance(violationShares.danglingMapping);
      if (dangling) count("violations.danglingMapping");
      lb.mappings.push({
        inputUri: `/${group.code}/${layerCode}/${system}/api/v1/${r ? `r${r}/` : ""}`,
        appName: dangling ? `${name}-retired` : name,
        appUri: "/",
        upstreamProtocol: "https",
      });
    }
    if (chance(violationShares.unplanned)) {
      const env = envs.find((e) => e.group === group && e.production)!;
      deploymentCount += 1;
      (ch1[env.id] ??= []).push(ch1Application(`${group.code}-prc-adhoc${i}-api-v1`, 1, "4.6.9", deploymentCount));
      count("violations.unplanned");
    }
  }
  // API-led calls: an experience API calls the next process API, a process API two system APIs.
  planned.forEach((entry, i) => {
    const callees = i % 3 === 0 ? [i + 1] : i % 3 === 1 ? [i + 1, i + 4] : [];
    entry.data.dependsOn = callees.filter((c) => c < planned.length).map((c) => planned[c]!.id);
  });
  count("deployments", deploymentCount);
  count("apiInstances", apiCount);
  count("mappingRules", apps * 5);
  count("systems", systemRecords.size);

  // Teams: a developers' and an operators' team per business group under the platform team, and
  // a contractors' team nobody planned with an administrator's role in production (security).
  const teams: (Wire & { team_id: string })[] = [];
  const teamMembers: Record<string, Wire[]> = {};
  const teamRoles: Record<string, Wire[]> = {};
  const platform = add("team", { name: "Platform Team", description: "Runs the Anypoint platform" });
  const everyone = {
    team_id: uuid(0x8e0c0000, 1),
    team_name: "Platform Team",
    team_type: "internal",
    ancestor_team_ids: [] as string[],
  };
  teams.push(everyone);
  teamRoles[everyone.team_id] = [
    { role_id: "r-org-admin", name: "Organization Administrator", context_params: { org: rootId } },
  ];
  add("team-permission", {
    team: platform.id,
    product: "Access Management",
    permission: "Organization Administrator",
    businessGroup: root.id,
  });
  groups.forEach((group, g) => {
    for (const [suffix, role] of [
      ["Developers", "Deploy Applications"],
      ["Operations", "Read Applications"],
    ] as const) {
      const name = `${group.name} ${suffix}`;
      const record = add("team", { name, description: `${suffix} of ${group.name}`, parent: platform.id });
      const teamId = uuid(0x8e0c0000, 2 + g * 2 + (suffix === "Developers" ? 0 : 1));
      teams.push({ team_id: teamId, team_name: name, team_type: "internal", ancestor_team_ids: [everyone.team_id] });
      teamMembers[teamId] = Array.from({ length: 5 }, (_, m) => ({
        id: uuid(0x5a000000, g * 100 + m + (suffix === "Developers" ? 0 : 50)),
        name: `${group.code}.${suffix.toLowerCase()}.${m + 1}`,
        identity_type: "user",
        membership_type: m === 0 ? "maintainer" : "member",
        is_assigned_via_external_groups: true,
      }));
      const scoped = envs.filter((e) => e.group === group && (suffix === "Developers" ? !e.production : true));
      teamRoles[teamId] = scoped.map((e) => ({
        role_id: `r-${suffix.toLowerCase()}`,
        name: role,
        context_params: { org: group.id, envId: e.id },
      }));
      for (const e of scoped)
        add("team-permission", {
          team: record.id,
          product: "Runtime Manager",
          permission: role,
          businessGroup: group.record.id,
          environments: [e.record.id],
        });
    }
  });
  const contractors = uuid(0x8e0c0000, 9999);
  teams.push({
    team_id: contractors,
    team_name: "Contractors",
    team_type: "internal",
    ancestor_team_ids: [everyone.team_id],
  });
  teamRoles[contractors] = envs
    .filter((e) => e.production)
    .slice(0, 1)
    .map((e) => ({
      role_id: "r-env-admin",
      name: "Environment Administrator",
      context_params: { org: e.group.id, envId: e.id },
    }));
  count("teams", teams.length);

  // Entitlements: production vCores of the root; the first business group uses more than assigned (capacity).
  const vCores = Math.ceil(deploymentCount * 0.4);
  add("entitlement", { name: "vCoresProduction", quantity: vCores });
  const organizations = [
    organization(
      rootId,
      "Acme Group",
      [],
      groups.map((g) => g.id),
      [],
      {
        vCoresProduction: { assigned: vCores, reassigned: Math.ceil(vCores * 0.9) },
        vpcs: { assigned: vpcs.length, reassigned: 0 },
        loadBalancer: { assigned: lbs.length, reassigned: 0 },
      },
    ),
    ...groups.map((group, g) =>
      organization(
        group.id,
        group.name,
        [rootId],
        [],
        envs.filter((e) => e.group === group).map((e) => environment(e.id, e.name, group.id, e.production)),
        { vCoresProduction: { assigned: g === 0 ? 1 : Math.ceil(vCores / groupCount) + 1, reassigned: 0 } },
      ),
    ),
  ];
  const usage = {
    // 92 % of the production vCores in use: the next release has no room (capacity).
    [rootId]: {
      productionVCoresConsumed: Math.round(vCores * 0.92),
      vpcsConsumed: vpcs.length,
      loadBalancersConsumed: lbs.length,
    },
    ...Object.fromEntries(
      groups.map((group) => [group.id, { productionVCoresConsumed: Math.round((apps / groupCount) * 0.4 * 10) / 10 }]),
    ),
  };

  const credentials = { clientId: "acme-governance-portal", clientSecret: `synthetic-secret-${seed}` };
  const estate: EstateInput = {
    credentials: [{ ...credentials, name: "acme-governance-portal" }],
    rootOrganizationId: rootId,
    organizations,
    usage,
    teams,
    teamMembers,
    teamRoles,
    vpcs: { [rootId]: vpcWire },
    vpns,
    loadBalancers: Object.fromEntries(
      vpcs.map((vpc) => [vpc.id, lbs.filter((lb) => lb.vpc === vpc).map((lb) => loadBalancer(lb))]),
    ),
    applications: ch1,
    deployments,
    privateSpaces: { [rootId]: spaces.map((s) => privateSpace(s, rootId)) },
    privateSpaceConnections: Object.fromEntries(spaces.map((s) => [s.id, []])),
    tlsContexts: Object.fromEntries(spaces.map((s) => [s.id, []])),
    apis: apiAssets,
    policies,
  };
  const at = new Date("2026-11-01T09:00:00.000Z");
  const backup: WorkspaceBackup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: at,
    workspace: { name: `Acme Group (${apps} applications)`, slug: `acme-${apps}`, requiredApprovals: 1 },
    records: records.map((r) => ({ ...r, createdAt: at, updatedAt: at })),
    decisions: [],
    waivers: [],
  };
  count("specRecords", records.length);
  return { backup, spec: records, estate: estateSchema.parse(estate), credentials, summary };
}

function organization(
  id: string,
  name: string,
  parents: string[],
  children: string[],
  environments: ReturnType<typeof environment>[],
  entitlements: Record<string, unknown>,
) {
  return {
    id,
    name,
    createdAt: "2023-02-01T09:00:00.000Z",
    updatedAt: "2025-09-01T09:00:00.000Z",
    ownerId: uuid(0x5a000000, 0),
    clientId: id.replace(/-/g, "").slice(0, 32),
    idprovider_id: "okta-acme",
    isFederated: true,
    parentOrganizationIds: parents,
    subOrganizationIds: children,
    tenantOrganizationIds: [],
    mfaRequired: "mandatory",
    orgType: "anypoint",
    domain: parents.length ? null : "acme-group",
    isRoot: parents.length === 0,
    isMaster: parents.length === 0,
    subscription: { category: "Customer", type: "Titanium", expiration: "2027-12-31T00:00:00.000Z" },
    environments,
    entitlements: { createEnvironments: true, createSubOrgs: parents.length === 0, ...entitlements },
  };
}

function environment(id: string, name: string, organizationId: string, production: boolean) {
  return {
    id,
    name,
    organizationId,
    isProduction: production,
    type: production ? "production" : "sandbox",
    clientId: id.replace(/-/g, "").slice(0, 32),
    arcNamespace: null,
  };
}

function ch1Application(domain: string, workers: number, runtime: string, n: number) {
  return {
    versionId: hexId("66f1", n),
    domain,
    fullDomain: `${domain}.de-c1.cloudhub.io`,
    description: "",
    status: "STARTED",
    region: "eu-central-1",
    fileName: `${domain}-1.0.0-mule-application.jar`,
    lastUpdateTime: 1760000000000 + n * 60_000,
    hasFile: true,
    workers: {
      amount: workers,
      type: { name: "Small", weight: 0.2, cpu: "0.2 vCores", memory: "1 GB memory" },
      remainingOrgWorkers: 10,
      totalOrgWorkers: 100,
    },
    muleVersion: {
      version: runtime,
      endOfSupportDate: runtime === "4.4.0" ? 1704067200000 : 1803945600000,
      javaVersion: "17",
    },
    // A secure property: the sync must keep its name and drop its value.
    properties: { "mule.env": "prod", "db.password": `synthetic-password-${n}` },
    propertiesOptions: { "db.password": { secure: true } },
    persistentQueues: false,
    monitoringEnabled: true,
    monitoringAutoRestart: true,
    staticIPsEnabled: false,
    loggingNgEnabled: true,
    ipAddresses: [],
  };
}

function ch2Deployment(
  id: string,
  name: string,
  space: { id: string },
  replicas: number,
  runtime: string,
): Record<string, unknown> {
  return {
    id,
    name,
    creationDate: 1750000000000,
    lastModifiedDate: 1760000000000,
    status: "APPLIED",
    replicas: Array.from({ length: replicas }, (_, r) => ({
      id: `${name}-${r}`,
      state: "STARTED",
      deploymentLocation: space.id,
      reason: "",
    })),
    application: {
      status: "RUNNING",
      desiredState: "STARTED",
      vCores: 0.2,
      ref: { groupId: "acme", artifactId: name, version: "1.0.0", packaging: "jar" },
      configuration: {
        "mule.agent.application.properties.service": {
          applicationName: name,
          properties: { "mule.env": "prod" },
          secureProperties: { "db.password": `synthetic-password-${id}` },
        },
      },
    },
    target: {
      provider: "MC",
      targetId: space.id,
      replicas,
      deploymentSettings: {
        clustered: replicas > 1,
        enforceDeployingReplicasAcrossNodes: replicas > 1,
        http: { inbound: { publicUrl: `https://${name}.acme.example`, lastMileSecurity: true } },
        runtime: { version: `${runtime}:7e-java17`, releaseChannel: "LTS", java: "17" },
        autoscaling: { enabled: false, minReplicas: replicas, maxReplicas: replicas },
        instanceType: "mule.small",
      },
    },
  };
}

function apiAsset(
  assetId: string,
  apiId: number,
  application: string,
  env: { id: string; name: string },
  orgId: string,
  rootId: string,
) {
  return {
    id: apiId + 1_000_000,
    name: `groupId:${rootId}:assetId:${assetId}`,
    exchangeAssetName: assetId,
    groupId: rootId,
    assetId,
    organizationId: orgId,
    masterOrganizationId: rootId,
    totalApis: 1,
    apis: [
      {
        id: apiId,
        instanceLabel: `${assetId}-prod`,
        groupId: rootId,
        assetId,
        assetVersion: "1.0.0",
        productVersion: "v1",
        technology: "mule4",
        status: "active",
        endpointUri: `https://api.acme.example/${assetId}/v1`,
        environmentId: env.id,
        deployment: {
          applicationName: application,
          type: "CH",
          environmentId: env.id,
          environmentName: env.name,
          expectedStatus: "deployed",
        },
        organizationId: orgId,
        masterOrganizationId: rootId,
      },
    ],
  };
}

function loadBalancer(lb: {
  id: string;
  name: string;
  vpc: { id: string };
  internal: boolean;
  allowlist: string[];
  tlsv1: boolean;
  mappings: Record<string, unknown>[];
}) {
  const cn = `${lb.internal ? "internal-" : ""}api-${lb.name}.acme.example`;
  return {
    id: lb.id,
    name: lb.name,
    domain: lb.name,
    state: "STARTED",
    vpcId: lb.vpc.id,
    workers: 2,
    ipAddresses: ["3.121.10.1", "3.121.10.2"],
    ipAllowlist: lb.allowlist,
    ipWhitelist: lb.allowlist,
    httpMode: "redirect",
    tlsv1: lb.tlsv1,
    upstreamTlsv12: true,
    defaultCipherSuite: "ECDHE-RSA-AES256-GCM-SHA384",
    defaultSslEndpoint: 0,
    sslEndpoints: [
      {
        publicKeyLabel: `${cn}-2026`,
        publicKeyDigest: "b1946ac92492d2347c6235b4d2611184",
        publicKeyCN: cn,
        privateKeyLabel: `${cn}-2026.key`,
        privateKeyDigest: "synthetic-private-key-digest",
        verifyClientMode: "off",
        mappings: lb.mappings,
      },
    ],
  };
}

function privateSpace(space: { id: string; name: string; members: { id: string }[]; cidr: string }, rootId: string) {
  return {
    id: space.id,
    name: space.name,
    version: "1.3",
    organizationId: rootId,
    rootOrganizationId: rootId,
    status: "Running",
    region: "eu-central-1",
    environments: { type: "production", businessGroups: space.members.map((m) => m.id) },
    network: {
      region: "eu-central-1",
      cidrBlock: space.cidr,
      reservedCidrs: ["10.250.0.0/16"],
      inboundStaticIps: [],
      outboundStaticIps: [],
    },
    firewallRules: [{ cidrBlock: "0.0.0.0/0", protocol: "tcp", fromPort: 443, toPort: 443, type: "inbound" }],
    managedFirewallRules: [],
  };
}

/**
 * What a sync would read from the estate, without HTTP: the simulator's contents rearranged into
 * the reader's structure (a test checks it equals a real read through the simulator).
 */
export function readSyntheticEstate(estate: Estate): EstateRead {
  const environments = estate.organizations.flatMap((org) =>
    ((org.environments as EstateRead["environments"][number]["environment"][] | undefined) ?? []).map(
      (environment) => ({
        orgId: org.id,
        environment,
      }),
    ),
  );
  const orgOfEnv = new Map(environments.map((e) => [e.environment.id, e.orgId]));
  const byEnv = <T>(map: Record<string, Wire[]>, wrap: (orgId: string, envId: string, item: never) => T) =>
    Object.entries(map).flatMap(([envId, items]) =>
      items.map((item) => wrap(orgOfEnv.get(envId)!, envId, item as never)),
    );
  return {
    rootOrgId: estate.rootOrganizationId,
    organizations: estate.organizations as unknown as EstateRead["organizations"],
    usage: new Map(Object.entries(estate.usage)),
    environments,
    teams: estate.teams.map((team) => ({
      team: team as unknown as EstateRead["teams"][number]["team"],
      members: (estate.teamMembers[team.team_id] ?? []) as never,
      roles: (estate.teamRoles[team.team_id] ?? []) as never,
    })),
    vpcs: Object.entries(estate.vpcs).flatMap(([orgId, vpcs]) =>
      vpcs.map((vpc) => ({
        orgId,
        vpc: vpc as never,
        vpns: (estate.vpns[vpc.id as string] ?? []) as never,
        loadBalancers: (estate.loadBalancers[vpc.id as string] ?? []) as never,
      })),
    ),
    applications: byEnv(estate.applications, (orgId, envId, application) => ({ orgId, envId, application })),
    deployments: byEnv(estate.deployments, (orgId, envId, deployment) => ({ orgId, envId, deployment })),
    privateSpaces: Object.entries(estate.privateSpaces).flatMap(([orgId, spaces]) =>
      spaces.map((space) => ({
        orgId,
        space: space as never,
        connections: (estate.privateSpaceConnections[space.id as string] ?? []) as never,
        tlsContexts: (estate.tlsContexts[space.id as string] ?? []) as never,
      })),
    ),
    apis: Object.entries(estate.apis).flatMap(([envId, assets]) =>
      assets.flatMap((asset) =>
        ((asset.apis as { id: number }[] | undefined) ?? []).map((api) => ({
          orgId: orgOfEnv.get(envId)!,
          envId,
          api: api as never,
          policies: (estate.policies[String(api.id)] ?? []) as never,
        })),
      ),
    ),
    warnings: [],
  };
}

/** A plan and its live snapshot (as the mapper makes it) for `apps` applications (engine and diagram benchmarks). */
export function syntheticEstate(apps: number, seed = 1): { spec: SpecEntry[]; live: LiveResource[] } {
  const generated = generateSyntheticEstate({ apps, seed });
  return { spec: generated.spec, live: mapEstate(readSyntheticEstate(generated.estate)) };
}
