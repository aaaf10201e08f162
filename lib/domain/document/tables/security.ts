// The security kinds' tables in the appendix: the numbered team hierarchy (`#.# | Team |
// Description`, 1, 1.1, 1.2 ...) and the team permissions.

import type { KindDocuments, WritableRecord, WriteContext } from "@/lib/domain/document/kind-tables";
import type { securityKinds } from "@/lib/domain/spec/kinds/security";

/** "1", "1.1", "1.2.1" … from the team tree, roots in the order they were created. */
function numberTeams(teams: readonly WritableRecord[]): Map<string, string> {
  const ids = new Set(teams.map((t) => t.id));
  const children = (parent: string | null) =>
    teams.filter(
      (t) => (typeof t.data.parent === "string" && ids.has(t.data.parent) ? t.data.parent : null) === parent,
    );
  const numbers = new Map<string, string>();
  const walk = (parent: string | null, prefix: string, depth: number) => {
    if (depth > 12) return;
    children(parent).forEach((team, i) => {
      const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      numbers.set(team.id, number);
      walk(team.id, number, depth + 1);
    });
  };
  walk(null, "", 0);
  return numbers;
}

const compareNumbers = (a: string, b: string) => {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
};

// One numbering per export: every row's cell and the row order read it.
const numbering = new WeakMap<WriteContext, Map<string, string>>();
const numbers = (context: WriteContext) => {
  let found = numbering.get(context);
  if (!found) numbering.set(context, (found = numberTeams(context.of("team"))));
  return found;
};

/** How teams and their permissions appear in the document. */
export const securityTables: KindDocuments<keyof typeof securityKinds> = {
  team: {
    tables: [
      {
        id: "teams",
        label: "Teams",
        sections: ["anypoint team profiles and permissions model", "teams", "team structure", "teams structure"],
        columns: [
          {
            cell: "number",
            headers: ["#.#", "#", "No", "Number"],
            ordinal: true,
            write: (r, context) => numbers(context).get(r.id) ?? "",
          },
          { field: "name", headers: ["Team", "Team name"], required: true },
          { field: "description", headers: ["Description"] },
          { field: "parent", headers: ["Parent team", "Parent"], written: false },
        ],
        // Without a Parent column, "1.2" sits under "1"; the number is kept for the rows below it.
        readRow: (row) => {
          const data = row.read();
          const number = row.cell("number").replace(/\.$/, "");
          if (!row.has("parent") && /^\d+(\.\d+)+$/.test(number)) {
            const parentNumber = number.split(".").slice(0, -1).join(".");
            const parent = row.draft.records.find((r) => r.kind === "team" && r.data.__number === parentNumber);
            if (parent) data.parent = parent.data.name;
          }
          if (/^\d+(\.\d+)*$/.test(number)) data.__number = number;
          row.push(data);
        },
        write: {
          place: "Anypoint Team profiles and permissions model",
          rows: (teams, context) =>
            [...teams].sort((a, b) =>
              compareNumbers(numbers(context).get(a.id) ?? "", numbers(context).get(b.id) ?? ""),
            ),
        },
      },
    ],
  },
  "team-permission": {
    tables: [
      {
        id: "team-permissions",
        label: "Team permissions",
        sections: ["team permissions", "anypoint team profiles and permissions model"],
        columns: [
          { field: "team", headers: ["Team"], required: true },
          { field: "product", headers: ["Product"], required: true },
          { field: "permission", headers: ["Permission"], required: true },
          { field: "businessGroup", headers: ["Business Group"] },
          { field: "environments", headers: ["Environments"] },
        ],
        write: { place: "Anypoint Team profiles and permissions model", caption: "Team permissions" },
      },
    ],
  },
};
