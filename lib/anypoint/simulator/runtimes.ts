// The simulator's answers for the runtimes beyond CloudHub (reference part 2): Runtime Fabric,
// hybrid servers, clusters and server groups, Anypoint MQ and Object Store v2, in the shapes and
// envelopes the reference gives (bare arrays for fabrics and MQ, `{data}` for hybrid, token pages
// `{values, nextPageToken}` for Object Store, served under `/object-store/{region}`).
import type http from "node:http";
import type { Estate } from "@/lib/anypoint/simulator/estate";

type Answer = { status: number; body?: unknown };
const json = (status: number, body: unknown): Answer => ({ status, body });
const notFound = (what: string) => json(404, { status: 404, message: `${what} not found` });

/** The answer of a runtime route, or null when none matches (the main router goes on). */
export function routeRuntimes(
  estate: Estate,
  path: string,
  query: URLSearchParams,
  headers: http.IncomingHttpHeaders,
  known: { org: (id: string) => boolean; envOrg: (envId: string) => string | undefined },
): Answer | null {
  let m: RegExpExecArray | null;
  if ((m = /^\/runtimefabric\/api\/organizations\/([^/]+)\/fabrics(?:\/([^/]+)(?:\/(associations))?)?$/.exec(path))) {
    if (!known.org(m[1]!)) return notFound("Organization");
    const fabrics = estate.fabrics[m[1]!] ?? [];
    if (!m[2]) return json(200, fabrics);
    const fabric = fabrics.find((f) => f.id === m![2]);
    if (!fabric) return notFound("Fabric");
    return json(200, m[3] ? (estate.fabricAssociations[m[2]!] ?? []) : fabric);
  }
  if ((m = /^\/hybrid\/api\/v1\/(servers|clusters|serverGroups|applications)$/.exec(path))) {
    const orgId = headers["x-anypnt-org-id"];
    const envId = headers["x-anypnt-env-id"];
    if (typeof orgId !== "string" || typeof envId !== "string") {
      return json(400, { message: "X-ANYPNT-ORG-ID and X-ANYPNT-ENV-ID headers are required" });
    }
    if (known.envOrg(envId) !== orgId) return notFound("Environment");
    const source = {
      servers: estate.hybridServers,
      clusters: estate.hybridClusters,
      serverGroups: estate.hybridServerGroups,
      applications: estate.hybridApplications,
    }[m[1] as "servers" | "clusters" | "serverGroups" | "applications"];
    return json(200, { data: source[envId] ?? [] });
  }
  if (
    (m =
      /^\/mq\/admin\/api\/v1\/organizations\/([^/]+)\/environments\/([^/]+)\/regions(?:\/([^/]+)\/destinations)?$/.exec(
        path,
      ))
  ) {
    if (known.envOrg(m[2]!) !== m[1]) return notFound("Environment");
    if (!m[3]) return json(200, estate.mqRegions[m[2]!] ?? []);
    const all = estate.mqDestinations[`${m[2]}/${m[3]}`] ?? [];
    const offset = Number(query.get("offset") ?? 0);
    const limit = Number(query.get("limit") ?? 20);
    // The admin API caps a page at its default, as a real service may: a reader asking for more must not stop early.
    return json(200, all.slice(offset, offset + Math.min(limit, 20)));
  }
  if ((m = /^\/object-store\/([^/]+)\/api\/v1\/organizations\/([^/]+)\/environments\/([^/]+)\/stores$/.exec(path))) {
    if (known.envOrg(m[3]!) !== m[2]) return notFound("Environment");
    const all = estate.objectStores[`${m[3]}/${m[1]}`] ?? [];
    const size = Number(query.get("pageSize") ?? 25);
    const after = query.get("nextPageToken");
    const start = after ? all.findIndex((s) => s.storeId === after) + 1 : 0;
    const values = all.slice(start, start + size);
    const last = start + size >= all.length;
    return json(200, { values, ...(last ? {} : { nextPageToken: values.at(-1)?.storeId }) });
  }
  return null;
}
