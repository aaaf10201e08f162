import type { CheckFinding } from "@/lib/domain/governance/check-report";
import type { Actor } from "@/lib/domain/access";

let sequence = 0;

/** A workspace's input with unique defaults; pass overrides for what the test cares about. */
export function buildWorkspaceInput(overrides: Partial<{ slug: string; name: string }> = {}) {
  sequence += 1;
  return { slug: `workspace-${sequence}`, name: `Workspace ${sequence}`, ...overrides };
}

/** An actor of a given role (viewer by default). */
export function buildActor(overrides: Partial<Actor> = {}): Actor {
  sequence += 1;
  return { kind: "user", id: `user-${sequence}`, name: `User ${sequence}`, role: "viewer", ...overrides };
}

/** A decision's input with a unique title and filled text; pass overrides for what the test cares about. */
export function buildDecisionInput(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    title: `Decision ${sequence}`,
    context: "Partners call our APIs over custom domains.",
    decision: "Use a dedicated load balancer per region.",
    rationale: "Custom domains and mutual TLS need a DLB.",
    implications: "Certificates are renewed yearly.",
    owner: "Archie Architect",
    ...overrides,
  };
}

/** A finding as `agp check` reports it; pass overrides for what the test cares about. */
export function buildCheckFinding(overrides: Partial<CheckFinding> = {}): CheckFinding {
  sequence += 1;
  return {
    ruleId: "NAME-CONVENTION",
    severity: "warning",
    category: "naming",
    resourceKind: "application",
    resourceName: `app-${sequence}`,
    environment: "PROD",
    message: `Application "app-${sequence}" breaks the convention`,
    remediation: "Rename it.",
    status: "open",
    fingerprint: `fp-${sequence}`,
    editUrl: null,
    ...overrides,
  };
}
