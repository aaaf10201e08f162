import { lookup, type LookupAddress, type LookupOptions } from "node:dns";
import http from "node:http";
import https from "node:https";
import { classifyAddress } from "@/lib/anypoint/addresses";

/** Where the portal may send its Anypoint calls. */
export type OutboundPolicy = {
  /** Production: only the Anypoint control planes (and their Object Store hosts), besides `allowedHosts`. */
  controlPlanesOnly: boolean;
  /** Hosts (lower-case names or IP literals) an administrator allows whatever they resolve to. */
  allowedHosts: readonly string[];
};

/** Every address a host name resolves to. */
export type Resolver = (host: string) => Promise<LookupAddress[]>;

/** A call the portal refuses to make; the message says which host and why. */
export class OutboundRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundRefusedError";
  }
}

/** The hosts of the three control planes of the reference (part 1). */
export const controlPlaneHosts = ["anypoint.mulesoft.com", "eu1.anypoint.mulesoft.com", "gov.anypoint.mulesoft.com"];

const ALLOW_HINT = "add the host to AGP_ANYPOINT_ALLOWED_HOSTS if the portal should call it";

/** A URL's host as the allowlist spells it: lower case, no IPv6 brackets, no trailing dot. */
export function normalizeHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "");
}

const isAnypointHost = (host: string) =>
  controlPlaneHosts.some((plane) => host === plane || new RegExp(`^object-store-[a-z0-9-]+\\.${plane}$`).test(host));

/**
 * Why the portal would not call `url` judging by the URL alone (scheme, host, literal address), or null.
 * Names resolve later, at call time ({@link createGuardedFetch}).
 */
export function urlProblem(url: URL, policy: OutboundPolicy): string | null {
  const host = normalizeHost(url.hostname);
  if (policy.allowedHosts.includes(host)) return null;
  if (policy.controlPlanesOnly && !isAnypointHost(host)) {
    return `${host} is not an Anypoint control plane (${controlPlaneHosts.join(", ")}); ${ALLOW_HINT}`;
  }
  // The client secret travels in the token request: only in clear to a host someone chose to allow.
  if (policy.controlPlanesOnly && url.protocol !== "https:") return `${url.origin} must use https`;
  const literal = classifyAddress(host);
  if (literal !== null && literal !== "public") return `${host} is a ${literal} address; ${ALLOW_HINT}`;
  return null;
}

/** Node's resolver, every address of both families. */
export const lookupAll: Resolver = (host) =>
  new Promise((resolve, reject) =>
    lookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/**
 * Checks where a call would go: the URL, then every address its host resolves to. Answers the
 * addresses to connect to (null for an allowlisted host or a literal address: nothing to pin).
 */
export async function checkDestination(
  url: URL,
  policy: OutboundPolicy,
  resolve: Resolver = lookupAll,
): Promise<LookupAddress[] | null> {
  const problem = urlProblem(url, policy);
  if (problem) throw new OutboundRefusedError(problem);
  const host = normalizeHost(url.hostname);
  if (policy.allowedHosts.includes(host) || classifyAddress(host) !== null) return null;
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    throw new OutboundRefusedError(`${host} does not resolve`);
  }
  if (addresses.length === 0) throw new OutboundRefusedError(`${host} does not resolve`);
  // One bad address is enough: which one the connection would use is not ours to choose.
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind !== "public") {
      throw new OutboundRefusedError(`${host} resolves to ${address}, a ${kind ?? "unknown"} address; ${ALLOW_HINT}`);
    }
  }
  return addresses;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A lookup that answers the addresses already checked, so that a second resolution cannot point elsewhere. */
function pinnedLookup(addresses: LookupAddress[]) {
  return (_host: string, options: LookupOptions, callback: LookupCallback) => {
    const family = options.family === 4 || options.family === 6 ? options.family : 0;
    const usable = family ? addresses.filter((a) => a.family === family) : addresses;
    if (usable.length === 0) {
      callback(Object.assign(new Error("no address of the asked family"), { code: "ENOTFOUND" }), "");
    } else if (options.all) callback(null, usable);
    else callback(null, usable[0]!.address, usable[0]!.family);
  };
}

const nullBodyStatuses = new Set([101, 204, 205, 304]);

export type GuardedFetchOptions = {
  resolve?: Resolver;
  /** The largest answer read; Anypoint's biggest pages are a few MB. */
  maxResponseBytes?: number;
};

/**
 * A fetch for the Anypoint client that refuses destinations outside the policy after resolving
 * them, connects to exactly the addresses it checked, and never follows a redirect (a 3xx comes
 * back as the answer). Speaks HTTP/1.1 through node:http(s); bodies are strings only.
 */
export function createGuardedFetch(policy: OutboundPolicy, options: GuardedFetchOptions = {}): typeof fetch {
  const maxResponseBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const addresses = await checkDestination(url, policy, options.resolve);
    const client = url.protocol === "https:" ? https : http;
    return new Promise<Response>((done, fail) => {
      const request = client.request(
        url,
        {
          method: init.method ?? "GET",
          headers: Object.fromEntries(new Headers(init.headers).entries()),
          signal: init.signal ?? undefined,
          ...(addresses ? { lookup: pinnedLookup(addresses) } : {}),
        },
        (answer) => {
          const chunks: Buffer[] = [];
          let size = 0;
          answer.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxResponseBytes) {
              request.destroy(new Error(`the answer is larger than ${maxResponseBytes / 1024 / 1024} MB`));
            } else chunks.push(chunk);
          });
          answer.on("error", fail);
          answer.on("end", () => {
            const status = answer.statusCode ?? 502;
            const headers = new Headers();
            for (const [name, value] of Object.entries(answer.headers)) {
              for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
                headers.append(name, one);
              }
            }
            done(
              new Response(nullBodyStatuses.has(status) ? null : Buffer.concat(chunks), {
                status,
                statusText: answer.statusMessage,
                headers,
              }),
            );
          });
        },
      );
      request.on("error", fail);
      if (typeof init.body === "string") request.write(init.body);
      request.end();
    });
  }) as typeof fetch;
}
