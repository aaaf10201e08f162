// Calls EVERY /api/v1 route handler with every kind of caller and checks the answer. The list
// of routes comes from the route files themselves: a new route or method without a rule here
// fails the first test, so nobody can add an endpoint without deciding who may call it.
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { documentedOperations } from "@/app/api/v1/openapi-document";
import { setProcessDatabase } from "@/lib/db/connection";
import { loadRoleMapping } from "@/lib/db/role-mapping-repository";
import { upsertUserAtSignIn } from "@/lib/db/user-repository";
import { roleSchema, type Actor, type Role } from "@/lib/domain/access";
import { getEnv } from "@/lib/env";
import type { ServiceContext } from "@/lib/services/context";
import net from "node:net";
import { createDecision } from "@/lib/services/decisions/write";
import { evaluateWorkspace } from "@/lib/services/governance/evaluation";
import { saveConnection } from "@/lib/services/live/connection";
import { startSync } from "@/lib/services/live/syncs";
import { createWorkspace } from "@/lib/services/workspaces";
import { createSpecRecord } from "@/lib/services/spec";
import { createApiToken, revokeApiToken } from "@/lib/services/tokens";
import { ensureDefaultWorkspace } from "@/lib/services/workspaces";
import { findWorkspaceRecord } from "@/lib/db/workspace-repository";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

type Rule = {
  /** Roles allowed; everyone else authenticated gets 403. */
  allowed: readonly Role[];
  /** Status of an allowed call. */
  success: number;
  /** Only signed-in users, never API tokens (403 for tokens). */
  usersOnly?: boolean;
  /** Anyone, even without credentials (the API's own description). */
  public?: boolean;
  params?: () => Promise<Record<string, string>>;
  body?: () => Promise<unknown>;
};

const everyone = roleSchema.options;
const apiDir = path.join(process.cwd(), "app", "api", "v1");
const groupsOf: Record<Role, string[]> = {
  admin: ["agp-admins"],
  architect: ["agp-architects"],
  delivery_lead: ["agp-delivery-leads"],
  viewer: ["agp-viewers"],
};

