import { z } from "zod";

// List endpoints page with `limit` and an opaque `cursor` (what `nextCursor` of the previous
// page said); `offset` stays for the portal's own pager, which jumps to page N.

const cursorSchema = z
  .string()
  .max(100)
  .optional()
  .transform((cursor, ctx) => {
    if (cursor === undefined || cursor === "") return undefined;
    const offset = Number(Buffer.from(cursor, "base64url").toString("utf8").replace(/^o:/, ""));
    if (!Number.isInteger(offset) || offset < 0) {
      ctx.addIssue({
        code: "custom",
        message: "cursor is not one this API gave (use nextCursor of the previous page)",
      });
      return z.NEVER;
    }
    return offset;
  });

/** The paging fields of a list query, `limit` up to `max`. */
export const pageQueryShape = (defaultLimit = 50, max = 500) => ({
  cursor: cursorSchema,
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int()
    .min(1, { error: "limit is at least 1" })
    .max(max, { error: `limit is at most ${max}` })
    .default(defaultLimit),
});

/** Where a page starts: the cursor's position, else the offset. */
export const pageStart = (query: { cursor?: number; offset: number }) => query.cursor ?? query.offset;

/** The cursor of the page after this one, or null on the last page. */
export function nextCursor(start: number, count: number, total: number): string | null {
  const next = start + count;
  return count > 0 && next < total ? Buffer.from(`o:${next}`).toString("base64url") : null;
}
