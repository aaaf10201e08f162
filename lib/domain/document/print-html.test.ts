import { describe, expect, it } from "vitest";
import { renderPlatformSvg } from "@/lib/domain/document/platform-svg";
import { renderSpecHtml } from "@/lib/domain/document/print-html";
import type { WritableRecord } from "@/lib/domain/document/write-spec";

const records: WritableRecord[] = [
  { id: "e", kind: "environment", title: "PROD", data: { name: "PROD", classification: "production" } },
  {
    id: "v",
    kind: "vpc",
    title: "vpc-<prod>",
    data: { name: "vpc-<prod>", region: "eu-west-1", cidr: "10.0.0.0/16", environments: ["e"] },
  },
  { id: "l", kind: "load-balancer", title: "dlb-ext", data: { name: "dlb-ext", vpc: "v", role: "external" } },
  { id: "n", kind: "vpn", title: "vpn-dc", data: { name: "vpn-dc", vpc: "v" } },
  { id: "a", kind: "application", title: "orders-api", data: { name: "orders-api", environments: ["e"] } },
];

describe("renderPlatformSvg", () => {
  it("draws the VPC with its CIDR, load balancer, applications per environment and VPN, escaping text", () => {
    const svg = renderPlatformSvg(records);
    expect(svg).toContain("vpc-&lt;prod&gt;");
    expect(svg).toContain("10.0.0.0/16 · PROD");
    expect(svg).toContain("DLB dlb-ext (external)");
    expect(svg).toContain("PROD: 1 application");
    expect(svg).toContain("VPN vpn-dc");
    expect(renderPlatformSvg(records)).toBe(svg);
  });
});

describe("renderSpecHtml", () => {
  const html = renderSpecHtml({
    workspaceName: "Acme <EU>",
    markdown:
      "# Acme: Integration Architecture Specification\n\n<!-- generated -->\n\n# 4. Platform Architecture and Setup\n\n## 4.1 VPCs\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n",
    svg: "<svg><title>d</title></svg>",
    readiness: [
      { scope: "environment", name: "PROD", score: 40, level: "not-ready", errors: 2, warnings: 1, waived: 0 },
    ],
    annex: {
      drift: [
        {
          ruleId: "DRIFT-X",
          severity: "error",
          category: "drift",
          resourceKind: "vpc",
          resourceName: "v",
          environment: null,
          message: "a <b> c",
        },
      ],
      open: [],
      totalOpen: 3,
      lastSyncAt: null,
    },
    generatedAt: new Date("2026-11-21T12:00:00Z"),
  });

  it("has a title page, contents with every chapter, readiness and the annex", () => {
    expect(html).toContain("<title>Acme &lt;EU&gt;: Integration Architecture Specification</title>");
    expect(html).toMatch(/<li class="level-1"><a href="#h-1">4\. Platform Architecture and Setup<\/a><\/li>/);
    expect(html).toContain('<td class="level-not-ready">Not ready</td>');
    expect(html).toContain("a &lt;b&gt; c");
  });

  it("puts the diagram under the platform chapter and runs no script", () => {
    expect(html).toMatch(/Platform Architecture and Setup<\/h1>\s*<figure id="platform-diagram"><svg>/);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("javascript:");
  });
});
