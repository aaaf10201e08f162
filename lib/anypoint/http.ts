import type { z } from "zod";
import { OutboundRefusedError } from "@/lib/anypoint/outbound";

/** Why a call to Anypoint failed; `endpoint` names the call ("GET /cloudhub/api/v2/applications"). */
export class AnypointError extends Error {
  constructor(
    readonly endpoint: string,
    readonly kind: "http" | "timeout" | "network" | "invalid_json" | "unexpected_shape" | "aborted" | "refused",
    message: string,
    readonly status?: number,
    /** For an unexpected shape: where in the answer (e.g. "target.replicas"). */
    readonly path?: string,
  ) {
    super(message);
    this.name = "AnypointError";
  }
}

export type AnypointHttpOptions = {
  /** Control plane base URL, e.g. https://eu1.anypoint.mulesoft.com (no trailing slash needed). */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries of a 429, 503, timeout or network failure before the call fails. */
  maxRetries?: number;
  /**
   * Requests in flight at once to each of the platform's services (Access Management, CloudHub,
   * Application Manager, Runtime Fabric, API Manager, Exchange: the first segment of the path).
   * Each service enforces its own rate limit, so one service's backlog need not hold up another's.
   */
  concurrency?: number;
  baseDelayMs?: number;
  /** The longest wait before a retry; a server asking for longer fails the call instead. */
  maxDelayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Cancels everything (an interrupted sync). */
  signal?: AbortSignal;
};

export type RequestSpec<S extends z.ZodType> = {
  method?: "GET" | "POST";
  path: string;
  /** Another host than the control plane's (Object Store v2 answers on a regional host). */
  origin?: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** Form-encoded body (only the token request has one). */
  form?: Record<string, string>;
  schema: S;
};

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** A counting semaphore: at most `limit` tasks hold a slot. */
function createLimiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/**
 * How long to wait before retrying a throttled answer: Retry-After (seconds or HTTP date), else
 * X-RateLimit-Reset (epoch seconds), else null (use backoff).
 */
export function serverDelayMs(headers: Headers, now: number): number | null {
  const retryAfter = headers.get("retry-after");
  if (retryAfter !== null && retryAfter.trim() !== "") {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = headers.get("x-ratelimit-reset");
  if (reset !== null && Number.isFinite(Number(reset))) return Math.max(0, Number(reset) * 1000 - now);
  return null;
}

const retryable = (status: number) => status === 429 || status === 503;

/** The shape problems of a response, as "path: message" (first five). */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}

/**
 * What an error status means, in the portal's words. The answer's body is never quoted: whatever a
 * server sends back (a misdirected internal service, a secret in a stack trace) stays out of
 * messages that are stored and shown.
 */
function statusHint(status: number, path: string): string {
  if (status === 401 && path.endsWith("/oauth2/token")) return " (the client id or secret is not accepted)";
  return status >= 300 && status < 400 ? " (a redirect, which the portal does not follow)" : "";
}

/**
 * The HTTP layer of the Anypoint client: bounded concurrency per service, a timeout per attempt, retries of
 * 429/503/timeouts with exponential backoff and full jitter (or the server's Retry-After /
 * X-RateLimit-Reset), JSON parsing and validation. Counts every request it sends.
 */
export function createAnypointHttp(options: AnypointHttpOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const limiters = new Map<string, ReturnType<typeof createLimiter>>();
  const limitFor = (path: string) => {
    const service = /^\/([^/]+)/.exec(path)?.[1] ?? "";
    let limiter = limiters.get(service);
    if (!limiter) {
      limiter = createLimiter(options.concurrency ?? 8);
      limiters.set(service, limiter);
    }
    return limiter;
  };
  const stats = { requests: 0, retries: 0 };

  async function attempt(url: string, init: RequestInit, endpoint: string): Promise<Response> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    stats.requests += 1;
    try {
      return await doFetch(url, { ...init, signal, redirect: "error" });
    } catch (error) {
      if (error instanceof OutboundRefusedError) {
        throw new AnypointError(endpoint, "refused", `${endpoint} not sent: ${error.message}`);
      }
      if (options.signal?.aborted) throw new AnypointError(endpoint, "aborted", `${endpoint} was cancelled`);
      if (timeout.aborted) {
        throw new AnypointError(endpoint, "timeout", `${endpoint} did not answer within ${timeoutMs / 1000} s`);
      }
      throw new AnypointError(endpoint, "network", `${endpoint} failed: ${(error as Error).message}`);
    }
  }

  async function request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.output<S>> {
    const method = spec.method ?? "GET";
    const endpoint = `${method} ${spec.origin ?? ""}${spec.path}`;
    const url = new URL((spec.origin?.replace(/\/+$/, "") ?? baseUrl) + spec.path);
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const init: RequestInit = {
      method,
      headers: {
        Accept: "application/json",
        ...(spec.form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
        ...spec.headers,
      },
      body: spec.form ? new URLSearchParams(spec.form).toString() : undefined,
    };

    for (let retry = 0; ; retry += 1) {
      let response: Response | null = null;
      let failure: AnypointError | null = null;
      let text = "";
      try {
        ({ response, text } = await limitFor(spec.path)(async () => {
          const answer = await attempt(url.toString(), init, endpoint);
          return { response: answer, text: await answer.text() };
        }));
      } catch (error) {
        if (!(error instanceof AnypointError)) throw error;
        if (error.kind === "aborted" || error.kind === "refused") throw error;
        failure = error;
      }
      if (response?.ok) {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw new AnypointError(
            endpoint,
            "invalid_json",
            `${endpoint} answered ${response.status} with a body that is not valid JSON (truncated?)`,
            response.status,
          );
        }
        const parsed = spec.schema.safeParse(json);
        if (!parsed.success) {
          throw new AnypointError(
            endpoint,
            "unexpected_shape",
            `${endpoint} answered in a shape the portal does not understand: ${describeIssues(parsed.error)}`,
            response.status,
          );
        }
        return parsed.data;
      }
      if (response && !retryable(response.status)) {
        throw new AnypointError(
          endpoint,
          "http",
          `${endpoint} answered ${response.status}${statusHint(response.status, spec.path)}`,
          response.status,
        );
      }
      const reason = response ? `answered ${response.status}` : failure!.message.replace(`${endpoint} `, "");
      if (retry >= maxRetries) {
        throw new AnypointError(
          endpoint,
          failure?.kind ?? "http",
          `${endpoint} ${reason}, still after ${maxRetries} retries`,
          response?.status,
        );
      }
      const asked = response ? serverDelayMs(response.headers, now()) : null;
      if (asked !== null && asked > maxDelayMs) {
        throw new AnypointError(
          endpoint,
          "http",
          `${endpoint} ${reason} and asks to wait ${Math.ceil(asked / 1000)} s, longer than the ${maxDelayMs / 1000} s the portal waits`,
          response?.status,
        );
      }
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** retry);
      stats.retries += 1;
      try {
        await sleep(asked ?? Math.floor(random() * backoff), options.signal);
      } catch {
        throw new AnypointError(endpoint, "aborted", `${endpoint} was cancelled`);
      }
    }
  }

  return { request, stats };
}

export type AnypointHttp = ReturnType<typeof createAnypointHttp>;
