import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchColumns, normaliseHeader, parseDocument, sectionName } from "@/lib/domain/document/markdown";

const document = `# 4 Platform Architecture and Setup

Intro text with **bold**.

## 4.1 Business Groups

| Business Group | Description |
| --- | --- |
| Northwind Freight | Master organisation |
| Logistics | Warehousing |

## 4.3 Virtual Private Cloud

| VPC name | Region | CIDR | Environments | Business Group |
|---|---|---|---|---|
| vpc-nwf-prod | eu-central-1 | 10.20.16.0/20 | PROD | Logistics |

VPC firewall rules

| Source CIDR Range | Destination Port Range | Scope |
|---|---|---|
| 10.0.0.0/8 | 8091-8092 | Internal |

### Notes

- TODO: confirm
- second point
`;

describe("parseDocument", () => {
  const sections = parseDocument(document);

  it("splits by headings with their level, numbering-free name and path", () => {
    expect(sections.map((s) => [s.level, s.name, s.path.length])).toEqual([
      [1, "Platform Architecture and Setup", 0],
      [2, "Business Groups", 1],
      [2, "Virtual Private Cloud", 1],
      [3, "Notes", 2],
    ]);
    expect(sections[0]!.text).toBe("Intro text with bold.");
  });

  it("reads tables with their headers, rows and the line above them", () => {
    const vpc = sections[2]!;
    expect(vpc.tables.map((t) => [t.headers[0], t.rows.length, t.caption])).toEqual([
      ["VPC name", 1, "4.3 Virtual Private Cloud"],
      ["Source CIDR Range", 1, "VPC firewall rules"],
    ]);
    expect(sections[1]!.tables[0]!.rows).toEqual([
      ["Northwind Freight", "Master organisation"],
      ["Logistics", "Warehousing"],
    ]);
  });

  it("gives each table the short lines above it back to the previous table, nearest first", () => {
    const [, routing] = parseDocument(`# Platform

## Routing (mapping) Rules

External DLB Mapping Rules

Add a row per API; keep the order.

- a list is not a caption

| Detail | Input path |
|---|---|
| 1 | /a |

Internal DLB Mapping Rules

A paragraph of two lines
is not a caption either.

| Detail | Input path |
|---|---|
| 1 | /b |
`);
    expect(routing!.tables.map((t) => [t.caption, t.captions])).toEqual([
      ["", ["Add a row per API; keep the order.", "External DLB Mapping Rules", "Routing (mapping) Rules"]],
      ["A paragraph of two lines\nis not a caption either.", ["Internal DLB Mapping Rules"]],
    ]);
  });

  it("reads list items", () => {
    expect(sections[3]!.items).toEqual(["TODO: confirm", "second point"]);
  });

  it("never throws on random input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expect(Array.isArray(parseDocument(text))).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom("# ", "## x", "| a | b |", "|---|---|", "| 1 |", "- item", "\n", "text", "<div>", "```"),
          {
            maxLength: 40,
          },
        ),
        (parts) => {
          expect(() => parseDocument(parts.join("\n"))).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("headers and names", () => {
  it("strips numbering from section titles", () => {
    expect(sectionName("4.3.1 Virtual Private Cloud")).toBe("Virtual Private Cloud");
    expect(sectionName("Chapter 2: Architecture Decisions")).toBe("Architecture Decisions");
    expect(sectionName("2) Decisions")).toBe("Decisions");
  });

  it("normalises header cells", () => {
    expect(normaliseHeader(" High Availability? ")).toBe("high availability");
    expect(normaliseHeader("Classification (vCore)")).toBe("classification vcore");
  });

  it("matches columns by tolerant header text, or refuses a table missing a required one", () => {
    const [, , vpc] = parseDocument(document);
    const columns = [
      { field: "name", headers: ["Name", "VPC name"], required: true },
      { field: "cidr", headers: ["CIDR", "CIDR block"], required: true },
      { field: "environments", headers: ["Environments"] },
      { field: "owner", headers: ["Owner"] },
    ];
    expect(matchColumns(vpc!.tables[0]!, columns)).toEqual({ name: 0, cidr: 2, environments: 3 });
    expect(matchColumns(vpc!.tables[1]!, columns)).toBeNull();
  });
});
