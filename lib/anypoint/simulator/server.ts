import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { routeRuntimes } from "@/lib/anypoint/simulator/runtimes";
import { estateSchema, type Estate } from "@/lib/anypoint/simulator/estate";

/** A fault the simulator injects into matching requests (path matched as a regular expression). */
export const faultSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("status"),
    match: z.string(),
    status: z.number().int().min(400).max(599),
    /** Requests to skip before failing, and how many to fail (default: all). */
    after: z.number().int().min(0).default(0),
    times: z.number().int().min(1).optional(),
  }),
  z.object({
    kind: z.literal("rate-limit"),
    match: z.string().default("."),
    /** 429 (Retry-After) or 503 (X-RateLimit-Reset), as Anypoint's APIs do. */
    status: z.union([z.literal(429), z.literal(503)]).default(429),
    retryAfterSeconds: z.number().min(0).default(1),
    after: z.number().int().min(0).default(0),
    times: z.number().int().min(1).optional(),
    /** Throttle a share of matching requests at random instead (benchmarks). */
    probability: z.number().min(0).max(1).optional(),
  }),
  z.object({ kind: z.literal("slow"), match: z.string().default("."), delayMs: z.number().int().min(0) }),
  z.object({
    kind: z.literal("truncate"),
    match: z.string(),
    after: z.number().int().min(0).default(0),
    times: z.number().int().min(1).optional(),
  }),
  /** Every call about this business group answers 403, as when the connected app lacks its scopes. */
  z.object({ kind: z.literal("forbidden-org"), orgId: z.string() }),
  /**
   * A field left out of (omit-field) or null in (null-field) the records a matching call answers:
   * every item of a list, or the one record. `field` is a dotted path, `*` for every list element
   * ("sslEndpoints.*.mappings.*.upstreamProtocol"); `index` picks one item of a list.
   */
  z.object({
    kind: z.enum(["omit-field", "null-field"]),
    match: z.string(),
    field: z.string().min(1),
    index: z.number().int().min(0).optional(),
  }),
  /** A record that fits no schema, inserted into the list a matching call answers (at `index`). */
  z.object({
    kind: z.literal("malformed-record"),
    match: z.string(),
    index: z.number().int().min(0).default(0),
    record: z.unknown().default({ id: 42, name: ["not", "a", "name"] }),
  }),
]);
export type Fault = z.input<typeof faultSchema>;
type ParsedFault = z.output<typeof faultSchema>;

/** A request the simulator received, for contract tests. */
export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  /** False when no route matched: a test should fail on any. */
  handled: boolean;
};

export type SimulatorOptions = {
  estate: unknown;
  /** Seconds a token lives. */
  tokenLifetimeSeconds?: number;
  /** Added to every request (benchmarks). */
  latencyMs?: number;
  random?: () => number;
};

type Answer = { status: number; body?: unknown; headers?: Record<string, string>; raw?: string };

const json = (status: number, body: unknown, headers?: Record<string, string>): Answer => ({ status, body, headers });
const notFound = (what: string) => json(404, { message: `${what} not found` });

type BodyFault = Extract<ParsedFault, { kind: "omit-field" | "null-field" | "malformed-record" }>;
const isBodyFault = (fault: ParsedFault): fault is BodyFault =>
  fault.kind === "omit-field" || fault.kind === "null-field" || fault.kind === "malformed-record";

/** The list in an answer (bare, or under the key Anypoint's envelopes use), else null. */
function listIn(body: unknown): unknown[] | null {
  if (Array.isArray(body)) return body;
  if (!body || typeof body !== "object") return null;
  const envelope = body as Record<string, unknown>;
  const key = ["data", "items", "content", "assets", "policies"].find((k) => Array.isArray(envelope[k]));
  return key ? (envelope[key] as unknown[]) : null;
}

