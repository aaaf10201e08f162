import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/domain/governance/engine";
import { gapRules } from "@/lib/domain/governance/rules/gaps";
import type { SpecEntry } from "@/lib/domain/governance/types";
import { planImport } from "@/lib/domain/document/plan";
import { readSpecDocument } from "@/lib/domain/document/read-spec";
import { tableSpecs } from "@/lib/domain/document/tables";
import { measureCompleteness } from "@/lib/domain/spec/completeness";
import { specKinds, type SpecKind } from "@/lib/domain/spec/kinds";
import { evaluationInput } from "@/lib/testing/governance";

const plan = (text: string) =>
  planImport(readSpecDocument([{ name: "doc.md", text }]), [], [], { includeOffered: false, newId: randomUUID });
const entries = (text: string): SpecEntry[] =>
  plan(text).records.map((r) => ({ id: r.id, kind: r.kind, title: r.title, data: r.data }));
const fieldEmpty = (spec: SpecEntry[]) =>
  evaluate(
    gapRules.filter((r) => r.id === "GAP-FIELD-EMPTY"),
    evaluationInput({ spec }),
    [],
  ).map((f) => f.message);

const environments = [
  "## 4.2 Environments Model",
  "",
  "| Environment | Description | Classification (vCore) | High Availability? | Deployed By |",
  "|---|---|---|---|---|",
  "| DEV | Development | Sandbox | No | N/A |",
  "| PROD | Production | Production | Yes | CI/CD pipeline |",
  "",
].join("\n");

describe("words the template's users write for every and for nothing", () => {
  it('reads "All" in a list of environments as every environment', () => {
    const records = plan(
      `${environments}\n## 4.3 Virtual Private Cloud\n\n| VPC name | Region | CIDR | Environments |\n|---|---|---|---|\n| vpc-main | eu-central-1 | 10.0.0.0/20 | All environments |\n`,
    ).records;
    const ids = records.filter((r) => r.kind === "environment").map((r) => r.id);
    expect(records.find((r) => r.kind === "vpc")!.data.environments).toEqual(ids);
  });

  it('reads "N/A" as deliberately empty: no gap, and complete', () => {
    const spec = entries(environments);
    const dev = spec.find((r) => r.title === "DEV")!;
    expect(dev.data.deployedBy).toBe("");
    expect((dev.data.sources as Record<string, string>).deployedBy).toBe("none");
    expect(fieldEmpty(spec)).toEqual([]);
    const missing = measureCompleteness(
      "environment",
      spec.map((r) => r.data),
    ).missing;
    // What the table has no column for is "not yet recorded"; nothing the document answered is missing.
    expect(missing.filter((m) => m.reason !== "not yet recorded")).toEqual([]);
    expect(missing.map((m) => m.field)).not.toContain("Deployed by");
  });
});

describe("tables read as a kind only when they are about its records", () => {
  it("keeps a table of something it does not model, with an Environment column, as text, never as environments", () => {
    const result = plan(
      [
        environments,
        "## 7.4 Batch Jobs",
        "",
        "Jobs per environment",
        "",
        "| Job | Environment | Schedule | Notes |",
        "|---|---|---|---|",
        "| orders-export | PROD | 7 days | |",
        "| orders-export | DEV | 1 day | |",
        "| events-purge | PROD | 7 days | |",
        "",
      ].join("\n"),
    );
    expect(result.records.filter((r) => r.kind === "environment").map((r) => r.title)).toEqual(["DEV", "PROD"]);
    expect(result.problems).toEqual([]);
    expect(result.keptAsText).toEqual([
      expect.objectContaining({
        caption: "Jobs per environment",
        headers: ["Job", "Environment", "Schedule", "Notes"],
        rows: 3,
      }),
    ]);
    const narrative = result.records.find((r) => r.kind === "narrative-section" && r.title === "Batch Jobs");
    expect(String(narrative?.data.body)).toContain("| orders-export | DEV | 1 day |");
  });

  it("never reads a random table whose Environment column comes after a column of its own as environments", () => {
    // Kinds the portal does not model, so the table can only be text or (wrongly) environments.
    const header = fc.constantFrom("Job", "Interface", "Topic", "Report", "Batch", "Partner", "Certificate");
    const other = fc.constantFrom("Region", "TTL", "Owner", "Schedule", "Notes", "Protocol", "Description");
    fc.assert(
      fc.property(
        header,
        fc.array(other, { maxLength: 3 }),
        fc.constantFrom("Environments Model", "Environments", "Messaging", "Operations"),
        fc.array(fc.constantFrom("PROD", "DEV", "TEST", "UAT"), { minLength: 1, maxLength: 8 }),
        (first, rest, section, envs) => {
          const headers = [first, "Environment", ...rest];
          const rows = envs.map((e, i) => `| x${i} | ${e} |${rest.map(() => " v |").join("")}`);
          const text = `## ${section}\n\n| ${headers.join(" | ")} |\n|${headers.map(() => "---").join("|")}|\n${rows.join("\n")}\n`;
          const result = plan(text);
          expect(result.records.filter((r) => r.kind === "environment")).toEqual([]);
          expect(result.problems.filter((p) => /appears twice/.test(p.message))).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("a document with every cell filled", () => {
  // Tables of kinds whose every column can be filled with a valid value of its type.
  const values: Record<string, string> = {
    text: "value",
    longtext: "A description",
    hostname: "host.example.com",
    cidr: "10.1.0.0/16",
    "cidr-list": "10.1.0.0/16",
    ipv4: "198.51.100.9",
    integer: "2",
    number: "2",
    boolean: "Yes",
  };
  const fillable = tableSpecs.filter((t) => {
    if (t.kind === "decision" || !t.table) return false;
    const fields = specKinds[t.kind as SpecKind].fields;
    return t.columns.every((c) => {
      const field = fields.find((f) => f.name === c.field);
      return field && (values[field.type] !== undefined || (field.type === "enum" && field.options?.length));
    });
  });

  it("never yields a GAP-FIELD-EMPTY, whichever columns its tables have", () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...fillable)
          .chain((spec) =>
            fc.tuple(
              fc.constant(spec),
              fc.subarray(spec.columns.filter((c) => !c.required)),
              fc.integer({ min: 1, max: 4 }),
            ),
          ),
        ([spec, optional, count]) => {
          const fields = specKinds[spec.kind as SpecKind].fields;
          const columns = spec.columns.filter((c) => c.required || optional.includes(c));
          const cell = (field: string, row: number) => {
            const def = fields.find((f) => f.name === field)!;
            if (def.name === (specKinds[spec.kind as SpecKind] as { key?: string }).key) return `rec-${row}`;
            return def.type === "enum" ? def.options![0]!.label : values[def.type]!;
          };
          const rows = Array.from(
            { length: count },
            (_, r) => `| ${columns.map((c) => cell(c.field, r)).join(" | ")} |`,
          );
          const text = `## ${spec.sections[0]}\n\n| ${columns.map((c) => c.headers[0]).join(" | ")} |\n|${columns.map(() => "---").join("|")}|\n${rows.join("\n")}\n`;
          expect(fieldEmpty(entries(text))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
