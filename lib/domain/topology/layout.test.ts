import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { buildTopology } from "@/lib/domain/topology/build";
import { absolutePositions, layoutTopology, toElkGraph, type TopologyLayout } from "@/lib/domain/topology/layout";
import type { TopologyGraph } from "@/lib/domain/topology/types";
import { syntheticEstate } from "@/lib/fixtures/synthetic/read";
import { topologyFixture } from "@/lib/testing/topology";

const elk = new ELK();
const graph = buildTopology("platform", topologyFixture());

/** Every child inside its container, no two siblings on top of each other. */
function expectTidy(g: TopologyGraph, layout: TopologyLayout) {
  const byParent = new Map<string | null, string[]>();
  for (const n of g.nodes) byParent.set(n.parent, [...(byParent.get(n.parent) ?? []), n.id]);
  for (const [parent, children] of byParent) {
    for (const id of children) {
      const p = layout.positions[id]!;
      const s = layout.sizes[id]!;
      if (parent) {
        const box = layout.sizes[parent]!;
        expect(p.x, `${id} inside ${parent}`).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.x + s.width, `${id} inside ${parent}`).toBeLessThanOrEqual(box.width + 0.5);
        expect(p.y + s.height, `${id} inside ${parent}`).toBeLessThanOrEqual(box.height + 0.5);
      }
    }
    for (let i = 0; i < children.length; i += 1)
      for (let j = i + 1; j < children.length; j += 1) {
        const [a, b] = [children[i]!, children[j]!];
        const [pa, pb, sa, sb] = [layout.positions[a]!, layout.positions[b]!, layout.sizes[a]!, layout.sizes[b]!];
        const apart =
          pa.x + sa.width <= pb.x || pb.x + sb.width <= pa.x || pa.y + sa.height <= pb.y || pb.y + sb.height <= pa.y;
        expect(apart, `${a} and ${b} overlap`).toBe(true);
      }
  }
}

describe("layoutTopology", () => {
  it("nests the layout, keeps children inside containers and siblings apart, the same every time", async () => {
    const layout = await layoutTopology(graph, {}, elk);
    expectTidy(graph, layout);
    expect(Object.keys(layout.positions).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(await layoutTopology(graph, {}, elk)).toEqual(layout);
  });

  it("puts the control plane above the regions and the backend systems below them", async () => {
    const layout = await layoutTopology(graph, {}, elk);
    const abs = absolutePositions(graph, layout);
    const regionTop = Math.min(abs["region:eu-central-1"]!.y, abs["region:eu-west-1"]!.y);
    expect(abs["control-plane"]!.y + layout.sizes["control-plane"]!.height).toBeLessThanOrEqual(regionTop);
    const regionBottom = Math.max(
      abs["region:eu-central-1"]!.y + layout.sizes["region:eu-central-1"]!.height,
      abs["region:eu-west-1"]!.y + layout.sizes["region:eu-west-1"]!.height,
    );
    expect(abs["lane:systems"]!.y).toBeGreaterThanOrEqual(regionBottom);
  });

  it("keeps a nudged node where it was put and moves the others out of its way", async () => {
    const before = await layoutTopology(graph, {}, elk);
    const [first, second] = ["application:app-orders:PROD", "application:live:la-rogue"];
    const parent = "environment:vpc:vpc-main:PROD";
    // Drop the first exactly on the second.
    const target = before.positions[second]!;
    const layout = await layoutTopology(graph, { [first]: { ...target, parent } }, elk);
    expect(layout.positions[first]).toEqual(target);
    expect(layout.positions[second]).not.toEqual(target);
    expectTidy(graph, layout);
  });

  it("survives model changes: a nudge for a node that moved or went away is ignored, new nodes go around", async () => {
    const pins = {
      "vpc:vpc-main": { x: 900, y: 600, parent: "region:eu-central-1" },
      "application:app-orders:PROD": { x: 10, y: 10, parent: "environment:vpc:vpc-other:PROD" },
      "application:gone:PROD": { x: 0, y: 0, parent: null },
    };
    const layout = await layoutTopology(graph, pins, elk);
    expect(layout.positions["vpc:vpc-main"]).toEqual({ x: 900, y: 600 });
    expect(layout.positions["application:app-orders:PROD"]).not.toEqual({ x: 10, y: 10 });
    expectTidy(graph, layout);
    // The region grew to hold the nudged VPC.
    expect(layout.sizes["region:eu-central-1"]!.width).toBeGreaterThanOrEqual(
      900 + layout.sizes["vpc:vpc-main"]!.width,
    );
  });

  it("gives ELK only edges between siblings, plus the layout-only ordering", () => {
    const elkGraph = toElkGraph(graph);
    const all: { id: string; sources: string[]; targets: string[] }[] = [];
    const walk = (n: { edges?: typeof all; children?: unknown[] }) => {
      all.push(...(n.edges ?? []));
      for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
    };
    walk(elkGraph);
    expect(all.some((e) => e.id === "vpn:vpc:vpc-main->vpn:vpn-dc")).toBe(true);
    expect(all.some((e) => e.id.startsWith("mapping:"))).toBe(false);
  });

  it("lays out every view of a 300-application estate", async () => {
    const { spec, live } = syntheticEstate(300, 3);
    for (const view of ["platform", "api-led", "dr"] as const) {
      const g = buildTopology(view, { spec, live, findings: [], controlPlane: "us" });
      const layout = await layoutTopology(g, {}, elk);
      expectTidy(g, layout);
      expect(layout.width).toBeGreaterThan(0);
    }
  }, 20_000);
});
