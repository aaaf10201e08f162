// The sections of a workspace, as the navigation lists them: one page each under /w/<slug>.
// The specification's own chapters and kinds live in lib/domain/spec/kinds.ts; they are pages
// of the Specification section, not sections of their own.

/** The sections of a workspace, in navigation order; `segment` is the path under /w/<slug>. */
export const workspaceSections = [
  { id: "dashboard", segment: "", label: "Dashboard" },
  { id: "specification", segment: "specification", label: "Specification" },
  { id: "decisions", segment: "decisions", label: "Decisions" },
  { id: "topology", segment: "topology", label: "Topology" },
  { id: "findings", segment: "findings", label: "Findings" },
  { id: "live", segment: "live", label: "Live estate" },
  { id: "audit", segment: "audit", label: "Audit" },
  { id: "settings", segment: "settings", label: "Settings" },
] as const;

export type WorkspaceSection = (typeof workspaceSections)[number];
