import { AnypointError } from "@/lib/anypoint/http";
import { findConnection } from "@/lib/db/live-repository";
import type { ConnectionCheck } from "@/lib/domain/live/connection";
import type { ServiceContext } from "@/lib/services/context";
import { notFound } from "@/lib/services/errors";
import { authorizeWorkspace } from "@/lib/services/guard";
import { clientFor } from "@/lib/services/live/client";

export type { ConnectionCheck };

/**
 * Tries the stored connection: token, organisation, and one read of each API family, reporting
 * what the connected app can and cannot see.
 */
export async function testConnection(
  ctx: ServiceContext,
  slug: string,
): Promise<{ ok: boolean; checks: ConnectionCheck[] }> {
  const workspace = await authorizeWorkspace(ctx, slug, "connection:manage");
  const row = await findConnection(ctx.db.prisma, workspace.id);
  if (!row) throw notFound(`Workspace "${slug}" has no Anypoint connection yet`);
  const client = clientFor(row, { maxRetries: 1, timeoutMs: 15_000 });
  const checks: ConnectionCheck[] = [];
  const attempt = async <T>(
    check: string,
    run: () => Promise<T>,
    describe: (value: T) => string,
  ): Promise<T | null> => {
    try {
      const value = await run();
      checks.push({ check, ok: true, detail: describe(value) });
      return value;
    } catch (error) {
      checks.push({ check, ok: false, detail: error instanceof AnypointError ? error.message : String(error) });
      return null;
    }
  };
  const token = await attempt(
    "Token",
    () => client.authenticate(),
    () => `client credentials accepted at ${row.baseUrl}`,
  );
  if (token === null) return { ok: false, checks };
  const orgId =
    row.organizationId ??
    (
      await attempt(
        "Organisation id",
        () => client.me(),
        (me) => `the app belongs to ${me.client?.org_id ?? "?"}`,
      )
    )?.client?.org_id ??
    null;
  if (!orgId) return { ok: false, checks };
  const org = await attempt(
    "Organisation",
    () => client.organization(orgId),
    (o) =>
      `${o.name}: ${o.subOrganizationIds.length} business group(s) below it, ${o.environments?.length ?? 0} environment(s)`,
  );
  const envs = await attempt(
    "Environments",
    () => client.environments(orgId),
    (e) => `${e.length} in the organisation`,
  );
  await attempt(
    "VPCs",
    () => client.vpcs(orgId),
    (v) => `${v.length} visible`,
  );
  await attempt(
    "Private spaces",
    () => client.privateSpaces(orgId),
    (p) => `${p.length} visible`,
  );
  // Applications live in environments, often only in business groups: try the first one that has any.
  let target = envs?.[0] ? { owner: orgId, env: envs[0] } : null;
  for (const child of org?.subOrganizationIds.slice(0, 5) ?? []) {
    if (target) break;
    const childEnvs = await client.environments(child).catch(() => []);
    if (childEnvs[0]) target = { owner: child, env: childEnvs[0] };
  }
  if (target) {
    const { owner, env } = target;
    await attempt(
      `Applications in ${env.name}`,
      () => client.ch1Applications(owner, env.id),
      (a) => `${a.length} CloudHub 1.0`,
    );
    await attempt(
      `Deployments in ${env.name}`,
      () => client.deployments(owner, env.id),
      (d) => `${d.length} CloudHub 2.0 / RTF`,
    );
    await attempt(
      `API instances in ${env.name}`,
      () => client.apiInstances(owner, env.id),
      (a) => `${a.length} visible`,
    );
  }
  await attempt(
    "Teams",
    () => client.teams(orgId),
    (t) => `${t.length} visible`,
  );
  return { ok: org !== null && checks.every((c) => c.ok), checks };
}