/** Leaves out or nulls the field at a dotted path (`*`: every list element) of one record, in place. */
function alterField(node: unknown, path: string[], kind: "omit-field" | "null-field"): void {
  if (!node || typeof node !== "object") return;
  const [head, ...rest] = path;
  if (head === undefined) return;
  const record = node as Record<string, unknown>;
  if (head === "*") {
    if (Array.isArray(node)) for (const item of node) alterField(item, rest, kind);
    return;
  }
  if (rest.length) return alterField(record[head], rest, kind);
  if (kind === "omit-field") delete record[head];
  else if (head in record) record[head] = null;
}

/** An answer with the body faults applied, on a copy (the estate itself stays as it is). */
function applyBodyFaults(body: unknown, faults: BodyFault[]): unknown {
  if (!faults.length) return body;
  const copy = structuredClone(body);
  const list = listIn(copy);
  for (const fault of faults) {
    if (fault.kind === "malformed-record") {
      list?.splice(Math.min(fault.index, list.length), 0, structuredClone(fault.record));
      continue;
    }
    const records = list ? (fault.index === undefined ? list : list.slice(fault.index, fault.index + 1)) : [copy];
    for (const record of records) alterField(record, fault.field.split("."), fault.kind);
  }
  return copy;
}

/** Pages a list by `offset` and `limit` query parameters (absent: everything). */
function page<T>(items: T[], query: URLSearchParams, defaultLimit: number): T[] {
  const offset = Number(query.get("offset") ?? 0);
  const limit = Number(query.get("limit") ?? defaultLimit);
  return items.slice(offset, offset + limit);
}

/** What the deployments list answers for a deployment: a summary of its details. */
function summaryOf(d: Record<string, unknown>): Record<string, unknown> {
  const detail = d as Record<string, unknown> & {
    application?: { status?: string };
    target?: { provider?: string; targetId?: string; deploymentSettings?: { runtime?: { version?: string } } };
  };
  return {
    id: detail.id,
    name: detail.name,
    creationDate: detail.creationDate,
    lastModifiedDate: detail.lastModifiedDate,
    target: { provider: detail.target?.provider, targetId: detail.target?.targetId },
    status: detail.status,
    application: { status: detail.application?.status },
    currentRuntimeVersion: detail.target?.deploymentSettings?.runtime?.version,
  };
}

/**
 * Serves an estate file in the wire shapes of the Anypoint Platform APIs: token issuance, the
 * organisation walk, CloudHub 1.0 and 2.0, networks, API Manager, with every envelope kind and
 * paging, and faults injected on demand. Read-only like the real client: anything but GET (and
 * the token POST) answers 405 and is recorded.
 */
