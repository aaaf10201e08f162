import { describe, expect, it } from "vitest";
import { z } from "zod";
import { nextCursor, pageQueryShape, pageStart } from "@/lib/services/paging";

const query = z.object(pageQueryShape(2, 10));

describe("cursor paging", () => {
  it("walks a list with nextCursor until the last page, without gaps or overlaps", () => {
    const items = ["a", "b", "c", "d", "e"];
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const q = query.parse({ cursor: cursor ?? undefined });
      const page = items.slice(pageStart(q), pageStart(q) + q.limit);
      seen.push(...page);
      cursor = nextCursor(pageStart(q), page.length, items.length);
    } while (cursor);
    expect(seen).toEqual(items);
  });

  it("refuses a cursor it did not give, and limits out of range, naming the field", () => {
    const bad = query.safeParse({ cursor: "bm9wZQ" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ["cursor"], message: expect.stringContaining("nextCursor") });
    expect(query.safeParse({ limit: 11 }).error!.issues[0]!.message).toBe("limit is at most 10");
    expect(nextCursor(0, 0, 5)).toBeNull();
  });
});
