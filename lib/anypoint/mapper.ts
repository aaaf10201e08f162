import type { EstateRead } from "@/lib/anypoint/collect";
import { mapRuntimes } from "@/lib/anypoint/mapper-runtimes";
import type { WireDeployment, WireLoadBalancer } from "@/lib/anypoint/wire";
import type { LiveKind, LiveResource, LiveValue } from "@/lib/domain/live/snapshot";

// Secrets never pass this file: VPN pre-shared keys, property values (secure or not: only
// property names are kept), CloudHub 2.0 configuration, certificate private-key labels and
// digests. Attributes are built field by field from what the rules need, never by copying a
// wire object, so a new secret field in a payload cannot leak through.

type Draft = Omit<LiveResource, "attributes"> & { attributes: Record<string, LiveValue | undefined> };

const clean = (attributes: Draft["attributes"]): LiveResource["attributes"] =>
  Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined)) as LiveResource["attributes"];

const sharedSpacePrefix = "cloudhub-";

/** The entitlement keys with `{assigned, reassigned}` quotas, and the usage figure that consumes each. */
const entitlementUsage: Record<string, string | undefined> = {
  vCoresProduction: "productionVCoresConsumed",
  vCoresSandbox: "sandboxVCoresConsumed",
  vCoresDesign: "designVCoresConsumed",
  staticIps: "staticIpsConsumed",
  vpcs: "vpcsConsumed",
  vpns: "vpnsConsumed",
  networkConnections: "networkConnectionsConsumed",
  loadBalancer: "loadBalancersConsumed",
};

/** The allowlist under its current name or its old one; null when neither was answered (not "empty"). */
function allowlistOf(dlb: WireLoadBalancer): string[] | null {
  return dlb.ipAllowlist ?? dlb.ipWhitelist ?? null;
}

/** A target neither shared nor a known private space is a Runtime Fabric, unless some private spaces went unread. */
function platformOf(
  deployment: WireDeployment,
  privateSpaceIds: Set<string>,
  allSpacesRead: boolean,
  fabricIds: Set<string>,
): string | null {
  const target = deployment.target?.targetId ?? "";
  if (privateSpaceIds.has(target)) return "cloudhub-2-private-space";
  if (fabricIds.has(target)) return "runtime-fabric";
  if (target.startsWith(sharedSpacePrefix)) return "cloudhub-2-shared-space";
  return allSpacesRead ? "runtime-fabric" : null;
}

