// The reads of the runtimes beyond CloudHub (reference part 2): Runtime Fabrics per business group,
// and per environment its on-premise servers, clusters, server groups and their applications, its
// Anypoint MQ destinations and its Object Store v2 stores per region. Each call is scoped like the
// rest of the read (collect.ts): one that fails leaves out only what it reads.
import type { AnypointClient } from "@/lib/anypoint/client";
import { AnypointError } from "@/lib/anypoint/http";
import type {
  WireFabric,
  WireFabricAssociation,
  WireHybridApplication,
  WireHybridCluster,
  WireHybridServer,
  WireHybridServerGroup,
  WireMqDestination,
  WireObjectStore,
} from "@/lib/anypoint/wire-runtimes";
import type { ReadScopePlace } from "@/lib/domain/live/read-scope";
import type { LiveKind } from "@/lib/domain/live/snapshot";

/** What the runtime reads found (lists not read are absent; their scopes say so). */
export type RuntimesRead = {
  fabrics: { orgId: string; fabric: WireFabric; associations: WireFabricAssociation[] | null }[];
  hybrid: {
    orgId: string;
    envId: string;
    servers: WireHybridServer[];
    clusters: WireHybridCluster[];
    serverGroups: WireHybridServerGroup[];
    applications: WireHybridApplication[];
  }[];
  mq: { orgId: string; envId: string; region: string; destinations: WireMqDestination[] }[];
  objectStores: { orgId: string; envId: string; region: string; stores: WireObjectStore[] }[];
};

/** The scoped call of collect.ts: the answer, or null with its scope reported. */
export type Scoped = <T>(
  read: Promise<T>,
  kinds: LiveKind[],
  place: ReadScopePlace,
  records?: { externalId: (recordId: string) => string; kinds?: LiveKind[] },
) => Promise<T | null>;

/** A business group's fabrics with the environments each serves. */
export async function readFabrics(
  client: AnypointClient,
  scoped: Scoped,
  orgId: string,
  group: ReadScopePlace,
): Promise<RuntimesRead["fabrics"]> {
  const fabrics = await scoped(client.fabrics(orgId), ["runtime-fabric"], group, { externalId: (id) => id });
  return Promise.all(
    (fabrics ?? []).map(async (fabric) => ({
      orgId,
      fabric,
      associations: await scoped(client.fabricAssociations(orgId, fabric.id), ["runtime-fabric"], {
        ...group,
        attribute: "environments",
        resource: fabric.id,
        resourceName: fabric.name,
      }),
    })),
  );
}

/**
 * One environment's hybrid runtimes, MQ destinations and Object Store stores. MQ's regions come
 * from its regions call; where that call does not exist (404: the reference marks it unconfirmed)
 * the regions the estate and the plan use are asked, as they are for Object Store.
 */
export async function readEnvironmentRuntimes(
  client: AnypointClient,
  scoped: Scoped,
  at: { orgId: string; envId: string; place: ReadScopePlace; regions: readonly string[] },
): Promise<Pick<RuntimesRead, "hybrid" | "mq" | "objectStores">> {
  const { orgId, envId, place } = at;
  const [servers, clusters, serverGroups, applications, mqRegions] = await Promise.all([
    scoped(client.hybridServers(orgId, envId), ["mule-server"], place, { externalId: (id) => id }),
    scoped(client.hybridClusters(orgId, envId), ["mule-cluster"], place, { externalId: (id) => id }),
    scoped(client.hybridServerGroups(orgId, envId), ["server-group"], place, { externalId: (id) => id }),
    scoped(
      client.hybridApplications(orgId, envId),
      ["application"],
      { ...place, idPrefix: "hybrid:" },
      { externalId: (id) => `hybrid:${id}` },
    ),
    client.mqRegions(orgId, envId).then(
      (regions) => ({ regions: regions.map((r) => r.regionId), asked: true }),
      async (error: unknown) => {
        if (error instanceof AnypointError && error.status === 404) return { regions: [...at.regions], asked: false };
        // Refused or failing: that environment's destinations are not read (the scope says why).
        await scoped(Promise.reject(error), ["mq-destination"], place);
        return null;
      },
    ),
  ]);
  const inRegion = (region: string) => ({ ...place, idPrefix: `${envId}:${region}:` });
  const [mq, objectStores] = await Promise.all([
    Promise.all(
      (mqRegions?.regions ?? []).map(async (region) => {
        const read = client.mqDestinations(orgId, envId, region);
        // Asked only because the regions call is missing: a region without MQ answers 404, which is "none".
        const tolerant = mqRegions!.asked
          ? read
          : read.catch((error: unknown) => {
              if (error instanceof AnypointError && error.status === 404) return [];
              throw error;
            });
        const destinations = await scoped(tolerant, ["mq-destination"], inRegion(region), {
          externalId: (id) => `${envId}:${region}:${id}`,
        });
        return destinations ? [{ orgId, envId, region, destinations }] : [];
      }),
    ),
    Promise.all(
      at.regions.map(async (region) => {
        const stores = await scoped(client.objectStores(orgId, envId, region), ["object-store"], inRegion(region), {
          externalId: (id) => `${envId}:${region}:${id}`,
        });
        return stores ? [{ orgId, envId, region, stores }] : [];
      }),
    ),
  ]);
  return {
    hybrid: [
      {
        orgId,
        envId,
        servers: servers ?? [],
        clusters: clusters ?? [],
        serverGroups: serverGroups ?? [],
        applications: applications ?? [],
      },
    ],
    mq: mq.flat(),
    objectStores: objectStores.flat(),
  };
}
