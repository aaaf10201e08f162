// The findings page's filter and the query it sends, shared by the page (which reads the first
// page on the server) and its client (which reads the next ones), so that both ask the same.

/** The findings page's filters; "" is "any" (status "": open and waived). */
export type FindingFilter = {
  severity: string;
  category: string;
  status: string;
  environment: string;
  businessGroup: string;
  rule: string;
  q: string;
  offset: number;
};

/** Findings per page; the page reads its first page on the server with the same size. */
export const findingsPageSize = 50;

export const emptyFindingFilter: FindingFilter = {
  severity: "",
  category: "",
  status: "",
  environment: "",
  businessGroup: "",
  rule: "",
  q: "",
  offset: 0,
};

/** The findings list's query (as the REST API reads its query string) for a filter and page size. */
export function findingQuery(filter: FindingFilter, pageSize: number): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === "status" && value === "") query.status = ["open", "waived"];
    else if (value !== "" && !(key === "offset" && value === 0)) query[key] = String(value);
  }
  query.limit = String(pageSize);
  return query;
}

/** The findings list's query string for a filter and page size. */
export function findingSearchParams(filter: FindingFilter, pageSize: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(findingQuery(filter, pageSize)))
    for (const one of [value].flat()) params.append(key, one);
  return params;
}

/** Whether two filters ask for the same page. */
export function sameFindingFilter(a: FindingFilter, b: FindingFilter): boolean {
  return (Object.keys(emptyFindingFilter) as (keyof FindingFilter)[]).every((key) => a[key] === b[key]);
}
