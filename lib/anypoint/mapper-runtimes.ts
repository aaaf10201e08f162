// The runtimes beyond CloudHub as normalised resources: Runtime Fabrics (with node counts and
// capacity), on-premise servers, clusters and server groups, applications deployed to them, MQ
// destinations and Object Store stores. Field by field, as mapper.ts does: a fabric's activation
// data, an artifact's checksum or a store's keys never pass.
import type { RuntimesRead } from "@/lib/anypoint/collect-runtimes";
import type { WireFabric, WireHybridServer } from "@/lib/anypoint/wire-runtimes";
import type { LiveKind, LiveResource, LiveValue } from "@/lib/domain/live/snapshot";

type Draft = Omit<LiveResource, "attributes"> & { attributes: Record<string, LiveValue | undefined> };
type Push = (
  kind: LiveKind,
  externalId: string,
  name: string,
  rest: Omit<Draft, "kind" | "externalId" | "name">,
) => void;
export type Names = { org: (id: string) => string | null; env: (id: string) => string | null };

const iso = (epochMs: number | null | undefined) =>
  typeof epochMs === "number" ? new Date(epochMs).toISOString() : null;

/** The nodes of a fabric by role, ready or not, and the workers' capacity against what is requested of them. */
function fabricNodes(fabric: WireFabric) {
  // Nodes not answered: every count unknown, not zero.
  if (!fabric.nodes) {
    return {
      controllers: null,
      workers: null,
      nodesNotReady: null,
      nodes: null,
      workerCpuMillis: null,
      workerCpuMillisRequested: null,
    };
  }
  const role = (r: string) => fabric.nodes!.filter((n) => (n.role ?? "").toLowerCase() === r);
  const workers = role("worker");
  const sum = (values: (number | null | undefined)[]) =>
    values.every((v) => typeof v === "number") ? values.reduce<number>((a, b) => a + (b as number), 0) : null;
  return {
    controllers: role("controller").length,
    workers: workers.length,
    // Ready unless the node says it is not: a node without a status is unknown, not down.
    nodesNotReady: fabric.nodes
      .filter((n) => n.status?.isReady === false || n.status?.isHealthy === false)
      .map((n) => n.name ?? n.uid ?? "node"),
    nodes: fabric.nodes.map((n) => ({
      name: n.name ?? n.uid ?? null,
      role: n.role ?? null,
      ready: n.status?.isReady ?? null,
      healthy: n.status?.isHealthy ?? null,
      cpuMillis: n.capacity?.cpuMillis ?? null,
      memoryMi: n.capacity?.memoryMi ?? null,
    })),
    workerCpuMillis: sum(workers.map((n) => n.capacity?.cpuMillis)),
    workerCpuMillisRequested: sum(workers.map((n) => n.allocatedRequestCapacity?.cpuMillis)),
  };
}

const serverAttributes = (server: WireHybridServer) => ({
  serverType: server.serverType ?? null,
  status: server.status ?? null,
  runtimeVersion: server.muleVersion ?? null,
  agentVersion: server.agentVersion ?? null,
  host: server.serverIp ?? server.addresses[0]?.ip ?? null,
  cluster: server.clusterName ?? null,
  serverGroup: server.serverGroupName ?? null,
});

