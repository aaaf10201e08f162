import { ApiError } from "@/lib/queries/api-client";

export type ApiErrorAlertProps = {
  error: Error | null | undefined;
  /** Shown instead of the error's own message (a problem found before the request). */
  message?: string | null;
  className: string;
};

/** A failed request said in full: its message, then each field the API named with its reason. */
export function ApiErrorAlert({ error, message, className }: ApiErrorAlertProps) {
  if (!message && !error) return null;
  return (
    <div role="alert" className={className}>
      <p>{message ?? error?.message}</p>
      {error instanceof ApiError
        ? (error.details?.fields ?? []).map((f) => (
            <p key={f.field}>
              {f.field}: {f.message}
            </p>
          ))
        : null}
    </div>
  );
}
