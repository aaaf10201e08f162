/** The sections of a workspace, in navigation order; `segment` is the path under /w/<slug>. */
export const navItems = [
  { segment: "", label: "Dashboard" },
  { segment: "specification", label: "Specification" },
  { segment: "decisions", label: "Decisions" },
  { segment: "topology", label: "Topology" },
  { segment: "findings", label: "Findings" },
  { segment: "live", label: "Live estate" },
  { segment: "audit", label: "Audit" },
  { segment: "settings", label: "Settings" },
] as const;

/** Remembers the last workspace a browser used, so that / opens it again. */
export const WORKSPACE_COOKIE = "agp-workspace";

/** The URL of a section of a workspace. */
export function workspaceHref(slug: string, segment: string): string {
  return segment ? `/w/${encodeURIComponent(slug)}/${segment}` : `/w/${encodeURIComponent(slug)}`;
}