/** Pushes the resources of the runtime reads. */
export function mapRuntimes(read: RuntimesRead, names: Names, push: Push): void {
  for (const { orgId, fabric, associations } of read.fabrics) {
    push("runtime-fabric", fabric.id, fabric.name, {
      businessGroup: names.org(orgId),
      environment: null,
      parentId: orgId,
      attributes: {
        region: fabric.region ?? null,
        vendor: fabric.vendor ?? null,
        status: fabric.status ?? null,
        version: fabric.version ?? null,
        availableUpgradeVersion: fabric.availableUpgradeVersion || null,
        kubernetesVersion: fabric.kubernetesVersion ?? null,
        secondsSinceHeartbeat: fabric.secondsSinceHeartbeat ?? null,
        licenseExpiresAt: iso(fabric.licenseExpiryDate),
        configurationLevel: fabric.clusterConfigurationLevel ?? null,
        // Associations not read: unknown. An association to "all" (or a type) names no environment id.
        environments: associations
          ? associations.map((a) => names.env(a.environmentId ?? "") ?? a.environmentId ?? "").filter(Boolean)
          : null,
        ...fabricNodes(fabric),
      },
    });
  }

  for (const { orgId, envId, servers, clusters, serverGroups, applications } of read.hybrid) {
    const place = { businessGroup: names.org(orgId), environment: names.env(envId), parentId: envId };
    for (const server of servers) {
      push("mule-server", server.id, server.name, { ...place, attributes: serverAttributes(server) });
    }
    for (const cluster of clusters) {
      const members = cluster.servers;
      push("mule-cluster", cluster.id, cluster.name, {
        ...place,
        attributes: {
          status: cluster.status ?? null,
          // Not answered: unknown; false is a unicast cluster (member IPs listed).
          multicast: cluster.multicastEnabled ?? null,
          nodes: members ? members.length : null,
          runningNodes: members ? members.filter((s) => (s.status ?? "").toUpperCase() === "RUNNING").length : null,
          nodesDown: members
            ? members.filter((s) => s.status && s.status.toUpperCase() !== "RUNNING").map((s) => s.name)
            : null,
          members: members ? members.map((s) => s.name) : null,
          runtimeVersions: members
            ? [...new Set(members.map((s) => s.muleVersion).filter((v): v is string => !!v))].sort()
            : null,
        },
      });
    }
    for (const group of serverGroups) {
      const members = group.servers;
      push("server-group", group.id, group.name, {
        ...place,
        attributes: {
          status: group.status ?? null,
          servers: members ? members.length : null,
          runningServers: members ? members.filter((s) => (s.status ?? "").toUpperCase() === "RUNNING").length : null,
          members: members ? members.map((s) => s.name) : null,
        },
      });
    }
    for (const app of applications) {
      const targetType = (app.target?.type ?? "").toUpperCase();
      push("application", `hybrid:${app.id}`, app.name, {
        ...place,
        attributes: {
          platform:
            targetType === "CLUSTER"
              ? "cluster"
              : targetType === "SERVER_GROUP"
                ? "server-group"
                : targetType === "SERVER"
                  ? "server"
                  : "hybrid",
          target: app.target?.name ?? null,
          status: app.lastReportedStatus ?? null,
          desiredStatus: app.desiredStatus ?? null,
          // Per node: the servers whose copy is not in the state asked for.
          nodesOutOfState: app.serverArtifacts
            .filter((a) => a.desiredStatus && a.lastReportedStatus && a.desiredStatus !== a.lastReportedStatus)
            .map((a) => a.serverId ?? ""),
          runtimeVersion: null,
          artifact: app.artifact?.name ?? null,
        },
      });
    }
  }

  for (const { orgId, envId, region, destinations } of read.mq) {
    for (const d of destinations) {
      const isExchange = (d.type ?? "").toLowerCase() === "exchange" || (!d.queueId && !!d.exchangeId);
      const id = (isExchange ? d.exchangeId : d.queueId) ?? d.queueId ?? d.exchangeId!;
      push("mq-destination", `${envId}:${region}:${id}`, id, {
        businessGroup: names.org(orgId),
        environment: names.env(envId),
        parentId: envId,
        attributes: {
          region,
          type: isExchange ? "exchange" : "queue",
          fifo: d.fifo ?? null,
          encrypted: d.encrypted ?? null,
          ttlMs: d.defaultTtl ?? null,
          lockTtlMs: d.defaultLockTtl ?? null,
          // An exchange has no dead-letter queue of its own: not "missing" for it.
          deadLetterQueue: isExchange ? null : (d.deadLetterQueueId ?? ""),
          maxDeliveries: isExchange ? null : (d.maxDeliveries ?? null),
        },
      });
    }
  }

  for (const { orgId, envId, region, stores } of read.objectStores) {
    for (const store of stores) {
      push("object-store", `${envId}:${region}:${store.storeId}`, store.storeId, {
        businessGroup: names.org(orgId),
        environment: names.env(envId),
        parentId: envId,
        attributes: {
          region,
          encrypted: store.encrypted,
          ttlMs: store.defaultTtlMillis ?? null,
        },
      });
    }
  }
}
