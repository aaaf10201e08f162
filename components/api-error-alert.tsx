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
  const text = message ?? error?.message ?? "";
  // A single problem is often the message itself ("files: x.pdf is a PDF…"): say it once.
  const fields =
    error instanceof ApiError ? (error.details?.fields ?? []).filter((f) => !text.includes(f.message)) : [];
  return (
    <div role="alert" className={className}>
      <p>{text}</p>
      {fields.map((f) => (
        <p key={f.field}>
          {f.field}: {f.message}
        </p>
      ))}
    </div>
  );
}
