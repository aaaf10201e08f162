// Response shapes of the runtimes beyond CloudHub: Runtime Fabric, on-premise (hybrid) Mule
// runtimes, Anypoint MQ and Object Store v2 (shared/reference/anypoint-api.md, part 2). Read as
// tolerantly as wire.ts: loose objects, every field optional and nullable but the id (and, where the
// portal shows it, the name). Part 2 marks several shapes unconfirmed; each assumption is written
// beside its schema, and the readers accept both envelopes where the reference is not sure.
import { z } from "zod";

const text = z.string().nullish();
const flag = z.boolean().nullish();
const count = z.number().nullish();
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((value): z.output<T>[] => value ?? []);
/** Hybrid ids are integers (part 2 §D); read either form as a string. */
const numericId = z.union([z.number(), z.string().min(1)]).transform(String);
const optionalId = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : String(v)));

// CGO rtf Capacity: cpu int, cpuMillis int, memory string, memoryMi int, pods int.
const capacity = z.looseObject({ cpu: count, cpuMillis: count, memory: text, memoryMi: count, pods: count });

/** A node of a fabric (CGO rtf FabricsNode). Assumption: `role` is "controller" or "worker" on appliances. */
const fabricNode = z.looseObject({
  uid: text,
  name: text,
  role: text,
  kubeletVersion: text,
  status: z.looseObject({ isHealthy: flag, isReady: flag, isSchedulable: flag }).nullish(),
  capacity: capacity.nullish(),
  allocatedRequestCapacity: capacity.nullish(),
  allocatedLimitCapacity: capacity.nullish(),
});

/**
 * GET /runtimefabric/api/organizations/{orgId}/fabrics (bare array, CGO rtf Fabrics). The answer
 * also carries `activationData`, an activation token: the mapper never copies it.
 */
// Assumption (part 2 §A.1): `status` values (Active, Degraded, Disconnected) are unconfirmed: read as text.
export const fabricSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  region: text,
  vendor: text,
  organizationId: text,
  version: text,
  status: text,
  desiredVersion: text,
  availableUpgradeVersion: text,
  nodes: z.array(fabricNode).nullish(),
  secondsSinceHeartbeat: count,
  kubernetesVersion: text,
  licenseExpiryDate: count,
  clusterConfigurationLevel: text,
});
export type WireFabric = z.infer<typeof fabricSchema>;

/** GET …/fabrics/{fabricId}/associations (bare array; CGO documents 201 for the GET). */
export const fabricAssociationSchema = z.looseObject({ id: text, organizationId: text, environmentId: text });
export type WireFabricAssociation = z.infer<typeof fabricAssociationSchema>;

/** A registered on-premise Mule runtime (part 2 §D: ARM REST Services' Server, third-party fixtures). */
export const hybridServerSchema = z.looseObject({
  id: numericId,
  name: z.string(),
  type: text,
  serverType: text,
  muleVersion: text,
  agentVersion: text,
  status: text,
  clusterId: optionalId,
  clusterName: text,
  serverGroupId: optionalId,
  serverGroupName: text,
  serverIp: text,
  addresses: list(z.looseObject({ ip: text, networkInterface: text })),
});
export type WireHybridServer = z.infer<typeof hybridServerSchema>;

/** GET /hybrid/api/v1/clusters (`{"data": [...]}`). `multicastEnabled: false` is a unicast cluster. */
// Assumption (part 2 §D): `primaryNodeId` comes from a third-party fixture only.
export const hybridClusterSchema = z.looseObject({
  id: numericId,
  name: z.string(),
  status: text,
  multicastEnabled: flag,
  primaryNodeId: optionalId,
  // Not `list`: members not answered are unknown, not "no node".
  servers: z.array(hybridServerSchema).nullish(),
});
export type WireHybridCluster = z.infer<typeof hybridClusterSchema>;

/** GET /hybrid/api/v1/serverGroups (`{"data": [...]}`). */
export const hybridServerGroupSchema = z.looseObject({
  id: numericId,
  name: z.string(),
  status: text,
  servers: z.array(hybridServerSchema).nullish(),
});
export type WireHybridServerGroup = z.infer<typeof hybridServerGroupSchema>;

/** GET /hybrid/api/v1/applications (`{"data": [...]}`): an application on a server, group or cluster. */
// Assumption (part 2 §D): target.type is SERVER | SERVER_GROUP | CLUSTER (fixtures only).
export const hybridApplicationSchema = z.looseObject({
  id: numericId,
  name: z.string(),
  desiredStatus: text,
  lastReportedStatus: text,
  started: flag,
  target: z.looseObject({ id: optionalId, name: text, type: text, status: text }).nullish(),
  serverArtifacts: list(z.looseObject({ serverId: optionalId, lastReportedStatus: text, desiredStatus: text })),
  artifact: z.looseObject({ name: text, fileName: text }).nullish(),
});
export type WireHybridApplication = z.infer<typeof hybridApplicationSchema>;

/**
 * GET /mq/admin/api/v1/organizations/{orgId}/environments/{envId}/regions. Not in CGO (part 2
 * §B.3, §E): read as a list of region objects with `regionId` or of bare region ids.
 */
export const mqRegionSchema = z
  .union([z.string().min(1), z.looseObject({ regionId: z.string().min(1), regionName: text })])
  .transform((region) => (typeof region === "string" ? { regionId: region, regionName: null } : region));
export type WireMqRegion = z.infer<typeof mqRegionSchema>;

/**
 * GET …/regions/{regionId}/destinations (bare array of CGO amq `queue`): queues and exchanges in
 * one list, an exchange with `exchangeId` set. TTLs are in milliseconds (MQ docs).
 */
export const mqDestinationSchema = z
  .looseObject({
    queueId: text,
    exchangeId: text,
    type: text,
    fifo: flag,
    encrypted: flag,
    defaultTtl: count,
    defaultLockTtl: count,
    defaultDeliveryDelay: count,
    deadLetterQueueId: text,
    maxDeliveries: count,
  })
  // The warning names the field a queue lacks (an exchange would lack exchangeId).
  .refine((d) => !!(d.queueId || d.exchangeId), {
    message: "a destination needs a queueId or an exchangeId",
    path: ["queueId"],
  });
export type WireMqDestination = z.infer<typeof mqDestinationSchema>;

/**
 * GET {object store host}/api/v1/organizations/{orgId}/environments/{envId}/stores, token paged
 * (`{"values": [...], "nextPageToken": ...}`). The dev portal's example answers `encrypted` as the
 * string "false": either form is read.
 */
export const objectStoreSchema = z.looseObject({
  storeId: z.string().min(1),
  encrypted: z
    .union([z.boolean(), z.enum(["true", "false"])])
    .nullish()
    .transform((v) => (v === null || v === undefined ? null : v === true || v === "true")),
  defaultTtlMillis: count,
  defaultConfirmationTtlMillis: count,
});
export type WireObjectStore = z.infer<typeof objectStoreSchema>;

/** One page of the Object Store v2 store list. */
export const objectStorePageSchema = z.looseObject({ values: z.array(z.unknown()).nullish(), nextPageToken: text });
