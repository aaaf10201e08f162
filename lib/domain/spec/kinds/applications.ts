// Application architecture: the planned Mule applications.

import { opts, type KindShape } from "@/lib/domain/spec/kinds/shape";

/** The CloudHub worker sizes, in vCores. */
export const workerSizeOptions = opts(
  ["0.1", "0.1 vCore"],
  ["0.2", "0.2 vCore"],
  ["1", "1 vCore"],
  ["2", "2 vCores"],
  ["4", "4 vCores"],
  ["8", "8 vCores"],
  ["16", "16 vCores"],
);

/** Where an application runs: CloudHub, Runtime Fabric, or on-premise Mule runtimes. */
export const targetOptions = opts(
  ["cloudhub-1", "CloudHub 1.0"],
  ["cloudhub-2", "CloudHub 2.0"],
  ["runtime-fabric", "Runtime Fabric"],
  ["cluster", "Mule cluster"],
  ["server-group", "Server group"],
  ["server", "Mule server"],
);

/** The kinds of this chapter, by id. */
export const applicationKinds = {
  application: {
    label: "Application",
    plural: "Planned applications",
    chapter: "applications",
    key: "name",
    summary: "The Mule applications planned, by API-led layer, with sizing and DR tier.",
    fields: [
      {
        name: "name",
        label: "Name",
        type: "cloudhub-app-name",
        required: true,
        help: "lowercase letters, digits, hyphens; at most 42",
      },
      {
        name: "layer",
        label: "Layer",
        type: "enum",
        required: true,
        options: opts(["experience", "Experience"], ["process", "Process"], ["system", "System"]),
      },
      { name: "system", label: "System", type: "ref", ref: "system" },
      {
        name: "dependsOn",
        label: "Calls",
        type: "ref-list",
        ref: "application",
        help: "the applications this one calls: the API-led diagram draws them",
      },
      { name: "apiVersion", label: "API version", type: "text", tracked: true, help: "e.g. v1" },
      {
        name: "environments",
        label: "Environments",
        type: "ref-list",
        ref: "environment",
        tracked: true,
        neededBy: ["AVAIL-HA-WORKERS"],
      },
      {
        name: "workers",
        label: "Workers",
        type: "integer",
        min: 1,
        max: 8,
        tracked: true,
        neededBy: ["AVAIL-HA-WORKERS"],
      },
      { name: "workerSize", label: "Worker size", type: "enum", options: workerSizeOptions, tracked: true },
      {
        name: "drTier",
        label: "DR tier",
        type: "ref",
        ref: "recovery-tier",
        tracked: true,
        neededBy: ["AVAIL-DR-TIER1-REGIONS", "AVAIL-PERSISTENT-QUEUES", "AVAIL-OS-V1"],
      },
      {
        name: "securityCategory",
        label: "Security category",
        type: "enum",
        options: opts(["level-a", "Level A (OAuth 2.0 / JWT)"], ["level-b", "Level B (client id)"]),
        tracked: true,
        neededBy: ["SEC-API-POLICIES"],
      },
      // Not counted as unfinished when empty: documents written before the target was asked for
      // have no such column, and their applications would all be reported.
      { name: "target", label: "Target", type: "enum", options: targetOptions, help: "where the application runs" },
      {
        name: "targetName",
        label: "Target name",
        type: "text",
        help: "the Runtime Fabric, cluster, server group or server; for CloudHub 2.0 the private space (empty for a shared space)",
      },
    ],
  },
} as const satisfies Record<string, KindShape>;