/** Turns what a sync read into the normalised, secret-free resources of a snapshot, sorted by kind and name. */
export function mapEstate(read: EstateRead): LiveResource[] {
  const out: Draft[] = [];
  const orgName = new Map(read.organizations.map((o) => [o.id, o.name]));
  const envName = new Map(read.environments.map((e) => [e.environment.id, e.environment.name]));
  const envOrg = new Map(read.environments.map((e) => [e.environment.id, e.orgId]));
  const names = (ids: readonly string[], lookup: Map<string, string>) => ids.map((id) => lookup.get(id) ?? id);
  const push = (kind: LiveKind, externalId: string, name: string, rest: Omit<Draft, "kind" | "externalId" | "name">) =>
    out.push({ kind, externalId, name, ...rest });

  for (const org of read.organizations) {
    const parentId = org.parentOrganizationIds.at(-1) ?? null;
    push("business-group", org.id, org.name, {
      businessGroup: parentId ? (orgName.get(parentId) ?? null) : null,
      environment: null,
      parentId,
      attributes: {
        isRoot: org.id === read.rootOrgId,
        parent: parentId ? (orgName.get(parentId) ?? parentId) : null,
        subscription: org.subscription?.type ?? null,
      },
    });
    // Usage not read: what each entitlement consumes is unknown (null), not 0.
    const usage = (read.usage.get(org.id) ?? {}) as Record<string, unknown>;
    const entitlements = (org.entitlements ?? {}) as Record<string, unknown>;
    for (const [key, usageKey] of Object.entries(entitlementUsage)) {
      const quota = entitlements[key] as { assigned?: number; reassigned?: number } | undefined;
      if (!quota || typeof quota.assigned !== "number") continue;
      const consumed = usageKey ? usage[usageKey] : undefined;
      push("entitlement", `${org.id}:${key}`, key, {
        businessGroup: org.name,
        environment: null,
        parentId: org.id,
        attributes: {
          assigned: quota.assigned,
          reassigned: quota.reassigned ?? 0,
          consumed: typeof consumed === "number" ? consumed : null,
        },
      });
    }
  }

  for (const { orgId, environment } of read.environments) {
    push("environment", environment.id, environment.name, {
      businessGroup: orgName.get(orgId) ?? null,
      environment: null,
      parentId: orgId,
      attributes: {
        type: environment.type ?? null,
        // Not answered: follow the type when there is one (CGO: both are set together, on create).
        isProduction: environment.isProduction ?? (environment.type ? environment.type === "production" : null),
      },
    });
  }

  for (const { envId, application: app } of read.applications) {
    const secure = new Set(
      Object.entries(app.propertiesOptions ?? {})
        .filter(([, o]) => o?.secure)
        .map(([key]) => key),
    );
    const amount = app.workers?.amount ?? null;
    const weight = app.workers?.type?.weight ?? null;
    push("application", `ch1:${envId}:${app.domain}`, app.domain, {
      businessGroup: orgName.get(envOrg.get(envId) ?? "") ?? null,
      environment: envName.get(envId) ?? null,
      parentId: envId,
      attributes: {
        platform: "cloudhub-1",
        status: app.status ?? null,
        region: app.region ?? null,
        workers: amount,
        workerSize: app.workers?.type?.name ?? null,
        workerVCores: weight,
        vCores: amount === null || weight === null ? null : Math.round(amount * weight * 100) / 100,
        runtimeVersion: app.muleVersion?.version ?? null,
        javaVersion: app.muleVersion?.javaVersion ?? null,
        runtimeEndOfSupport: app.muleVersion?.endOfSupportDate
          ? new Date(app.muleVersion.endOfSupportDate).toISOString()
          : null,
        persistentQueues: app.persistentQueues ?? null,
        monitoringAutoRestart: app.monitoringAutoRestart ?? null,
        staticIps: app.staticIPsEnabled ?? null,
        objectStoreV1: app.objectStoreV1 ?? null,
        url: app.fullDomain ?? null,
        propertyNames: app.properties ? Object.keys(app.properties).sort() : null,
        securePropertyNames: app.propertiesOptions ? [...secure].sort() : null,
      },
    });
  }

  const privateSpaceIds = new Set(read.privateSpaces.map((p) => p.space.id));
  const privateSpaceName = new Map(read.privateSpaces.map((p) => [p.space.id, p.space.name]));
  const fabricIds = new Set(read.runtimes.fabrics.map((f) => f.fabric.id));
  const fabricName = new Map(read.runtimes.fabrics.map((f) => [f.fabric.id, f.fabric.name]));
  const allSpacesRead = !read.scopes.some((scope) => scope.kinds.includes("private-space") && scope.attribute === null);
  for (const { envId, deployment: d } of read.deployments) {
    const settings = d.target?.deploymentSettings;
    const replicas = d.target?.replicas ?? d.replicas?.length ?? null;
    const vCores = d.application?.vCores ?? null;
    push("application", `ch2:${d.id}`, d.name, {
      businessGroup: orgName.get(envOrg.get(envId) ?? "") ?? null,
      environment: envName.get(envId) ?? null,
      parentId: envId,
      attributes: {
        platform: platformOf(d, privateSpaceIds, allSpacesRead, fabricIds),
        status: d.application?.status ?? d.status ?? null,
        deploymentStatus: d.status ?? null,
        target:
          privateSpaceName.get(d.target?.targetId ?? "") ??
          fabricName.get(d.target?.targetId ?? "") ??
          d.target?.targetId ??
          null,
        replicas,
        runningReplicas: d.replicas ? d.replicas.filter((r) => r.state === "STARTED").length : null,
        replicaVCores: vCores,
        vCores: vCores === null || replicas === null ? null : Math.round(vCores * replicas * 100) / 100,
        runtimeVersion: settings?.runtime?.version ?? null,
        javaVersion: settings?.runtime?.java ?? null,
        clustered: settings?.clustered ?? null,
        replicasAcrossNodes: settings?.enforceDeployingReplicasAcrossNodes ?? null,
        autoscaling: settings?.autoscaling
          ? {
              enabled: settings.autoscaling.enabled,
              minReplicas: settings.autoscaling.minReplicas ?? null,
              maxReplicas: settings.autoscaling.maxReplicas ?? null,
            }
          : null,
        url: settings?.http?.inbound?.publicUrl ?? null,
        // CGO carries it on deploymentSettings (where real answers have it) and under http.inbound.
        lastMileSecurity: settings?.lastMileSecurity ?? settings?.http?.inbound?.lastMileSecurity ?? null,
        instanceType: settings?.instanceType ?? null,
        artifact: d.application?.ref?.artifactId ?? null,
        artifactVersion: d.application?.ref?.version ?? null,
      },
    });
  }

  for (const { orgId, vpc, vpns, loadBalancers } of read.vpcs) {
    push("vpc", vpc.id, vpc.name, {
      businessGroup: orgName.get(vpc.ownerId ?? orgId) ?? orgName.get(orgId) ?? null,
      environment: null,
      parentId: orgId,
      attributes: {
        region: vpc.region ?? null,
        cidr: vpc.cidrBlock ?? null,
        isDefault: vpc.isDefault ?? false,
        environments: names(vpc.associatedEnvironments, envName),
        sharedWith: names(vpc.sharedWith, orgName),
      },
    });
    vpc.firewallRules.forEach((rule, index) => {
      push(
        "firewall-rule",
        `${vpc.id}:${index}`,
        `${vpc.name} ${rule.cidrBlock} ${rule.protocol} ${rule.fromPort}-${rule.toPort}`,
        {
          businessGroup: orgName.get(orgId) ?? null,
          environment: null,
          parentId: vpc.id,
          attributes: {
            network: vpc.name,
            networkKind: "vpc",
            direction: "inbound",
            cidr: rule.cidrBlock,
            protocol: rule.protocol,
            fromPort: rule.fromPort,
            toPort: rule.toPort,
          },
        },
      );
    });
    for (const vpn of vpns ?? []) {
      push("vpn", vpn.id, vpn.name, {
        businessGroup: orgName.get(orgId) ?? null,
        environment: null,
        parentId: vpc.id,
        attributes: {
          network: vpc.name,
          networkKind: "vpc",
          remoteIp: vpn.spec?.remoteIpAddress ?? null,
          remoteAsn: vpn.spec?.remoteAsn ?? null,
          localAsn: vpn.state?.localAsn ?? null,
          remoteNetworks: vpn.spec?.remoteNetworks ?? null,
          status: vpn.state?.vpnConnectionStatus ?? null,
          tunnels: (vpn.state?.vpnTunnels ?? []).map((t, i) => ({
            status: t.status ?? null,
            ptpCidr: vpn.spec?.tunnelConfigs[i]?.ptpCidr ?? null,
          })),
        },
      });
    }
    for (const dlb of loadBalancers ?? []) mapLoadBalancer(dlb, vpc, orgName.get(orgId) ?? null, push);
  }

  for (const { orgId, space, connections, tlsContexts } of read.privateSpaces) {
    const bg = orgName.get(orgId) ?? null;
    push("private-space", space.id, space.name, {
      businessGroup: bg,
      environment: null,
      parentId: orgId,
      attributes: {
        region: space.region ?? space.network?.region ?? null,
        status: space.status ?? null,
        cidr: space.network?.cidrBlock ?? null,
        reservedCidrs: space.network?.reservedCidrs ?? null,
        environmentType: space.environments?.type ?? null,
        businessGroups: space.environments?.businessGroups ? names(space.environments.businessGroups, orgName) : null,
        inboundStaticIps: space.network?.inboundStaticIps ?? null,
        outboundStaticIps: space.network?.outboundStaticIps ?? null,
      },
    });
    // Which list holds user rules on read is ambiguous in the reference: read both.
    [...(space.firewallRules ?? []), ...(space.managedFirewallRules ?? [])].forEach((rule, index) => {
      push(
        "firewall-rule",
        `${space.id}:${index}`,
        `${space.name} ${rule.type ?? "inbound"} ${rule.cidrBlock} ${rule.protocol} ${rule.fromPort}-${rule.toPort}`,
        {
          businessGroup: bg,
          environment: null,
          parentId: space.id,
          attributes: {
            network: space.name,
            networkKind: "private-space",
            direction: rule.type ?? "inbound",
            cidr: rule.cidrBlock,
            protocol: rule.protocol,
            fromPort: rule.fromPort,
            toPort: rule.toPort,
          },
        },
      );
    });
    for (const connection of connections ?? []) {
      for (const vpn of connection.vpns) {
        push("vpn", `${space.id}:${vpn.vpnId ?? vpn.name}`, vpn.name, {
          businessGroup: bg,
          environment: null,
          parentId: space.id,
          attributes: {
            network: space.name,
            networkKind: "private-space",
            connection: connection.name ?? null,
            remoteIp: vpn.remoteIpAddress ?? null,
            remoteAsn: vpn.remoteAsn ?? null,
            remoteNetworks: vpn.staticRoutes ?? null,
            status: vpn.vpnConnectionStatus ?? null,
            // CGO's private-space tunnel reports no status of its own (the VPN's is above): unknown, not "down".
            tunnels: vpn.vpnTunnels.map((t) => ({
              status: null,
              ptpCidr: t.ptpCidr ?? null,
              startupAction: t.startupAction ?? null,
            })),
          },
        });
      }
    }
    for (const tls of tlsContexts ?? []) {
      push("tls-endpoint", `${space.id}:${tls.id}`, tls.keyStore?.cn ?? tls.name ?? tls.id, {
        businessGroup: bg,
        environment: null,
        parentId: space.id,
        attributes: {
          network: space.name,
          networkKind: "private-space",
          context: tls.name ?? null,
          certificateCn: tls.keyStore?.cn ?? null,
          subjectAltNames: tls.keyStore?.san ?? null,
          expiresAt: tls.keyStore?.expirationDate ?? null,
        },
      });
    }
  }

  const teamName = new Map(read.teams.map((t) => [t.team.team_id, t.team.team_name]));
  for (const { team, members, roles } of read.teams) {
    const path = names(team.ancestor_team_ids, teamName);
    push("team", team.team_id, team.team_name, {
      businessGroup: orgName.get(read.rootOrgId) ?? null,
      environment: null,
      parentId: null,
      attributes: {
        type: team.team_type ?? null,
        parent: path.at(-1) ?? null,
        path,
        // Members not read: counts unknown, not zero.
        members: members?.length ?? null,
        maintainers: members?.filter((m) => m.membership_type === "maintainer").length ?? null,
        externalMembers: members?.filter((m) => m.is_assigned_via_external_groups).length ?? null,
      },
    });
    for (const role of roles ?? []) {
      const org = role.context_params.org;
      const env = role.context_params.envId;
      push(
        "team-permission",
        `${team.team_id}:${role.role_id}:${org ?? ""}:${env ?? ""}`,
        `${team.team_name}: ${role.name}`,
        {
          businessGroup: org ? (orgName.get(org) ?? org) : null,
          environment: env ? (envName.get(env) ?? env) : null,
          parentId: team.team_id,
          attributes: { team: team.team_name, role: role.name, roleId: role.role_id },
        },
      );
    }
  }

  for (const { envId, api, policies } of read.apis) {
    const apiName = api.instanceLabel || `${api.assetId ?? ""} ${api.productVersion ?? ""}`.trim() || String(api.id);
    push("api-instance", String(api.id), apiName, {
      businessGroup: orgName.get(envOrg.get(envId) ?? "") ?? null,
      environment: envName.get(envId) ?? null,
      parentId: envId,
      attributes: {
        label: api.instanceLabel ?? null,
        assetId: api.assetId ?? null,
        assetVersion: api.assetVersion ?? null,
        productVersion: api.productVersion ?? null,
        technology: api.technology ?? null,
        status: api.status ?? null,
        endpointUri: api.endpointUri ?? null,
        application: api.deployment?.applicationName ?? null,
        // Policies not read: unknown (null), never "no policy".
        policies: policies
          ? [...policies]
              .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
              .map((p) => ({
                policy: p.assetId || String(p.policyTemplateId ?? p.id),
                version: p.assetVersion ?? null,
                disabled: p.disabled ?? false,
              }))
          : null,
      },
    });
  }

  mapRuntimes(read.runtimes, { org: (id) => orgName.get(id) ?? null, env: (id) => envName.get(id) ?? null }, push);

  return out
    .map((d) => ({ ...d, attributes: clean(d.attributes) }))
    .sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || a.externalId.localeCompare(b.externalId),
    );
}

