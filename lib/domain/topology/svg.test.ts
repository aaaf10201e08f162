import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { buildTopology } from "@/lib/domain/topology/build";
import { layoutTopology } from "@/lib/domain/topology/layout";
import { renderTopologySvg } from "@/lib/domain/topology/svg";
import { topologyFixture } from "@/lib/testing/topology";

describe("renderTopologySvg", () => {
  it("draws every node of the whole diagram with its label, dashes the planned-only ones, escapes text", async () => {
    const fixture = topologyFixture();
    fixture.spec.find((e) => e.id === "sys-sap")!.title = "SAP <S/4> & co";
    const graph = buildTopology("platform", fixture);
    const layout = await layoutTopology(graph, {}, new ELK());
    const svg = renderTopologySvg(graph, layout, "Northwind & partners");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const label of [
      "vpc-main",
      "vpc-dr",
      "dlb-ext",
      "nwf-prc-orders-api-v1",
      "rogue-app",
      "Corporate data centre",
    ])
      expect(svg).toContain(label);
    expect(svg).toContain("SAP &lt;S/4&gt; &amp; co");
    expect(svg).toContain("Northwind &amp; partners");
    expect(svg).not.toContain("<S/4>");
    // One group per node, the planned-only DR VPC dashed.
    expect(svg.match(/<g data-id=/g)).toHaveLength(graph.nodes.length);
    const dr = svg.slice(svg.indexOf('data-id="vpc:vpc-dr"'));
    expect(dr.slice(0, dr.indexOf("</g>"))).toContain('stroke-dasharray="6 4"');
    // The canvas holds the whole layout.
    const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
    expect(Number(width)).toBeGreaterThanOrEqual(layout.width);
    expect(Number(height)).toBeGreaterThanOrEqual(layout.height);
    expect(renderTopologySvg(graph, layout, "Northwind & partners")).toBe(svg);
  });
});
