import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import { listAuditEvents } from "@/lib/services/audit";
import type { ServiceContext } from "@/lib/services/context";
import {
  createSpecRecord,
  deleteSpecRecord,
  getSpecOverview,
  getSpecRecord,
  listSpec,
  updateSpecRecord,
} from "@/lib/services/spec";
import { ensureDefaultWorkspace } from "@/lib/services/workspaces";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const architect: Actor = { kind: "user", id: "okta|archie", name: "Archie Architect", role: "architect" };
const colleague: Actor = { kind: "user", id: "okta|mira", name: "Mira Multi", role: "architect" };
const lead: Actor = { kind: "user", id: "okta|della", name: "Della Delivery", role: "delivery_lead" };

describe(`specification records on ${testEngine}`, () => {
  const db = useTestDatabase();
  const as = (actor: Actor = architect): ServiceContext => ({ db: db(), actor, origin: "api" });
  beforeEach(async () => {
    await ensureDefaultWorkspace(db());
  });

  const vpc = { name: "vpc-prod-eu", region: "eu-central-1", cidr: "10.20.0.0/20" };

  it("creates, updates and deletes a VPC, each with an audit event naming the actor, before and after", async () => {
    const created = await createSpecRecord(as(), "default", "vpc", vpc);
    expect(created).toMatchObject({ kind: "vpc", title: "vpc-prod-eu", version: 1 });
    // Saved through the API, every field is stated by a person: none is "not yet recorded".
    const sources = {
      name: "editor",
      region: "editor",
      cidr: "editor",
      environments: "editor",
      businessGroup: "editor",
    };
    expect(created.data).toEqual({ ...vpc, environments: [], businessGroup: null, sources });

    const updated = await updateSpecRecord(as(), "default", "vpc", created.id, {
      version: 1,
      data: { ...vpc, cidr: "10.20.0.0/19" },
    });
    expect(updated).toMatchObject({ version: 2, data: { cidr: "10.20.0.0/19" } });

    await deleteSpecRecord(as(), "default", "vpc", created.id, 2);
    expect(await listSpec(as(), "default", "vpc")).toEqual([]);

    const { items } = await listAuditEvents(as(), "default", { entityId: created.id });
    expect(items.map((e) => [e.action, e.actorName, e.origin])).toEqual([
      ["spec.delete", "Archie Architect", "api"],
      ["spec.update", "Archie Architect", "api"],
      ["spec.create", "Archie Architect", "api"],
    ]);
    expect(items[1]).toMatchObject({
      before: { version: 1, data: { cidr: "10.20.0.0/20" } },
      after: { version: 2, data: { cidr: "10.20.0.0/19" } },
    });
  });

  it("gives one of two concurrent updates of a VPC success and the other 409 with the winner's record, losing nothing", async () => {
    const created = await createSpecRecord(as(), "default", "vpc", vpc);
    const attempts = await Promise.allSettled([
      updateSpecRecord(as(architect), "default", "vpc", created.id, {
        version: 1,
        data: { ...vpc, cidr: "10.30.0.0/20" },
      }),
      updateSpecRecord(as(colleague), "default", "vpc", created.id, {
        version: 1,
        data: { ...vpc, region: "eu-west-1" },
      }),
    ]);
    const won = attempts.filter((a) => a.status === "fulfilled");
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof updateSpecRecord>>>).value;
    expect(lost[0]!.reason).toMatchObject({
      status: 409,
      code: "conflict",
      details: { current: { version: 2, data: winner.data } },
    });

    // The loser re-applies on top of the winner: both changes survive.
    const loserData =
      winner.data.cidr === "10.30.0.0/20"
        ? { ...winner.data, region: "eu-west-1" }
        : { ...winner.data, cidr: "10.30.0.0/20" };
    const merged = await updateSpecRecord(as(colleague), "default", "vpc", created.id, { version: 2, data: loserData });
    expect(merged.data).toMatchObject({ cidr: "10.30.0.0/20", region: "eu-west-1" });

    const { items } = await listAuditEvents(as(), "default", { entityId: created.id, action: "spec.update" });
    expect(items.map((e) => (e.after as { version: number }).version).sort()).toEqual([2, 3]);
  });

  it("answers a stale update with 409 even when it comes much later", async () => {
    const created = await createSpecRecord(as(), "default", "vpc", vpc);
    await updateSpecRecord(as(), "default", "vpc", created.id, { version: 1, data: { ...vpc, cidr: "10.20.0.0/21" } });
    await expect(
      updateSpecRecord(as(colleague), "default", "vpc", created.id, { version: 1, data: vpc }),
    ).rejects.toMatchObject({
      status: 409,
    });
    expect((await getSpecRecord(as(), "default", "vpc", created.id)).data.cidr).toBe("10.20.0.0/21");
  });

  it("refuses invalid data with 400 naming each field, and writes nothing", async () => {
    const attempt = createSpecRecord(as(), "default", "vpc", { name: "", region: "eu-central-1", cidr: "10.0.0.0/33" });
    await expect(attempt).rejects.toMatchObject({
      status: 400,
      details: {
        fields: [
          { field: "name", message: "VPC name is required" },
          { field: "cidr", message: "prefix /33 is larger than /32" },
        ],
      },
    });
    expect(await listSpec(as(), "default", "vpc")).toEqual([]);
    expect((await listAuditEvents(as(), "default", { kind: "vpc" })).items).toEqual([]);
  });

  it("keeps names unique per kind and workspace, case-insensitively", async () => {
    await createSpecRecord(as(), "default", "vpc", vpc);
    await expect(
      createSpecRecord(as(), "default", "vpc", { ...vpc, name: "VPC-PROD-EU", cidr: "10.21.0.0/20" }),
    ).rejects.toMatchObject({
      status: 400,
      details: { fields: [{ field: "name", message: 'a VPC named "VPC-PROD-EU" already exists in this workspace' }] },
    });
    // Another kind may use the same name.
    await createSpecRecord(as(), "default", "environment", { name: "vpc-prod-eu", classification: "production" });
  });

  it("checks references: right kind, same workspace; and refuses to delete what is still referred to", async () => {
    const env = await createSpecRecord(as(), "default", "environment", { name: "PROD", classification: "production" });
    const bg = await createSpecRecord(as(), "default", "business-group", { name: "Northwind" });
    await expect(createSpecRecord(as(), "default", "vpc", { ...vpc, environments: [bg.id] })).rejects.toMatchObject({
      status: 400,
      details: { fields: [{ field: "environments", message: `no environment with id ${bg.id} in this workspace` }] },
    });

    const created = await createSpecRecord(as(), "default", "vpc", {
      ...vpc,
      environments: [env.id],
      businessGroup: bg.id,
    });
    const rule = await createSpecRecord(as(), "default", "firewall-rule", {
      vpc: created.id,
      source: "10.0.0.0/8",
      protocol: "tcp",
      fromPort: 8081,
      toPort: 8082,
    });
    expect(rule.title).toBe("10.0.0.0/8 TCP 8081-8082");

    await expect(deleteSpecRecord(as(), "default", "environment", env.id)).rejects.toMatchObject({
      status: 409,
      code: "in_use",
      message: 'Environment "PROD" is still used by 1 record(s): VPC "vpc-prod-eu". Change or delete those first.',
    });
    await expect(deleteSpecRecord(as(), "default", "vpc", created.id)).rejects.toMatchObject({ status: 409 });
    await deleteSpecRecord(as(), "default", "firewall-rule", rule.id);
    await deleteSpecRecord(as(), "default", "vpc", created.id);
    await deleteSpecRecord(as(), "default", "environment", env.id);
  });

  it("keeps mapping-rule order unique per load balancer and trees acyclic", async () => {
    const v = await createSpecRecord(as(), "default", "vpc", vpc);
    const dlb = await createSpecRecord(as(), "default", "load-balancer", {
      name: "dlb-ext",
      vpc: v.id,
      role: "external",
    });
    const rule = { loadBalancer: dlb.id, order: 1, inputPath: "/api/", targetApp: "orders-api" };
    await createSpecRecord(as(), "default", "mapping-rule", rule);
    await expect(
      createSpecRecord(as(), "default", "mapping-rule", { ...rule, inputPath: "/other/" }),
    ).rejects.toMatchObject({
      details: {
        fields: [
          { field: "order", message: 'order 1 is already taken by rule "#1 /api/ → orders-api" on this load balancer' },
        ],
      },
    });

    const root = await createSpecRecord(as(), "default", "team", { name: "Everyone" });
    const child = await createSpecRecord(as(), "default", "team", { name: "Platform", parent: root.id });
    await expect(
      updateSpecRecord(as(), "default", "team", root.id, { version: 1, data: { name: "Everyone", parent: child.id } }),
    ).rejects.toMatchObject({
      details: {
        fields: [{ field: "parent", message: "would make a cycle: a group cannot sit under its own descendant" }],
      },
    });
  });

  it("lets delivery leads and viewers read but not write, and naming conventions follow convention:edit", async () => {
    await createSpecRecord(as(), "default", "vpc", vpc);
    expect(await listSpec(as(lead), "default", "vpc")).toHaveLength(1);
    await expect(createSpecRecord(as(lead), "default", "vpc", { ...vpc, name: "x" })).rejects.toMatchObject({
      status: 403,
    });
    const convention = { name: "apps", resourceKind: "application", pattern: "{scope}-{layer}-{system}-api" };
    expect(await createSpecRecord(as(), "default", "naming-convention", convention)).toMatchObject({ title: "apps" });
  });

  it("answers 404 for an unknown section, record or workspace", async () => {
    await expect(listSpec(as(), "default", "nonsense")).rejects.toMatchObject({ status: 404 });
    await expect(getSpecRecord(as(), "default", "vpc", "not-an-id")).rejects.toMatchObject({ status: 404 });
    const env = await createSpecRecord(as(), "default", "environment", { name: "DEV", classification: "sandbox" });
    await expect(getSpecRecord(as(), "default", "vpc", env.id)).rejects.toMatchObject({ status: 404 });
    await expect(listSpec(as(), "nowhere", "vpc")).rejects.toMatchObject({ status: 404 });
  });

  it("reports every section in the overview with honest completeness", async () => {
    await createSpecRecord(as(), "default", "vpc", vpc);
    await createSpecRecord(as(), "default", "vpc", { name: "vpc-dr", region: "eu-west-1", cidr: "TBD" });
    const overview = await getSpecOverview(as(lead), "default");
    const sections = overview.chapters.flatMap((c) => c.sections);
    expect(sections).toHaveLength(24);
    const vpcs = sections.find((s) => s.kind === "vpc")!;
    expect(vpcs).toMatchObject({ records: 2, cells: 10, filled: 5 });
    expect(sections.find((s) => s.kind === "environment")).toMatchObject({ records: 0, ratio: 0 });
    expect(overview.totals).toMatchObject({ records: 2, cells: 10, filled: 5, ratio: 0.5 });
  });
});
