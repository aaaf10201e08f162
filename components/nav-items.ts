import { workspaceSections } from "@/lib/domain/workspace-sections";

/** The sections of a workspace, in navigation order; `segment` is the path under /w/<slug>. */
export const navItems = workspaceSections.map(({ segment, label }) => ({ segment, label }));

/** Remembers the last workspace a browser used, so that / opens it again. */
export const WORKSPACE_COOKIE = "agp-workspace";

/** The URL of a section of a workspace. */
export function workspaceHref(slug: string, segment: string): string {
  return segment ? `/w/${encodeURIComponent(slug)}/${segment}` : `/w/${encodeURIComponent(slug)}`;
}
