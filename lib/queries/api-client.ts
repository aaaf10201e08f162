/** A failed REST call: status, error code, message, and the fields at fault when the input was refused (400). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { fields?: { field: string; message: string }[]; current?: unknown },
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/**
 * Calls /api/v1 with the session cookie and JSON (or form data, for uploads); throws ApiError
 * with the server's reason.
 */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const form = init.body instanceof FormData;
  const response = await fetch(`/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: init.body === undefined || form ? undefined : { "Content-Type": "application/json" },
    body: init.body === undefined ? undefined : form ? (init.body as FormData) : JSON.stringify(init.body),
    credentials: "same-origin",
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as
    { error?: { code: string; message: string; details?: ApiError["details"] } } | T | null;
  if (!response.ok) {
    const error = (body as { error?: { code: string; message: string; details?: ApiError["details"] } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? `HTTP ${response.status}`,
      error?.details,
    );
  }
  return body as T;
}
