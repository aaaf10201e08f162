// The naming conventions table: `Name | Resource | Pattern | Max length | Environments | Description`.

import { matchOption } from "@/lib/domain/document/cells";
import type { KindDocuments } from "@/lib/domain/document/kind-tables";
import { kindFields } from "@/lib/domain/spec/kinds";
import type { sdlcKinds } from "@/lib/domain/spec/kinds/sdlc";

// What people write in the Resource column for the kinds a convention names.
const resourceKindSynonyms: Record<string, string> = {
  app: "application",
  apps: "application",
  "cloudhub application": "application",
  "cloudhub domain": "application",
  "mule application": "application",
  applications: "application",
  environments: "environment",
  "business groups": "business-group",
  bg: "business-group",
  "anypoint vpc": "vpc",
  vpcs: "vpc",
  dlb: "load-balancer",
  "dedicated load balancer": "load-balancer",
  "load balancers": "load-balancer",
  teams: "team",
  "api instance": "api-instance",
  "api instance label": "api-instance",
  "api label": "api-instance",
};

const resourceKindOptions = kindFields("naming-convention").find((f) => f.name === "resourceKind")!.options ?? [];

/** How naming conventions appear in the document. */
export const sdlcTables: KindDocuments<keyof typeof sdlcKinds> = {
  "naming-convention": {
    tables: [
      {
        id: "naming-conventions",
        label: "Naming conventions",
        sections: ["naming conventions", "naming convention"],
        columns: [
          { field: "name", headers: ["Name", "Convention"] },
          { field: "resourceKind", headers: ["Resource", "Resource kind", "Resource type"], required: true },
          { field: "pattern", headers: ["Pattern"], required: true },
          { field: "maxLength", headers: ["Max length", "Maximum length"] },
          { field: "environments", headers: ["Environments"] },
          { field: "description", headers: ["Description"] },
        ],
        // The Resource cell is kept as written when it names no kind: the plan then says why.
        readRow: (row) => {
          const data = row.read({ skip: ["resourceKind"] });
          const resource = row.cell("resourceKind");
          data.resourceKind = matchOption(resource, resourceKindOptions, resourceKindSynonyms) ?? resource;
          if (!data.name) data.name = `${resource} names`;
          row.push(data);
        },
        write: { place: "Naming Conventions" },
      },
    ],
  },
};
