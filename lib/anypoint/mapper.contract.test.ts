// The mapper's output over the base samples of the wire contract tests (wire.contract.test.ts):
// pinned for the full samples and for records carrying only the fields the portal needs, where
// everything not read must come out as null, never as a made-up value.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { EstateRead } from "@/lib/anypoint/collect";
import { mapEstate } from "@/lib/anypoint/mapper";
import {
  apiAssetSchema,
  apiPolicySchema,
  ch1ApplicationSchema,
  deploymentSchema,
  environmentSchema,
  loadBalancerSchema,
  organizationSchema,
  privateSpaceConnectionSchema,
  privateSpaceSchema,
  teamMemberSchema,
  teamRoleSchema,
  teamSchema,
  tlsContextSchema,
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
  objectStoreSchema,
} from "@/lib/anypoint/wire-runtimes";
import { buildEstate, fixtureIds } from "@/lib/fixtures/estate-fixture";
import { northwindRuntimes } from "@/lib/fixtures/northwind/estate-runtimes";

type Json = Record<string, unknown>;

const estate = buildEstate();
const { root, rootPrd, bgPrd, vpc, privateSpace, teamAdmins, api } = fixtureIds;
const firstOf = (map: Record<string, Json[]> | undefined, key: string | number) => map?.[String(key)]?.[0] as Json;
// The runtime samples are the demo's, placed in this estate's production environment.
const runtimes = northwindRuntimes({ logistics: root, prod: rootPrd, test: "test-environment" }) as Record<
  string,
  Record<string, Json[]>
>;
const onlyKeys = (sample: Json, keep: string[]) => Object.fromEntries(keep.map((k) => [k, sample[k]]));

