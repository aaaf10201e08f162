import { beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/workspaces/[workspace]/export/route";
import { setProcessDatabase } from "@/lib/db/connection";
import { upsertUserAtSignIn } from "@/lib/db/user-repository";
import type { Actor } from "@/lib/domain/access";
import type { ServiceContext } from "@/lib/services/context";
import { createApiToken } from "@/lib/services/tokens";
import { ensureDefaultWorkspace } from "@/lib/services/workspaces";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

describe(`GET /workspaces/{ws}/export, ${testEngine}`, () => {
  const db = useTestDatabase();
  const ada: Actor = { kind: "user", id: "subject-admin", name: "Admin", role: "admin" };
  const admin = (): ServiceContext => ({ db: db(), actor: ada, origin: "api" });
  let authorization = "";
  beforeEach(async () => {
    setProcessDatabase(db());
    await ensureDefaultWorkspace(db());
    // Only a signed-in administrator creates tokens: one who has a user record.
    await upsertUserAtSignIn(
      db().prisma,
      { subject: ada.id, name: ada.name, email: null, groups: [] },
      ada,
      new Date(),
    );
    const { secret } = await createApiToken(admin(), { name: "viewer", role: "viewer", expiresInDays: 30 });
    authorization = `Bearer ${secret}`;
  });
  const get = (query: string) =>
    GET(new Request(`http://localhost:3000/api/v1/workspaces/default/export${query}`, { headers: { authorization } }), {
      params: Promise.resolve({ workspace: "default" }),
    });

  it("answers format=docx with a Word document to download", async () => {
    const response = await get("?format=docx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="default-specification-\d{4}-\d{2}-\d{2}\.docx"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 2))).toBe("PK");
  });

  it("refuses an unknown format, naming the field and every format it takes", async () => {
    const response = await get("?format=doc");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "invalid_input", message: "format must be md, html, pdf, docx or json" });
  });
});
