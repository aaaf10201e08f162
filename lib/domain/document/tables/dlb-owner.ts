// Which dedicated load balancer a TLS-endpoint or mapping-rule row belongs to. The template says
// it in the lines above the table ("External DLB Mapping Rules"), real copies sometimes two lines
// up, in the heading, or in a DLB column; a role ("Internal ...") with several DLBs of that role
// means all of them (decision 0020). When nothing tells, the row is left out and the table is
// reported once, naming the load balancers it could belong to.

import type { RowContext } from "@/lib/domain/document/kind-tables";
import { isPlaceholder } from "@/lib/domain/spec/placeholders";

type Role = "external" | "internal";
type Dlb = { name: string; role: string; environments: string[] };

const roleWords: Record<Role, RegExp> = {
  external: /\b(external|public|internet[- ]facing)\b/i,
  internal: /\b(internal|private)\b/i,
};

const roleCell = /^(external|internal|public|private)(\s+(dlb|load balancer|facing))?$/i;

/** The role a text names, when it names exactly one ("External DLB Mapping Rules"). */
function roleIn(text: string): Role | null {
  const external = roleWords.external.test(text);
  const internal = roleWords.internal.test(text);
  return external === internal ? null : external ? "external" : "internal";
}

const lower = (value: unknown) =>
  String(value ?? "")
    .trim()
    .toLowerCase();

/** The load balancers read so far, with the environments of their VPC. */
function loadBalancers(row: RowContext<"tls-endpoint" | "mapping-rule">): Dlb[] {
  const records = row.draft.records;
  return records
    .filter((r) => r.kind === "load-balancer" && lower(r.data.name) !== "")
    .map((r) => {
      const vpc = records.find((v) => v.kind === "vpc" && lower(v.data.name) === lower(r.data.vpc));
      const environments = Array.isArray(vpc?.data.environments) ? vpc.data.environments.map(lower) : [];
      return { name: String(r.data.name).trim(), role: lower(r.data.role), environments };
    });
}

/** The DLBs a text names by name, whole names only ("dlb-int" is not named by "dlb-int-prod"). */
function namedIn(text: string, dlbs: readonly Dlb[]): Dlb[] {
  const haystack = text.toLowerCase();
  return dlbs.filter((dlb) => {
    const name = dlb.name.toLowerCase();
    for (let at = haystack.indexOf(name); at >= 0; at = haystack.indexOf(name, at + 1)) {
      const before = haystack[at - 1] ?? " ";
      const after = haystack[at + name.length] ?? " ";
      if (!/[\w-]/.test(before) && !/[\w-]/.test(after)) return true;
    }
    return false;
  });
}

const listOf = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)!}`;

/** What a text says of the owner: the DLBs it names, or a role; null when it says nothing of one. */
type Said = { dlbs: Dlb[] } | { role: Role } | null;

function said(text: string, dlbs: readonly Dlb[]): Said {
  const named = namedIn(text, dlbs);
  if (named.length) return { dlbs: named };
  const role = roleIn(text);
  return role ? { role } : null;
}

/**
 * The load balancers a row belongs to: its DLB column when filled, else the nearest caption that
 * names one (or a role), then the headings around the table, then the only DLB of the document.
 * Empty when the row cannot be placed: it is then left out, with one problem for its table.
 */
export function ownersOf(row: RowContext<"tls-endpoint" | "mapping-rule">): string[] {
  const dlbs = loadBalancers(row);
  const column = row.cell("loadBalancer");
  const what = row.kind === "tls-endpoint" ? "endpoints" : "rules";
  let saying: Said = null;
  if (column !== "" && !isPlaceholder(column)) {
    // A cell is a role only when it says nothing else ("Internal", "External DLB"): "internal-dlb-01" is a name.
    const named = namedIn(column, dlbs);
    const role = roleCell.test(column) ? roleIn(column) : null;
    saying = named.length ? { dlbs: named } : role ? { role } : null;
    // A name the document's DLB table lacks may be one of the workspace's: the plan resolves it.
    if (!saying) return [column];
  }
  for (const text of saying ? [] : [...row.captions, ...row.headings]) {
    saying = said(text, dlbs);
    if (saying) break;
  }
  let owners: Dlb[];
  if (saying && "dlbs" in saying) owners = saying.dlbs;
  else if (saying) {
    const role = saying.role;
    owners = dlbs.filter((d) => d.role === role);
    if (!owners.length) {
      row.leaveOut(
        `it is for the ${role} load balancer, and the document has ${dlbs.length ? `no ${role} one (only ${listOf(dlbs.map((d) => d.name))})` : "no load balancer (no Load Balancing table)"}`,
      );
      return [];
    }
  } else if (dlbs.length === 1) owners = dlbs;
  else {
    row.leaveOut(
      dlbs.length
        ? `it does not say which load balancer its ${what} belong to: ${listOf(dlbs.map((d) => d.name))}? Name the load balancer (or its role, "External ..." / "Internal ...") in the line above the table, or add a DLB column`
        : "the document has no load balancer for it: add the Load Balancing table (DLB Name, VPC Name, Role)",
    );
    return [];
  }
  if (owners.length === 1 || row.kind === "mapping-rule") return owners.map((d) => d.name);
  // An endpoint's DNS name is one endpoint: the DLB whose VPC serves its environment holds it.
  const environment = lower(row.cell("environment"));
  const serving = owners.filter((d) => environment !== "" && d.environments.includes(environment));
  if (serving.length === 1) return [serving[0]!.name];
  row.leaveOut(
    `its endpoints could be on ${listOf(owners.map((d) => d.name))}, and their environments do not tell which (an endpoint is on one load balancer): name it in a DLB column`,
  );
  return [];
}
