import type { z } from "zod";
import { ServiceError } from "@/lib/services/errors";

/** One problem with the input: where (a dotted path) and why. */
export type FieldProblem = { field: string; message: string };

/** A 400 answer naming each field and the reason (the REST API's validation error). */
export function invalidInput(fields: FieldProblem[]): ServiceError {
  return new ServiceError(400, "invalid_input", fields.map((p) => `${p.field}: ${p.message}`).join("; "), { fields });
}

/** Validates input against a schema, or fails with 400 naming each field and the reason. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidInput(
    result.error.issues.map((issue) => ({
      field: issue.path.map(String).join(".") || "(body)",
      message: issue.message,
    })),
  );
}
