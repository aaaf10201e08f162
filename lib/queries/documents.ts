import { useMutation } from "@tanstack/react-query";
import type { ImportReport } from "@/lib/domain/document/report";
import { apiFetch } from "@/lib/queries/api-client";

export type { ImportReport };

export type ImportRequest = {
  files: File[];
  onProblems: "skip" | "abort";
  includeOffered: boolean;
  expect?: string;
  /** What names the document writes mean, chosen in the preview. */
  resolutions?: { kind: string; written: string; target: string }[];
  /** Whether two close names of different tables are one thing, answered in the preview. */
  sameThings?: { kind: string; names: [string, string]; same: boolean }[];
};

const formOf = (request: ImportRequest) => {
  const form = new FormData();
  for (const file of request.files) form.append("files", file, file.name);
  form.set("onProblems", request.onProblems);
  form.set("includeOffered", String(request.includeOffered));
  if (request.expect) form.set("expect", request.expect);
  if (request.resolutions?.length) form.set("resolutions", JSON.stringify(request.resolutions));
  if (request.sameThings?.length) form.set("sameThings", JSON.stringify(request.sameThings));
  return form;
};

/** Preview and apply of a document import. */
export function useDocumentImport(workspace: string) {
  const base = `/workspaces/${encodeURIComponent(workspace)}/imports`;
  return {
    preview: useMutation({
      mutationFn: (request: ImportRequest) =>
        apiFetch<ImportReport>(`${base}/preview`, { method: "POST", body: formOf(request) }),
    }),
    apply: useMutation({
      mutationFn: (request: ImportRequest) => apiFetch<ImportReport>(base, { method: "POST", body: formOf(request) }),
    }),
  };
}