describe("the mapper over the base samples", () => {
  const parse = <S extends z.ZodType>(schema: S, sample: unknown): z.output<S> => schema.parse(sample);
  const org = parse(organizationSchema, estate.organizations[0]);
  const environment = org.environments[0]!;
  const baseRead = (minimal: boolean): EstateRead => {
    // The minimal records carry only the needed fields: everything else not read.
    const only = <S extends z.ZodType>(schema: S, sample: Json, keep: string[]) =>
      parse(schema, minimal ? Object.fromEntries(keep.map((k) => [k, sample[k]])) : sample);
    return {
      rootOrgId: root,
      organizations: [minimal ? parse(organizationSchema, { id: org.id, name: org.name }) : org],
      usage: new Map([[root, only(usageSchema, estate.usage![root]!, [])]]),
      environments: [{ orgId: root, environment: only(environmentSchema, environment as Json, ["id", "name"]) }],
      teams: [
        {
          team: only(teamSchema, estate.teams![1]!, ["team_id", "team_name"]),
          members: [only(teamMemberSchema, firstOf(estate.teamMembers, teamAdmins), ["id"])],
          roles: [only(teamRoleSchema, firstOf(estate.teamRoles, teamAdmins), ["role_id", "name"])],
        },
      ],
      vpcs: [
        {
          orgId: root,
          vpc: only(vpcSchema, firstOf(estate.vpcs, root), ["id", "name"]),
          vpns: [only(vpnSchema, firstOf(estate.vpns, vpc), ["id", "name"])],
          loadBalancers: [only(loadBalancerSchema, firstOf(estate.loadBalancers, vpc), ["id", "name"])],
        },
      ],
      applications: [
        {
          orgId: root,
          envId: rootPrd,
          application: only(ch1ApplicationSchema, firstOf(estate.applications, rootPrd), ["domain"]),
        },
      ],
      deployments: [
        {
          orgId: root,
          envId: rootPrd,
          deployment: only(deploymentSchema, firstOf(estate.deployments, bgPrd), ["id", "name"]),
        },
      ],
      privateSpaces: [
        {
          orgId: root,
          space: only(privateSpaceSchema, firstOf(estate.privateSpaces, fixtureIds.bg), ["id", "name"]),
          connections: [
            minimal
              ? parse(privateSpaceConnectionSchema, { vpns: [{ name: "vpn" }] })
              : parse(privateSpaceConnectionSchema, firstOf(estate.privateSpaceConnections, privateSpace)),
          ],
          tlsContexts: [only(tlsContextSchema, firstOf(estate.tlsContexts, privateSpace), ["id"])],
        },
      ],
      apis: [
        {
          orgId: root,
          envId: rootPrd,
          api: parse(apiAssetSchema, minimal ? { apis: [{ id: api }] } : firstOf(estate.apis, rootPrd)).apis[0]!,
          policies: [only(apiPolicySchema, firstOf(estate.policies, api), ["id"])],
        },
      ],
      runtimes: {
        fabrics: (Object.values(runtimes.fabrics!)[0] ?? []).map((fabric) => ({
          orgId: root,
          fabric: parse(fabricSchema, minimal ? onlyKeys(fabric, ["id", "name"]) : fabric),
          associations: minimal
            ? null
            : (Object.values(runtimes.fabricAssociations!)[0] ?? []).map((a) => parse(fabricAssociationSchema, a)),
        })),
        hybrid: [
          {
            orgId: root,
            envId: rootPrd,
            servers: runtimes.hybridServers![rootPrd]!.map((s) =>
              parse(hybridServerSchema, minimal ? onlyKeys(s, ["id", "name"]) : s),
            ),
            clusters: runtimes.hybridClusters![rootPrd]!.map((c) =>
              parse(hybridClusterSchema, minimal ? onlyKeys(c, ["id", "name"]) : c),
            ),
            serverGroups: (runtimes.hybridServerGroups![rootPrd] ?? []).map((g) =>
              parse(hybridServerGroupSchema, minimal ? onlyKeys(g, ["id", "name"]) : g),
            ),
            applications: runtimes.hybridApplications![rootPrd]!.map((a) =>
              parse(hybridApplicationSchema, minimal ? onlyKeys(a, ["id", "name"]) : a),
            ),
          },
        ],
        mq: [
          {
            orgId: root,
            envId: rootPrd,
            region: "eu-central-1",
            destinations: Object.values(runtimes.mqDestinations!)[0]!.map((d) =>
              parse(mqDestinationSchema, minimal ? onlyKeys(d, ["queueId", "exchangeId"]) : d),
            ),
          },
        ],
        objectStores: [
          {
            orgId: root,
            envId: rootPrd,
            region: "eu-central-1",
            stores: Object.values(runtimes.objectStores!)[0]!.map((o) =>
              parse(objectStoreSchema, minimal ? onlyKeys(o, ["storeId"]) : o),
            ),
          },
        ],
      },
      warnings: [],
      scopes: [],
      readWarnings: [],
    };
  };

  const ch2With = (settings: Json) =>
    mapEstate({
      ...baseRead(true),
      deployments: [
        {
          orgId: root,
          envId: rootPrd,
          deployment: parse(deploymentSchema, { id: "d1", name: "d1", target: { deploymentSettings: settings } }),
        },
      ],
    }).find((r) => r.externalId === "ch2:d1")?.attributes;

  it("reads lastMileSecurity from deploymentSettings (CGO, real answers) or from http.inbound", () => {
    expect(ch2With({ lastMileSecurity: true })?.lastMileSecurity).toBe(true);
    expect(ch2With({ http: { inbound: { lastMileSecurity: false } } })?.lastMileSecurity).toBe(false);
    expect(ch2With({ lastMileSecurity: null, http: null })?.lastMileSecurity).toBeNull();
  });

  it("reads autoscaling answered without `enabled` as off, and autoscaling not answered as unknown", () => {
    expect(ch2With({ autoscaling: { minReplicas: 1 } })?.autoscaling).toEqual({
      enabled: false,
      minReplicas: 1,
      maxReplicas: null,
    });
    expect(ch2With({})?.autoscaling).toBeNull();
  });

  it("maps a field that was not read to null, never to a made-up value", () => {
    expect(mapEstate(baseRead(true))).toMatchSnapshot();
  });

  it("maps the base samples", () => {
    expect(mapEstate(baseRead(false))).toMatchSnapshot();
  });
});
