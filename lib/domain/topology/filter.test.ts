import { describe, expect, it } from "vitest";
import { buildTopology } from "@/lib/domain/topology/build";
import { filterTopology, topologyFacets } from "@/lib/domain/topology/filter";
import { topologyFixture } from "@/lib/testing/topology";

const graph = buildTopology("platform", topologyFixture());
const ids = (g: { nodes: { id: string }[] }) => g.nodes.map((n) => n.id);

describe("filterTopology", () => {
  it("returns the graph unchanged without a filter", () => {
    expect(filterTopology(graph, {})).toBe(graph);
  });

  it("keeps one environment with the containers and systems it needs", () => {
    const prod = filterTopology(graph, { environment: "PROD" });
    expect(ids(prod)).toContain("application:app-orders:PROD");
    expect(ids(prod)).toContain("application:live:la-rogue");
    expect(ids(prod)).not.toContain("application:app-orders:DEV");
    expect(ids(prod)).not.toContain("environment:vpc:vpc-main:DEV");
    // The DR VPC holds no PROD environment.
    expect(ids(prod)).not.toContain("vpc:vpc-dr");
    expect(ids(prod)).not.toContain("region:eu-west-1");
    // Kept because something kept reaches them.
    expect(ids(prod)).toEqual(
      expect.arrayContaining(["control-plane", "region:eu-central-1", "system:sys-sap", "lane:systems"]),
    );
    for (const e of prod.edges) expect(ids(prod)).toEqual(expect.arrayContaining([e.source, e.target]));
  });

  it("keeps only nodes with findings and their containers", () => {
    const withFindings = filterTopology(graph, { withFindings: true });
    const leaves = withFindings.nodes.filter((n) => !n.container && n.kind !== "control-plane" && n.kind !== "system");
    expect(leaves.map((n) => n.id).sort()).toEqual(["application:app-orders:PROD", "application:live:la-rogue"]);
    // Containers with findings of their own stay, empty or not.
    expect(ids(withFindings)).toEqual(expect.arrayContaining(["vpc:vpc-dr", "vpc:vpc-main"]));
    expect(ids(withFindings)).not.toContain("load-balancer:dlb-ext");
  });

  it("filters applications by layer and business group", () => {
    const system = filterTopology(graph, { layer: "system" });
    expect(system.nodes.filter((n) => n.kind === "application").map((n) => n.id)).toEqual(["application:app-sap:PROD"]);
    expect(filterTopology(graph, { businessGroup: "Finance" }).nodes.filter((n) => n.kind === "application")).toEqual(
      [],
    );
    expect(
      filterTopology(graph, { businessGroup: "logistics" }).nodes.filter((n) => n.kind === "application"),
    ).toHaveLength(graph.nodes.filter((n) => n.kind === "application").length);
  });

  it("offers the business groups and environments the graph has", () => {
    expect(topologyFacets(graph)).toEqual({ businessGroups: ["Logistics"], environments: ["DEV", "DR", "PROD"] });
  });
});
