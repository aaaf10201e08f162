import { describe, expect, it } from "vitest";
import { selectRowsByKey } from "@/lib/db/bulk";
import { insertWorkspace } from "@/lib/db/workspace-repository";
import { buildActor, buildWorkspaceInput } from "@/lib/testing/factories";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

describe(`selectRowsByKey on ${testEngine}`, () => {
  const db = useTestDatabase();
  const actor = buildActor({ role: "admin" });
  const add = (slug: string, name: string) =>
    insertWorkspace(db().prisma, buildWorkspaceInput({ slug, name }), { actor, origin: "api" });

  it("reads every row once, in key order, across pages (the last page short or empty)", async () => {
    for (const [slug, name] of [
      ["e5", "Same"],
      ["a1", "Other"],
      ["d4", "Same"],
      ["b2", "Same"],
      ["c3", "Alpha"],
    ] as const)
      await add(slug, name);
    for (const pageSize of [1, 2, 5, 100]) {
      const bySlug = await selectRowsByKey<{ slug: string; name: string }>(db().prisma, {
        table: "Workspace",
        columns: ["slug", "name"],
        where: "true",
        key: ["slug"],
        pageSize,
      });
      expect(bySlug.map((w) => w.slug)).toEqual(["a1", "b2", "c3", "d4", "e5"]);
      // A key of two columns whose first repeats across a page boundary.
      const byName = await selectRowsByKey<{ slug: string; name: string }>(
        db().prisma,
        {
          table: "Workspace",
          columns: ["name", "slug"],
          where: `"name" <> $1`,
          key: ["name", "slug"],
          pageSize,
        },
        "Alpha",
      );
      expect(byName.map((w) => `${w.name}/${w.slug}`)).toEqual(["Other/a1", "Same/b2", "Same/d4", "Same/e5"]);
    }
  });

  it("reads nothing when nothing matches", async () => {
    await add("a1", "One");
    expect(
      await selectRowsByKey(
        db().prisma,
        { table: "Workspace", columns: ["slug"], where: `"slug" = $1`, key: ["slug"] },
        "zz",
      ),
    ).toEqual([]);
  });
});
