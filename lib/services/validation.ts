import type { z } from "zod";
import { ServiceError } from "@/lib/services/errors";

/** One problem with the input: where (a dotted path) and why. */
export type FieldProblem = { field: string; message: string };

/** Validates input against a schema, or fails with 422 naming each field and the reason. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems: FieldProblem[] = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
  throw new ServiceError(422, "invalid_input", problems.map((p) => `${p.field}: ${p.message}`).join("; "), {
    problems,
  });
}
