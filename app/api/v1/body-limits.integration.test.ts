import { beforeEach, describe, expect, it } from "vitest";
import { POST as createDecisionRoute } from "@/app/api/v1/workspaces/[workspace]/decisions/route";
import { setProcessDatabase } from "@/lib/db/connection";
import { upsertUserAtSignIn } from "@/lib/db/user-repository";
import type { Actor } from "@/lib/domain/access";
import type { ServiceContext } from "@/lib/services/context";
import { createApiToken } from "@/lib/services/tokens";
import { ensureDefaultWorkspace } from "@/lib/services/workspaces";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

describe(`JSON body limits of the REST API, ${testEngine}`, () => {
  const db = useTestDatabase();
  const ada: Actor = { kind: "user", id: "subject-admin", name: "Admin", role: "admin" };
  let authorization = "";
  beforeEach(async () => {
    setProcessDatabase(db());
    await ensureDefaultWorkspace(db());
    await upsertUserAtSignIn(
      db().prisma,
      { subject: ada.id, name: ada.name, email: null, groups: [] },
      ada,
      new Date(),
    );
    const ctx: ServiceContext = { db: db(), actor: ada, origin: "api" };
    const { secret } = await createApiToken(ctx, { name: "pipeline", role: "architect", expiresInDays: 30 });
    authorization = `Bearer ${secret}`;
  });
  const post = (init: RequestInit) =>
    createDecisionRoute(
      new Request("http://localhost:3000/api/v1/workspaces/default/decisions", {
        method: "POST",
        ...init,
        headers: { authorization, "content-type": "application/json", ...init.headers },
      }),
      { params: Promise.resolve({ workspace: "default" }) },
    );
  const decisions = () => db().prisma.decision.count();

  it("answers 413 to a body over 2 MB by Content-Length and to a chunked one, writing nothing", async () => {
    const big = JSON.stringify({ title: "Big", context: "x".repeat(3 * 1024 * 1024) });
    const declared = await post({ body: big, headers: { "content-length": String(big.length) } });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      error: {
        code: "body_too_large",
        message: "The request body is 3.0 MB; the API reads JSON bodies of at most 2 MB (AGP_MAX_JSON_BYTES).",
      },
    });
    const bytes = new TextEncoder().encode(big);
    const chunked = await post({
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.slice(at, at + 64 * 1024));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { error: { message: string } }).error.message).toMatch(
      /^The request body is more than 2 MB;/,
    );
    expect(await decisions()).toBe(0);
  });

  it("reads a body under the limit", async () => {
    const response = await post({ body: JSON.stringify({ title: "Use one API gateway" }) });
    expect(response.status).toBe(201);
    expect(await decisions()).toBe(1);
  });
});