function mapLoadBalancer(
  dlb: WireLoadBalancer,
  vpc: { id: string; name: string },
  businessGroup: string | null,
  push: (kind: LiveKind, externalId: string, name: string, rest: Omit<Draft, "kind" | "externalId" | "name">) => void,
) {
  push("load-balancer", dlb.id, dlb.name, {
    businessGroup,
    environment: null,
    parentId: vpc.id,
    attributes: {
      vpc: vpc.name,
      state: dlb.state ?? null,
      workers: dlb.workers ?? null,
      ipAddresses: dlb.ipAddresses ?? null,
      allowlist: allowlistOf(dlb),
      httpMode: dlb.httpMode ?? null,
      tlsv1: dlb.tlsv1 ?? null,
      upstreamTlsv12: dlb.upstreamTlsv12 ?? null,
      cipherSuite: dlb.defaultCipherSuite ?? null,
      endpoints: dlb.sslEndpoints.length,
    },
  });
  dlb.sslEndpoints.forEach((endpoint, index) => {
    const name = endpoint.publicKeyCN || endpoint.publicKeyLabel || `${dlb.name} endpoint ${index + 1}`;
    push("tls-endpoint", `${dlb.id}:${index}`, name, {
      businessGroup,
      environment: null,
      parentId: dlb.id,
      attributes: {
        loadBalancer: dlb.name,
        certificateCn: endpoint.publicKeyCN ?? null,
        certificateLabel: endpoint.publicKeyLabel ?? null,
        certificateDigest: endpoint.publicKeyDigest ?? null,
        verifyClientMode: endpoint.verifyClientMode ?? null,
        tlsv1: endpoint.tlsv1 ?? dlb.tlsv1 ?? null,
        isDefault: (dlb.defaultSslEndpoint ?? 0) === index,
      },
    });
    endpoint.mappings.forEach((mapping, order) => {
      push("mapping-rule", `${dlb.id}:${index}:${order}`, `${dlb.name} ${mapping.inputUri} -> ${mapping.appName}`, {
        businessGroup,
        environment: null,
        parentId: dlb.id,
        attributes: {
          loadBalancer: dlb.name,
          endpoint: name,
          order: order + 1,
          inputUri: mapping.inputUri,
          appName: mapping.appName,
          appUri: mapping.appUri ?? null,
          upstreamProtocol: mapping.upstreamProtocol,
        },
      });
    });
  });
}
