// Business and solution context: the key systems and the integration principles.

import { description, name, type KindShape } from "@/lib/domain/spec/kinds/shape";

/** The kinds of this chapter, by id. */
export const contextKinds = {
  system: {
    label: "System",
    plural: "Systems",
    chapter: "context",
    key: "name",
    summary: "Key systems and the backend catalog: how each is deployed and reached.",
    perEnvironment: true,
    fields: [
      name("System"),
      description,
      { name: "keySystem", label: "Key system", type: "boolean" },
      {
        name: "deploymentModel",
        label: "Deployment model",
        type: "text",
        tracked: true,
        help: "e.g. SaaS, on-premise, AWS",
      },
      { name: "location", label: "Location", type: "text", tracked: true },
      { name: "protocol", label: "Access protocol", type: "text", tracked: true, help: "e.g. REST/HTTPS, JDBC, SFTP" },
      { name: "host", label: "Host", type: "text", tracked: true },
      { name: "access", label: "Access", type: "text", tracked: true, help: "e.g. via VPN, public internet" },
      { name: "integrationConcerns", label: "Key integration concerns", type: "longtext" },
    ],
  },
  principle: {
    label: "Principle",
    plural: "Integration principles",
    chapter: "context",
    key: "name",
    summary: "The integration architecture principles, each a name and a statement.",
    fields: [name(), { name: "statement", label: "Statement", type: "longtext", required: true }],
  },
} as const satisfies Record<string, KindShape>;
