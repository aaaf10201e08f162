import { describe, expect, it } from "vitest";
import { openRemoteBackend } from "@/lib/cli/remote";
import type { CheckReport } from "@/lib/domain/governance/check-report";
import { buildCheckFinding } from "@/lib/testing/factories";

describe("agp check through --server", () => {
  const report: CheckReport = {
    workspace: "acme",
    rulesetVersion: "test",
    evaluatedAt: null,
    summary: { error: 0, warning: 2, info: 0, waived: 0 },
    readiness: [],
    findings: [
      buildCheckFinding({ editUrl: "/w/acme/specification/vpc?edit=0b7c5f0e-1b2a-4c3d-8e9f-0a1b2c3d4e5f" }),
      buildCheckFinding({ editUrl: null }),
    ],
  };
  const answering = (asked: string[]) =>
    (async (url: URL | RequestInfo) => {
      asked.push(String(url));
      return Response.json(report);
    }) as typeof fetch;

  it("gives each finding's editor as an address of the portal, under the path it is served from", async () => {
    const asked: string[] = [];
    const backend = openRemoteBackend("https://agp.example.com/portal", "agp_secret", answering(asked));
    const answered = await backend.check("acme", { category: [], environment: [], include: [], evaluate: false });
    expect(asked).toEqual(["https://agp.example.com/portal/api/v1/workspaces/acme/check"]);
    expect(answered.findings.map((f) => f.editUrl)).toEqual([
      "https://agp.example.com/portal/w/acme/specification/vpc?edit=0b7c5f0e-1b2a-4c3d-8e9f-0a1b2c3d4e5f",
      null,
    ]);
  });
});
