import type { SpecEntry } from "@/lib/domain/governance/types";
import type { LiveResource } from "@/lib/domain/live/snapshot";
import { recordTitle, type SpecKind } from "@/lib/domain/spec/kinds";

/** A small deterministic generator (mulberry32), so that the same seed gives the same estate. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A plan and a live snapshot for `apps` applications over 10 business groups and 4 environments,
 * with VPCs, load balancers (about 5 mapping rules per application), teams and API instances, and
 * a few percent of violations of each kind. Deterministic for a seed.
 */
export function syntheticEstate(apps: number, seed = 1): { spec: SpecEntry[]; live: LiveResource[] } {
  const rand = random(seed);
  const spec: SpecEntry[] = [];
  const live: LiveResource[] = [];
  let id = 0;
  const add = (kind: SpecKind, data: Record<string, unknown>) => {
    const entry = { id: `s${++id}`, kind, title: recordTitle(kind, data), data };
    spec.push(entry);
    return entry;
  };
  const resource = (kind: LiveResource["kind"], name: string, rest: Partial<LiveResource> = {}) =>
    live.push({ kind, name, externalId: `l${++id}`, businessGroup: null, environment: null, attributes: {}, ...rest });

  const groups = Array.from({ length: 10 }, (_, i) => `bg-${i + 1}`);
  groups.forEach((g) => {
    add("business-group", { name: g });
    resource("business-group", g, { attributes: { isRoot: false } });
  });
  const envNames = ["DEV", "TEST", "PREPROD", "PROD"];
  const envs = envNames.map((name) =>
    add("environment", {
      name,
      classification: name === "PROD" ? "production" : "sandbox",
      highAvailability: name === "PROD" || name === "PREPROD",
      minimumRuntime: "4.6.0",
    }),
  );
  envNames.forEach((name) =>
    resource("environment", name, { attributes: { type: name === "PROD" ? "production" : "sandbox" } }),
  );
  add("naming-convention", {
    name: "Apps",
    resourceKind: "application",
    pattern: "{bg}-{layer:exp|prc|sys}-{system}-api-{version}[-{env:dev|test|preprod}]",
    maxLength: 42,
    environments: [],
  });
  const vpcs = envNames.map((name, i) => {
    const vpc = add("vpc", {
      name: `vpc-${name.toLowerCase()}`,
      region: "eu-central-1",
      cidr: `10.${i}.0.0/20`,
      environments: [envs[i]!.id],
    });
    resource("vpc", vpc.title, {
      attributes: { cidr: `10.${i}.0.0/20`, region: "eu-central-1", environments: [name] },
    });
    return vpc;
  });
  const lbCount = Math.max(2, Math.round(apps / 500));
  const lbs = Array.from({ length: lbCount }, (_, i) => {
    const lb = add("load-balancer", {
      name: `dlb-${i}`,
      vpc: vpcs[i % vpcs.length]!.id,
      role: i % 2 ? "internal" : "external",
      allowlistedCidrs: ["10.0.0.0/8"],
    });
    resource("load-balancer", lb.title, {
      attributes: {
        allowlist: rand() < 0.05 ? ["0.0.0.0/0"] : ["10.0.0.0/8"],
        tlsv1: rand() < 0.05,
        httpMode: "redirect",
      },
    });
    return lb;
  });
  const layers = ["exp", "prc", "sys"];
  const planned: SpecEntry[] = [];
  for (let i = 0; i < apps; i += 1) {
    const bg = groups[i % groups.length]!;
    const layer = layers[i % 3]!;
    const name = `${bg}-${layer}-system${i}-api-v1`;
    const environments = envs.filter((_, e) => e === 3 || rand() < 0.5);
    planned.push(
      add("application", {
        name,
        layer: layer === "exp" ? "experience" : layer === "prc" ? "process" : "system",
        environments: environments.map((e) => e.id),
        workers: 2,
        workerSize: "0.2",
        securityCategory: "level-b",
      }),
    );
    for (const env of environments) {
      const envName = env.title;
      const deployed = envName === "PROD" ? name : `${name}-${envName.toLowerCase()}`;
      if (rand() < 0.03) continue; // planned but missing
      const bad = rand() < 0.03;
      resource("application", bad ? deployed.toUpperCase() : deployed, {
        businessGroup: bg,
        environment: envName,
        attributes: {
          platform: "cloudhub-1",
          workers: rand() < 0.05 ? 1 : 2,
          workerVCores: 0.2,
          region: "eu-central-1",
          runtimeVersion: rand() < 0.05 ? "4.4.0" : "4.6.9",
          persistentQueues: false,
        },
      });
      if (envName === "PROD") {
        resource("api-instance", `${name}-prod`, {
          environment: "PROD",
          businessGroup: bg,
          attributes: {
            application: name,
            policies:
              rand() < 0.9
                ? [
                    { policy: "client-id-enforcement", disabled: false },
                    { policy: "spike-control", disabled: false },
                    { policy: "json-threat-protection", disabled: false },
                  ]
                : [],
          },
        });
      }
    }
    for (let r = 0; r < 5; r += 1) {
      const lb = lbs[(i + r) % lbs.length]!;
      resource("mapping-rule", `${lb.title} /${name}/${r}/ -> ${name}`, {
        attributes: {
          loadBalancer: lb.title,
          order: r + 1,
          inputUri: `/${name}/${r}/`,
          appName: rand() < 0.01 ? `${name}-gone` : name,
          upstreamProtocol: "https",
        },
      });
    }
    if (rand() < 0.01)
      resource("application", `unplanned-${i}`, {
        environment: "PROD",
        attributes: { platform: "cloudhub-1", workers: 1 },
      });
  }
  // API-led calls: an experience API calls the next process API, a process API the next system APIs.
  planned.forEach((entry, i) => {
    const callees = i % 3 === 0 ? [i + 1, i + 2] : i % 3 === 1 ? [i + 1, i + 4] : [];
    entry.data.dependsOn = callees.filter((c) => c < planned.length).map((c) => planned[c]!.id);
  });
  return { spec, live };
}
