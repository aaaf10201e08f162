// The application chapter's tables: the inventory, and the SDLC chapter's table matching APIs,
// Maven artifacts and CloudHub domains (which names applications the inventory may not list).

import { applicationFromDomain, matchOption } from "@/lib/domain/document/cells";
import { asValue } from "@/lib/domain/document/cell-formats";
import type { KindDocuments } from "@/lib/domain/document/kind-tables";
import { kindFields } from "@/lib/domain/spec/kinds";
import { isPlaceholder } from "@/lib/domain/spec/placeholders";
import type { applicationKinds } from "@/lib/domain/spec/kinds/applications";

const layerSynonyms = {
  exp: "experience",
  xapi: "experience",
  prc: "process",
  pro: "process",
  papi: "process",
  sapi: "system",
  sys: "system",
};

/**
 * What people write for a deployment target, compared normalised ("CloudHub 2.0" is "cloudhub 2 0")
 * and as a prefix of the cell, so the longer words come first ("server group" before "server").
 */
const targetSynonyms = {
  ch1: "cloudhub-1",
  "ch 1": "cloudhub-1",
  "cloudhub 1": "cloudhub-1",
  ch2: "cloudhub-2",
  "ch 2": "cloudhub-2",
  "cloudhub 2": "cloudhub-2",
  "private space": "cloudhub-2",
  "shared space": "cloudhub-2",
  rtf: "runtime-fabric",
  "runtime fabric": "runtime-fabric",
  cluster: "cluster",
  "mule cluster": "cluster",
  "hybrid cluster": "cluster",
  "on premise cluster": "cluster",
  "server group": "server-group",
  "hybrid server group": "server-group",
  "on premise server group": "server-group",
  server: "server",
  "mule server": "server",
  "hybrid server": "server",
  "on premise server": "server",
};

const layerOptions = kindFields("application").find((f) => f.name === "layer")!.options ?? [];

/** How applications appear in the document. */
export const applicationTables: KindDocuments<keyof typeof applicationKinds> = {
  application: {
    tables: [
      {
        id: "applications",
        label: "Application inventory",
        sections: ["application inventory", "applications", "planned applications"],
        columns: [
          { field: "name", headers: ["Application", "Application name", "App name", "App"], required: true },
          { field: "layer", headers: ["Layer", "API layer", "API-led layer"], required: true, synonyms: layerSynonyms },
          { field: "system", headers: ["System"] },
          { field: "apiVersion", headers: ["API version", "Version"] },
          { field: "environments", headers: ["Environments"] },
          { field: "workers", headers: ["Workers", "Worker count", "Replicas"] },
          {
            field: "workerSize",
            headers: ["Worker size", "vCores"],
            synonyms: { "0 1": "0.1", "0 2": "0.2" },
            format: asValue,
          },
          { field: "drTier", headers: ["DR Tier", "Recovery tier", "Tier"] },
          {
            field: "securityCategory",
            headers: ["Security Category", "Security"],
            synonyms: { "level a": "level-a", a: "level-a", "level b": "level-b", b: "level-b" },
          },
          {
            field: "target",
            headers: ["Target", "Deployment target", "Runtime plane"],
            synonyms: targetSynonyms,
            exact: true,
          },
          { field: "targetName", headers: ["Target name", "Deployed to"] },
        ],
        write: { place: "Application Inventory" },
      },
      {
        id: "sdlc-matching",
        label: "API, artifact and CloudHub domain matching",
        sections: ["naming conventions", "naming convention", "sdlc"],
        columns: [
          { cell: "api", headers: ["API", "API name"], required: true },
          { cell: "artifactId", headers: ["Maven Artifact Id", "Artifact Id"], required: true },
          { cell: "domain", headers: ["Cloudhub domain", "CloudHub application", "Domain"], required: true },
        ],
        // The domain's host is the application's name; the artifact id or the name tells its layer.
        readRow: (row) => {
          const domain = row.cell("domain");
          const appName = applicationFromDomain(domain);
          const layer =
            /(experience|process|system)/i.exec(row.cell("artifactId"))?.[1]?.toLowerCase() ??
            matchOption(/-(exp|prc|pro|sys)-/i.exec(`-${appName}-`)?.[1] ?? "", layerOptions, layerSynonyms);
          if (!appName || isPlaceholder(domain) || appName.includes("{")) {
            row.gap({
              record: row.cell("api"),
              field: "name",
              value: domain,
              reason: "no application name",
              kept: false,
            });
            return;
          }
          // The inventory table says more.
          if (row.draft.records.some((r) => r.kind === "application" && r.data.name === appName)) return;
          row.push({ name: appName, ...(layer ? { layer } : {}) });
        },
      },
    ],
  },
};
