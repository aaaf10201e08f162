/** A failure a caller can act on; route handlers turn it into an HTTP status and JSON body. */
export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 503,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

export const forbidden = (message: string) => new ServiceError(403, "forbidden", message);
export const notFound = (message: string) => new ServiceError(404, "not_found", message);