describe(`authorization of every /api/v1 route on ${testEngine}`, () => {
  const db = useTestDatabase();
  const adminCtx = (): ServiceContext => ({
    db: db(),
    actor: { kind: "user", id: "subject-admin", name: "Admin", role: "admin", groups: groupsOf.admin },
    origin: "api",
  });

  let sequence = 0;
  const vpcData = () => ({ name: `vpc-${++sequence}`, region: "eu-central-1", cidr: "10.0.0.0/16" });
  const newVpc = () => createSpecRecord(adminCtx(), "default", "vpc", vpcData());

  // Written by someone who is none of the callers, since an author may not review their own decision.
  const author = (): ServiceContext => ({
    db: db(),
    actor: { kind: "user", id: "subject-author", name: "Author", role: "architect" },
    origin: "api",
  });
  const newDecision = async () =>
    ({
      workspace: "default",
      decision: (await createDecision(author(), "default", { title: `Decision ${++sequence}`, decision: "Do it." }))
        .number,
    }) as Record<string, string>;
  const decisionsPath = "/api/v1/workspaces/[workspace]/decisions";

  // A server that accepts connections and never answers: syncs against it stay running until cancelled.
  const silent = net.createServer(() => undefined);
  let silentUrl = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
  });
  afterAll(() => {
    silent.close();
  });
  /** A fresh workspace with a connection (one sync at a time per workspace). */
  const connectedWorkspace = async (baseUrl = silentUrl) => {
    const workspace = await createWorkspace(adminCtx(), { name: `Connected ${++sequence}` });
    await saveConnection(adminCtx(), workspace.slug, {
      controlPlane: "custom",
      baseUrl,
      clientId: "matrix",
      clientSecret: "matrix-secret",
      version: 0,
    });
    return workspace;
  };
  const syncRun = async (status: "succeeded" | "held") => {
    const workspace = await connectedWorkspace();
    const run = await db().prisma.syncRun.create({ data: { workspaceId: workspace.id, status } });
    return { workspace: workspace.slug, sync: run.id };
  };
  const livePath = "/api/v1/workspaces/[workspace]";

  const waiverOf = async (status: "requested" | "approved") => {
    const workspace = (await findWorkspaceRecord(db().prisma, "default"))!;
    const waiver = await db().prisma.waiver.create({
      data: {
        workspaceId: workspace.id,
        ruleId: "NET-DLB-TLS",
        reason: "matrix",
        status,
        requestedById: "subject-author",
        requestedByName: "Author",
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    return { workspace: "default", waiver: waiver.id };
  };

  const rules: Record<string, Rule> = {
    "GET /api/v1/rules": { allowed: everyone, success: 200 },
    [`GET ${livePath}/findings`]: { allowed: everyone, success: 200, params: async () => ({ workspace: "default" }) },
    [`GET ${livePath}/governance`]: { allowed: everyone, success: 200, params: async () => ({ workspace: "default" }) },
    [`GET ${livePath}/evaluations`]: {
      allowed: everyone,
      success: 200,
      params: async () => ({ workspace: "default" }),
    },
    [`POST ${livePath}/evaluations`]: {
      allowed: ["delivery_lead", "architect", "admin"],
      success: 201,
      params: async () => ({ workspace: "default" }),
    },
    // The default workspace has not been synced: past the role check, accepting answers 409 (no live value).
    [`POST ${livePath}/findings/accept-live`]: {
      allowed: ["architect", "admin"],
      success: 409,
      params: async () => ({ workspace: "default" }),
      body: async () => ({ fingerprints: ["0123456789abcdef"] }),
    },
    [`GET ${livePath}/waivers`]: { allowed: everyone, success: 200, params: async () => ({ workspace: "default" }) },
    [`POST ${livePath}/waivers`]: {
      allowed: ["delivery_lead", "architect", "admin"],
      success: 201,
      params: async () => ({ workspace: "default" }),
      body: async () => ({
        ruleId: "NET-DLB-TLS",
        reason: "Accepted until the migration",
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      }),
    },
    [`POST ${livePath}/waivers/[waiver]/decision`]: {
      allowed: ["architect", "admin"],
      success: 200,
      params: () => waiverOf("requested"),
      body: async () => ({ decision: "approve", version: 1 }),
    },
    [`GET ${livePath}/connection`]: {
      allowed: ["admin"],
      success: 200,
      params: async () => ({ workspace: "default" }),
    },
    [`PUT ${livePath}/connection`]: {
      allowed: ["admin"],
      success: 200,
      params: async () => ({ workspace: (await createWorkspace(adminCtx(), { name: `Conn ${++sequence}` })).slug }),
      body: async () => ({ controlPlane: "eu", clientId: "app", clientSecret: "s3cret", version: 0 }),
    },
    [`DELETE ${livePath}/connection`]: {
      allowed: ["admin"],
      success: 204,
      params: async () => ({ workspace: (await connectedWorkspace()).slug }),
    },
    [`POST ${livePath}/connection/test`]: {
      allowed: ["admin"],
      success: 200,
      // Nothing listens on port 9 of this host: the test answers 200 with a failed token check.
      params: async () => ({ workspace: (await connectedWorkspace("http://127.0.0.1:9")).slug }),
    },
    [`GET ${livePath}/syncs`]: { allowed: everyone, success: 200, params: async () => ({ workspace: "default" }) },
    [`POST ${livePath}/syncs`]: {
      allowed: ["architect", "admin"],
      success: 202,
      params: async () => ({ workspace: (await connectedWorkspace("http://127.0.0.1:9")).slug }),
    },
    [`GET ${livePath}/syncs/[sync]`]: { allowed: everyone, success: 200, params: () => syncRun("succeeded") },
    [`POST ${livePath}/syncs/[sync]/cancel`]: {
      allowed: ["architect", "admin"],
      success: 202,
      params: async () => {
        const workspace = await connectedWorkspace();
        const { run } = await startSync(adminCtx(), workspace.slug);
        return { workspace: workspace.slug, sync: run.id };
      },
    },
    [`POST ${livePath}/syncs/[sync]/confirm`]: { allowed: ["admin"], success: 200, params: () => syncRun("held") },
    [`POST ${livePath}/syncs/[sync]/discard`]: { allowed: ["admin"], success: 200, params: () => syncRun("held") },
    [`GET ${livePath}/live`]: { allowed: everyone, success: 200, params: async () => ({ workspace: "default" }) },
    [`GET ${livePath}/live/resources`]: {
      allowed: everyone,
      success: 200,
      params: async () => ({ workspace: "default" }),
    },
    [`GET ${decisionsPath}`]: { allowed: everyone, success: 200, params: async () => ({ workspace: "default" }) },
    [`POST ${decisionsPath}`]: {
      allowed: ["architect", "admin"],
      success: 201,
      params: async () => ({ workspace: "default" }),
      body: async () => ({ title: `Decision ${++sequence}` }),
    },
    [`GET ${decisionsPath}/options`]: {
      allowed: everyone,
      success: 200,
      params: async () => ({ workspace: "default" }),
    },
    [`GET ${decisionsPath}/export`]: {
      allowed: everyone,
      success: 200,
      params: async () => ({ workspace: "default" }),
    },
    [`GET ${decisionsPath}/[decision]`]: { allowed: everyone, success: 200, params: newDecision },
    [`PUT ${decisionsPath}/[decision]`]: {
      allowed: ["architect", "admin"],
      success: 200,
      params: newDecision,
      body: async () => ({ title: "Changed", version: 1 }),
    },
    [`POST ${decisionsPath}/[decision]/transitions`]: {
      allowed: ["architect", "admin"],
      success: 200,
      params: newDecision,
      body: async () => ({ to: "proposed", version: 1 }),
    },
    [`POST ${decisionsPath}/[decision]/review-requests`]: {
      allowed: ["architect", "admin"],
      success: 200,
      params: newDecision,
      body: async () => ({ reviewers: ["subject-delivery_lead"] }),
    },
    [`POST ${decisionsPath}/[decision]/reviews`]: {
      allowed: ["delivery_lead", "architect", "admin"],
      success: 200,
      params: newDecision,
      body: async () => ({ verdict: "approved", revision: 1 }),
    },
    [`GET ${decisionsPath}/[decision]/diff`]: { allowed: everyone, success: 200, params: newDecision },
    [`GET ${decisionsPath}/[decision]/export`]: { allowed: everyone, success: 200, params: newDecision },
    "GET /api/v1/me": { allowed: everyone, success: 200 },
    "GET /api/v1/workspaces": { allowed: everyone, success: 200 },
    "GET /api/v1/tokens": { allowed: ["admin"], usersOnly: true, success: 200 },
    "POST /api/v1/tokens": {
      allowed: ["admin"],
      usersOnly: true,
      success: 201,
      body: async () => ({ name: "pipeline", role: "viewer", expiresInDays: 30 }),
    },
    "DELETE /api/v1/tokens/[id]": {
      allowed: ["admin"],
      usersOnly: true,
      success: 204,
      params: async () => ({
        id: (await createApiToken(adminCtx(), { name: "victim", role: "viewer", expiresInDays: 5 })).token.id,
      }),
    },
    "POST /api/v1/workspaces": {
      allowed: ["admin"],
      success: 201,
      body: async () => ({ name: `Customer ${++sequence}` }),
    },
    "GET /api/v1/workspaces/[workspace]": {
      allowed: everyone,
      success: 200,
      params: async () => ({ workspace: "default" }),
    },
    "PATCH /api/v1/workspaces/[workspace]": {
      allowed: ["admin"],
      success: 200,
      params: async () => ({ workspace: "default" }),
      body: async () => ({
        name: `Renamed ${++sequence}`,
        version: (await findWorkspaceRecord(db().prisma, "default"))!.version,
      }),
    },
    "GET /api/v1/workspaces/[workspace]/audit": {
      allowed: everyone,
      success: 200,
      params: async () => ({ workspace: "default" }),
    },
    "GET /api/v1/workspaces/[workspace]/spec": {
      allowed: everyone,
      success: 200,
      params: async () => ({ workspace: "default" }),
    },
    "GET /api/v1/workspaces/[workspace]/spec/[kind]": {
      allowed: everyone,
      success: 200,
      params: async () => ({ workspace: "default", kind: "vpc" }),
    },
    "POST /api/v1/workspaces/[workspace]/spec/[kind]": {
      allowed: ["architect", "admin"],
      success: 201,
      params: async () => ({ workspace: "default", kind: "vpc" }),
      body: async () => vpcData(),
    },
    "GET /api/v1/workspaces/[workspace]/spec/[kind]/[id]": {
      allowed: everyone,
      success: 200,
      params: async () => ({ workspace: "default", kind: "vpc", id: (await newVpc()).id }),
    },
    "PUT /api/v1/workspaces/[workspace]/spec/[kind]/[id]": {
      allowed: ["architect", "admin"],
      success: 200,
      params: async () => ({ workspace: "default", kind: "vpc", id: (await newVpc()).id }),
      body: async () => ({ version: 1, data: vpcData() }),
    },
    "DELETE /api/v1/workspaces/[workspace]/spec/[kind]/[id]": {
      allowed: ["architect", "admin"],
      success: 204,
      params: async () => ({ workspace: "default", kind: "vpc", id: (await newVpc()).id }),
    },
    "GET /api/v1/workspaces/[workspace]/export": {
      allowed: everyone,
      success: 200,
      params: async () => ({ workspace: "default" }),
    },
    "GET /api/v1/workspaces/[workspace]/imports": {
      allowed: everyone,
      success: 200,
      params: async () => ({ workspace: "default" }),
    },
    "POST /api/v1/workspaces/[workspace]/imports": {
      allowed: ["architect", "admin"],
      success: 201,
      params: async () => ({ workspace: "default" }),
      body: async () => ({
        files: [{ name: "spec.md", text: `## Business Groups\n\n| Business Group |\n|---|\n| BG ${++sequence} |\n` }],
      }),
    },
    "POST /api/v1/workspaces/[workspace]/imports/preview": {
      allowed: ["architect", "admin"],
      success: 200,
      params: async () => ({ workspace: "default" }),
      body: async () => ({
        files: [{ name: "spec.md", text: "## Business Groups\n\n| Business Group |\n|---|\n| Preview |\n" }],
      }),
    },
    "GET /api/v1/openapi.json": { allowed: everyone, success: 200, public: true },
    "GET /api/v1/workspaces/[workspace]/check": {
      allowed: everyone,
      success: 200,
      // Reads the latest evaluation: there must be one.
      params: async () => {
        await evaluateWorkspace(db(), (await findWorkspaceRecord(db().prisma, "default"))!.id, "test");
        return { workspace: "default" };
      },
    },
    "POST /api/v1/workspaces/[workspace]/check": {
      allowed: ["delivery_lead", "architect", "admin"],
      success: 200,
      params: async () => ({ workspace: "default" }),
    },
    "GET /api/v1/workspaces/[workspace]/topology/[view]": {
      allowed: everyone,
      success: 200,
      params: async () => ({ workspace: "default", view: "platform" }),
    },
    "PATCH /api/v1/workspaces/[workspace]/topology/[view]/layout": {
      allowed: ["architect", "admin"],
      success: 200,
      params: async () => ({ workspace: "default", view: "platform" }),
      body: async () => ({ pins: { [`vpc:${++sequence}`]: { x: 10, y: 20, parent: null } } }),
    },
    "DELETE /api/v1/workspaces/[workspace]/topology/[view]/layout": {
      allowed: ["architect", "admin"],
      success: 200,
      params: async () => ({ workspace: "default", view: "dr" }),
    },
    "GET /api/v1/settings/role-mapping": { allowed: ["admin"], success: 200 },
    "PUT /api/v1/settings/role-mapping": {
      allowed: ["admin"],
      success: 200,
      body: async () => {
        const current = await loadRoleMapping(db().prisma, getEnv().auth.defaultRoleGroups);
        return { mapping: current.mapping, version: current.version };
      },
    },
  };

  /** Every route file under app/api/v1 and the methods it exports. */
  async function discoverRoutes(): Promise<{ key: string; method: Method; handler: Handler }[]> {
    const found: { key: string; method: Method; handler: Handler }[] = [];
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? walk(full) : entry.name === "route.ts" ? [full] : [];
      });
    for (const file of walk(apiDir)) {
      const routePath =
        "/" + path.relative(path.join(process.cwd(), "app"), path.dirname(file)).split(path.sep).join("/");
      const exported = (await import(file)) as Partial<Record<Method, Handler>>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
        const handler = exported[method];
        if (handler) found.push({ key: `${method} ${routePath}`, method, handler });
      }
    }
    return found;
  }

  let routes: Awaited<ReturnType<typeof discoverRoutes>>;
  beforeAll(async () => {
    routes = await discoverRoutes();
  });
  beforeEach(async () => {
    setProcessDatabase(db());
    await ensureDefaultWorkspace(db());
    for (const role of everyone) {
      const actor: Actor = { kind: "user", id: `subject-${role}`, name: role, role, groups: groupsOf[role] };
      await upsertUserAtSignIn(
        db().prisma,
        { subject: actor.id, name: role, email: null, groups: groupsOf[role] },
        actor,
        new Date(),
      );
    }
  });

  it("has a rule for every route and method, and every rule matches a route", () => {
    const keys = routes.map((r) => r.key).sort();
    expect(
      keys.filter((key) => !rules[key]),
      "routes without an authorization rule",
    ).toEqual([]);
    expect(
      Object.keys(rules).filter((key) => !keys.includes(key)),
      "rules for routes that do not exist",
    ).toEqual([]);
  });

  it("documents every route in the OpenAPI document with the roles enforced here", () => {
    const documented = documentedOperations();
    const keys = routes.map((r) => r.key).filter((key) => !rules[key]?.public);
    expect(documented.map((op) => op.key).sort()).toEqual([...keys].sort());
    for (const op of documented) {
      const rule = rules[op.key]!;
      expect({ key: op.key, roles: [...op.roles].sort(), usersOnly: op.usersOnly, success: op.success }).toEqual({
        key: op.key,
        roles: [...rule.allowed].sort(),
        usersOnly: !!rule.usersOnly,
        success: op.success,
      });
    }
  });

  type Caller = { label: string; headers: () => Promise<Record<string, string>>; expect: (rule: Rule) => number };

  const sessionCookie = async (role: Role) => {
    const { auth } = getEnv();
    const jwt = await encode({
      token: { sub: `subject-${role}`, name: role, groups: groupsOf[role] },
      secret: auth.secret,
      salt: "authjs.session-token",
    });
    return { cookie: `authjs.session-token=${jwt}`, origin: auth.url };
  };
  const tokenOf = async (role: Role, state: "valid" | "expired" | "revoked") => {
    const now = state === "expired" ? new Date(Date.now() - 40 * 86_400_000) : new Date();
    const { token, secret } = await createApiToken(
      adminCtx(),
      { name: `${role}-${state}`, role, expiresInDays: 30 },
      now,
    );
    if (state === "revoked") await revokeApiToken(adminCtx(), token.id);
    return { authorization: `Bearer ${secret}` };
  };

  const callers: Caller[] = [
    { label: "no credentials", headers: async () => ({}), expect: () => 401 },
    { label: "an expired admin token", headers: () => tokenOf("admin", "expired"), expect: () => 401 },
    { label: "a revoked admin token", headers: () => tokenOf("admin", "revoked"), expect: () => 401 },
    {
      label: "a made-up token",
      headers: async () => ({ authorization: "Bearer agp_not-a-real-token" }),
      expect: () => 401,
    },
    ...everyone.flatMap((role): Caller[] => [
      {
        label: `a ${role} signed in`,
        headers: () => sessionCookie(role),
        expect: (rule) => (rule.allowed.includes(role) ? rule.success : 403),
      },
      {
        label: `a ${role} API token`,
        headers: () => tokenOf(role, "valid"),
        expect: (rule) => (rule.allowed.includes(role) && !rule.usersOnly ? rule.success : 403),
      },
    ]),
  ];

  // A success answer must have the shape the OpenAPI document promises (the domain's shape of its concept).
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new Map(
    documentedOperations().flatMap((op) => (op.response ? [[op.key, ajv.compile(op.response)] as const] : [])),
  );
  async function answerProblems(key: string, response: Response): Promise<string> {
    const validate = validators.get(key);
    if (!validate || response.status >= 300) return "";
    if (validate(await response.json())) return "";
    return ` but not as documented: ${ajv.errorsText(validate.errors)}`;
  }

  for (const caller of callers) {
    it(`answers ${caller.label} as the rules say, on every route`, async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const route of routes) {
        const rule = rules[route.key];
        if (!rule) continue; // reported by the first test
        const headers = await caller.headers();
        const body = rule.body ? await rule.body() : undefined;
        const request = new Request(`http://localhost:3000${route.key.split(" ")[1]}`, {
          method: route.method,
          headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const params = rule.params ? await rule.params() : {};
        const response = await route.handler(request, { params: Promise.resolve(params) });
        outcomes.push(`${route.key} -> ${response.status}${await answerProblems(route.key, response)}`);
        expected.push(`${route.key} -> ${rule.public ? rule.success : caller.expect(rule)}`);
      }
      expect(outcomes).toEqual(expected);
    });
  }
});