export function createSimulator(options: SimulatorOptions) {
  let estate: Estate = estateSchema.parse(options.estate);
  const tokens = new Map<string, number>();
  const faults: { fault: ParsedFault; seen: number; fired: number }[] = [];
  const requests: RecordedRequest[] = [];
  const random = options.random ?? Math.random;
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  // Lookups built once per estate: an estate of 50,000 applications is read with tens of
  // thousands of requests, and a scan per request would make the simulator the bottleneck.
  type Indexes = {
    orgs: Map<string, Estate["organizations"][number]>;
    envOrg: Map<string, string>;
    apiIds: Map<string, Set<string>>;
    deployments: Map<string, Map<string, Record<string, unknown>>>;
    summaries: Map<string, Record<string, unknown>[]>;
  };
  let indexes: Indexes | null = null;
  const indexed = (): Indexes =>
    (indexes ??= {
      orgs: new Map(estate.organizations.map((o) => [o.id, o])),
      envOrg: new Map(
        estate.organizations.flatMap((o) =>
          ((o.environments as { id: string }[] | undefined) ?? []).map((e) => [e.id, o.id] as const),
        ),
      ),
      apiIds: new Map(
        Object.entries(estate.apis).map(([envId, assets]) => [
          envId,
          new Set(assets.flatMap((a) => ((a.apis as { id: number }[] | undefined) ?? []).map((api) => String(api.id)))),
        ]),
      ),
      deployments: new Map(
        Object.entries(estate.deployments).map(([envId, list]) => [envId, new Map(list.map((d) => [String(d.id), d]))]),
      ),
      summaries: new Map(Object.entries(estate.deployments).map(([envId, list]) => [envId, list.map(summaryOf)])),
    });
  const orgs = () => indexed().orgs;
  const envOrg = () => indexed().envOrg;

  function issueToken(body: string, contentType: string): Answer {
    let fields: Record<string, unknown> = {};
    if (contentType.includes("application/json")) {
      try {
        fields = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return json(400, { message: "Invalid JSON" });
      }
    } else {
      fields = Object.fromEntries(new URLSearchParams(body));
    }
    if (fields.grant_type !== "client_credentials") return json(400, { message: "unsupported grant_type" });
    const ok = estate.credentials.some(
      (c) => c.clientId === fields.client_id && c.clientSecret === fields.client_secret,
    );
    if (!ok) return json(401, { message: "Invalid client credentials" });
    const token = randomUUID();
    tokens.set(token, Date.now() + lifetime * 1000);
    return json(200, { access_token: token, token_type: "bearer", expires_in: lifetime });
  }

  /** The answer of an authenticated GET, or null when no route matches. */
  function route(path: string, query: URLSearchParams, headers: http.IncomingHttpHeaders): Answer | null {
    const all = orgs();
    const org = (id: string) => all.get(id);
    let m: RegExpExecArray | null;

    if (path === "/accounts/api/me") {
      const app = estate.credentials[0]!;
      return json(200, {
        client: {
          org_id: estate.rootOrganizationId,
          client_id: app.clientId,
          name: app.name ?? "connected-app",
          client_type: "control",
        },
      });
    }
    if ((m = /^\/accounts\/api\/organizations\/([^/]+)$/.exec(path))) {
      return org(m[1]!) ? json(200, org(m[1]!)) : notFound("Organization");
    }
    if ((m = /^\/accounts\/api\/cs\/organizations\/([^/]+)\/usage$/.exec(path))) {
      return org(m[1]!) ? json(200, estate.usage[m[1]!] ?? {}) : notFound("Organization");
    }
    if ((m = /^\/accounts\/api\/organizations\/([^/]+)\/environments$/.exec(path))) {
      const found = org(m[1]!);
      if (!found) return notFound("Organization");
      const envs = (found.environments as unknown[] | undefined) ?? [];
      return json(200, { data: envs, total: envs.length });
    }
    if ((m = /^\/accounts\/api\/organizations\/([^/]+)\/teams$/.exec(path))) {
      if (m[1] !== estate.rootOrganizationId) return json(200, { data: [], total: 0 });
      return json(200, { data: page(estate.teams, query, 25), total: estate.teams.length });
    }
    if ((m = /^\/accounts\/api\/organizations\/([^/]+)\/teams\/([^/]+)\/(members|roles)$/.exec(path))) {
      const list = (m[3] === "members" ? estate.teamMembers : estate.teamRoles)[m[2]!];
      if (!list && !estate.teams.some((t) => t.team_id === m![2])) return notFound("Team");
      return json(200, { data: page(list ?? [], query, 25), total: (list ?? []).length });
    }
    if (path === "/cloudhub/api/v2/applications" || path === "/cloudhub/api/applications") {
      const orgId = headers["x-anypnt-org-id"];
      const envId = headers["x-anypnt-env-id"];
      if (typeof orgId !== "string" || typeof envId !== "string") {
        return json(400, { message: "X-ANYPNT-ORG-ID and X-ANYPNT-ENV-ID headers are required" });
      }
      if (envOrg().get(envId) !== orgId) return json(404, { message: "Environment not found" });
      return json(200, estate.applications[envId] ?? []);
    }
    if (
      (m =
        /^\/amc\/application-manager\/api\/v2\/organizations\/([^/]+)\/environments\/([^/]+)\/deployments(?:\/([^/]+))?$/.exec(
          path,
        ))
    ) {
      if (envOrg().get(m[2]!) !== m[1]) return notFound("Environment");
      if (m[3]) {
        const one = indexed().deployments.get(m[2]!)?.get(m[3]);
        return one ? json(200, one) : notFound("Deployment");
      }
      const summaries = indexed().summaries.get(m[2]!) ?? [];
      return json(200, { total: summaries.length, items: page(summaries, query, 25) });
    }
    if (
      (m =
        /^\/runtimefabric\/api\/organizations\/([^/]+)\/privatespaces(?:\/([^/]+)(?:\/(connections|tlsContexts))?)?$/.exec(
          path,
        ))
    ) {
      if (!org(m[1]!)) return notFound("Organization");
      const spaces = estate.privateSpaces[m[1]!] ?? [];
      if (!m[2]) {
        const limit = Number(query.get("limit") ?? 25);
        const offset = Number(query.get("offset") ?? 0);
        const content = page(spaces, query, 25).map((s) => ({
          id: s.id,
          name: s.name,
          organizationId: s.organizationId,
          rootOrganizationId: estate.rootOrganizationId,
          status: s.status,
        }));
        return json(200, {
          content,
          pageable: { pageNumber: Math.floor(offset / limit), pageSize: limit, offset, paged: true, unpaged: false },
          totalElements: spaces.length,
          totalPages: Math.ceil(spaces.length / limit),
          size: limit,
          number: Math.floor(offset / limit),
          numberOfElements: content.length,
          first: offset === 0,
          last: offset + limit >= spaces.length,
          empty: content.length === 0,
        });
      }
      const space = spaces.find((s) => s.id === m![2]);
      if (!space) return notFound("Private space");
      if (m[3] === "connections") return json(200, estate.privateSpaceConnections[space.id as string] ?? []);
      if (m[3] === "tlsContexts") return json(200, estate.tlsContexts[space.id as string] ?? []);
      return json(200, space);
    }
    if ((m = /^\/cloudhub\/api\/organizations\/([^/]+)\/vpcs(?:\/([^/]+)\/(ipsec|loadbalancers))?$/.exec(path))) {
      if (!org(m[1]!)) return notFound("Organization");
      const vpcs = estate.vpcs[m[1]!] ?? [];
      if (!m[2]) return json(200, { data: vpcs, total: vpcs.length });
      if (!vpcs.some((v) => v.id === m![2])) return json(404, { status: 404, message: "VPC not found" });
      const list = (m[3] === "ipsec" ? estate.vpns : estate.loadBalancers)[m[2]!] ?? [];
      return json(200, { data: list, total: list.length });
    }
    if (
      (m = /^\/apimanager\/api\/v1\/organizations\/([^/]+)\/environments\/([^/]+)\/apis(?:\/(\d+)\/policies)?$/.exec(
        path,
      ))
    ) {
      if (envOrg().get(m[2]!) !== m[1]) return notFound("Environment");
      if (m[3]) {
        const policies = estate.policies[m[3]];
        const known = indexed().apiIds.get(m[2]!)?.has(m[3]) ?? false;
        return known ? json(200, policies ?? []) : json(404, { name: "NotFoundError", message: "API not found" });
      }
      const assets = estate.apis[m[2]!] ?? [];
      return json(200, { total: assets.length, assets: page(assets, query, 20) });
    }
    return routeRuntimes(estate, path, query, headers, { org: (id) => !!org(id), envOrg: (id) => envOrg().get(id) });
  }

  /** The first fault matching this request that still fires, if any. */
  function faultFor(path: string, orgHeader: string | undefined): ParsedFault | null {
    for (const entry of faults) {
      const { fault } = entry;
      if (isBodyFault(fault)) continue;
      if (fault.kind === "forbidden-org") {
        if (path.includes(fault.orgId) || orgHeader === fault.orgId) return fault;
        continue;
      }
      if (!new RegExp(fault.match).test(path)) continue;
      if (fault.kind === "slow") return fault;
      if (fault.kind === "rate-limit" && fault.probability !== undefined) {
        if (random() < fault.probability) return fault;
        continue;
      }
      entry.seen += 1;
      if (entry.seen <= fault.after) continue;
      if (fault.times !== undefined && entry.fired >= fault.times) continue;
      entry.fired += 1;
      return fault;
    }
    return null;
  }

  async function handle(request: http.IncomingMessage, body: string): Promise<Answer> {
    const url = new URL(request.url ?? "/", "http://simulator");
    const path = url.pathname;
    const orgHeader = request.headers["x-anypnt-org-id"];
    if (request.method === "POST" && path === "/_simulator/faults") {
      const parsed = z.array(faultSchema).safeParse(JSON.parse(body || "[]"));
      if (!parsed.success) return json(400, { message: parsed.error.message });
      setFaults(parsed.data);
      return json(200, { faults: parsed.data.length });
    }
    const record: RecordedRequest = {
      method: request.method ?? "GET",
      path,
      query: Object.fromEntries(url.searchParams),
      headers: {
        authorization: request.headers.authorization,
        "x-anypnt-org-id": typeof orgHeader === "string" ? orgHeader : undefined,
        "x-anypnt-env-id":
          typeof request.headers["x-anypnt-env-id"] === "string" ? request.headers["x-anypnt-env-id"] : undefined,
        "content-type": request.headers["content-type"],
      },
      handled: true,
    };
    requests.push(record);

    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    if (request.method === "POST" && path === "/accounts/api/v2/oauth2/token") {
      return issueToken(body, request.headers["content-type"] ?? "");
    }
    if (request.method !== "GET")
      return json(405, { message: `${request.method} is not allowed: the portal only reads` });

    const fault = faultFor(path, typeof orgHeader === "string" ? orgHeader : undefined);
    if (fault?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.kind === "status") return json(fault.status, { message: `Injected failure ${fault.status}` });
    if (fault?.kind === "forbidden-org") return json(403, { message: "Forbidden" });
    if (fault?.kind === "rate-limit") {
      return fault.status === 429
        ? json(429, { message: "Too many requests" }, { "Retry-After": String(fault.retryAfterSeconds) })
        : {
            status: 503,
            raw: "",
            headers: {
              "X-RateLimit-Limit": "500",
              "X-RateLimit-Remaining": "0",
              "X-RateLimit-Reset": String(Math.ceil(Date.now() / 1000 + fault.retryAfterSeconds)),
            },
          };
    }

    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const expiry = token ? tokens.get(token) : undefined;
    if (!expiry || expiry < Date.now()) return { status: 401, raw: "Access token is missing or invalid" };

    const answer = route(path, url.searchParams, request.headers);
    if (!answer) {
      record.handled = false;
      return json(404, { message: `No such resource: ${path}` });
    }
    if (fault?.kind === "truncate" && answer.status === 200) {
      const text = JSON.stringify(answer.body);
      return { status: 200, raw: text.slice(0, Math.max(1, Math.floor(text.length / 2))) };
    }
    if (answer.status !== 200) return answer;
    const altering = faults
      .map((entry) => entry.fault)
      .filter(isBodyFault)
      .filter((f) => new RegExp(f.match).test(path));
    return { ...answer, body: applyBodyFaults(answer.body, altering) };
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      handle(request, Buffer.concat(chunks).toString("utf8"))
        .catch((error: unknown) => json(500, { message: (error as Error).message }))
        .then((answer) => {
          const text = answer.raw ?? JSON.stringify(answer.body);
          response.writeHead(answer.status, {
            ...(answer.raw === undefined ? { "Content-Type": "application/json" } : { "Content-Type": "text/plain" }),
            ...answer.headers,
          });
          response.end(text);
        });
    });
  });

  function setFaults(list: Fault[]) {
    faults.length = 0;
    for (const fault of list) faults.push({ fault: faultSchema.parse(fault), seen: 0, fired: 0 });
  }

  return {
    /** Starts listening (port 0: any free port) and resolves the base URL. */
    async listen(port = 0, host = "127.0.0.1"): Promise<string> {
      await new Promise<void>((resolve) => server.listen(port, host, resolve));
      const address = server.address() as AddressInfo;
      return `http://${host}:${address.port}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    setFaults,
    /** Replaces the estate (the next sync sees the new one). */
    setEstate(next: unknown) {
      estate = estateSchema.parse(next);
      indexes = null;
    },
    requests,
    /** Forgets recorded requests. */
    resetRequests() {
      requests.length = 0;
    },
  };
}

export type Simulator = ReturnType<typeof createSimulator>;
