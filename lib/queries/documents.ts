import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/queries/api-client";

type Place = { file: string; line: number; section: string };

/** What an import will do or did, as the API returns it. */
export type ImportReport = {
  workspace: string;
  files: { name: string; bytes: number }[];
  digest: string;
  applied: boolean;
  importId: string | null;
  created: Record<string, number>;
  updated: Record<string, number>;
  unchanged: number;
  records: {
    action: "create" | "update" | "unchanged";
    kind: string;
    title: string;
    offered: boolean;
    changes: { field: string; label: string; from: string; to: string }[];
    place: Place;
  }[];
  decisions: { action: string; number: string; title: string; status: string; changes: string[] }[];
  skipped: { kind: string; title: string; place: Place }[];
  gaps: {
    place: Place;
    kind: string;
    record: string;
    field: string | null;
    value: string;
    reason: string;
    kept: boolean;
  }[];
  problems: { place: Place; message: string }[];
  offered: { title: string; pattern: string; included: boolean }[];
};

export type ImportRequest = {
  files: File[];
  onProblems: "skip" | "abort";
  includeOffered: boolean;
  expect?: string;
};

const formOf = (request: ImportRequest) => {
  const form = new FormData();
  for (const file of request.files) form.append("files", file, file.name);
  form.set("onProblems", request.onProblems);
  form.set("includeOffered", String(request.includeOffered));
  if (request.expect) form.set("expect", request.expect);
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
