import { z } from "zod";

const wireObject = z.looseObject({});
const byKey = z.record(z.string(), z.array(wireObject));

/**
 * An estate file: what an Anypoint organisation holds, stored in the API's own wire shapes
 * (shared/reference/anypoint-api.md) so that the simulator serves it without translation.
 * Keys of the maps are the ids the API paths carry (organisation, environment, VPC, team,
 * private space, API instance).
 */
export const estateSchema = z.object({
  /** Connected apps the token endpoint accepts. */
  credentials: z
    .array(z.object({ clientId: z.string(), clientSecret: z.string(), name: z.string().optional() }))
    .min(1),
  rootOrganizationId: z.string(),
  /** Every organisation (root and business groups) as GET /accounts/api/organizations/{id} answers it. */
  organizations: z.array(z.looseObject({ id: z.string(), name: z.string() })).min(1),
  usage: z.record(z.string(), wireObject).default({}),
  teams: z.array(z.looseObject({ team_id: z.string() })).default([]),
  teamMembers: byKey.default({}),
  teamRoles: byKey.default({}),
  vpcs: byKey.default({}),
  vpns: byKey.default({}),
  loadBalancers: byKey.default({}),
  /** CloudHub 1.0 applications per environment id. */
  applications: byKey.default({}),
  /** CloudHub 2.0 / RTF deployment details per environment id (the list answers summaries of them). */
  deployments: byKey.default({}),
  /** Private-space details per organisation id. */
  privateSpaces: byKey.default({}),
  privateSpaceConnections: byKey.default({}),
  tlsContexts: byKey.default({}),
  /** API Manager assets (each with its `apis`) per environment id. */
  apis: byKey.default({}),
  /** Policies per API instance id. */
  policies: byKey.default({}),
  /** Runtime Fabrics per organisation id, and their environment associations per fabric id. */
  fabrics: byKey.default({}),
  fabricAssociations: byKey.default({}),
  /** On-premise (hybrid) servers, clusters, server groups and their applications per environment id. */
  hybridServers: byKey.default({}),
  hybridClusters: byKey.default({}),
  hybridServerGroups: byKey.default({}),
  hybridApplications: byKey.default({}),
  /** Anypoint MQ regions per environment id; destinations per "{envId}/{regionId}". */
  mqRegions: byKey.default({}),
  mqDestinations: byKey.default({}),
  /** Object Store v2 stores per "{envId}/{regionId}". */
  objectStores: byKey.default({}),
});
export type Estate = z.infer<typeof estateSchema>;
export type EstateInput = z.input<typeof estateSchema>;
