type Doc = {
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<
    string,
    Record<
      string,
      {
        tags: string[];
        summary: string;
        description: string;
        operationId: string;
        parameters?: { name: string; in: string; description?: string; schema: unknown }[];
        requestBody?: { content: Record<string, { schema: unknown }> };
        responses: Record<string, { description: string; content?: Record<string, { schema?: unknown }> }>;
      }
    >
  >;
};

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const code = (value: unknown) => `<pre>${escape(JSON.stringify(value, null, 2))}</pre>`;

/**
 * The API reference for people: every operation by tag with its roles, parameters, request and
 * response schemas, as one HTML page with no script that loads nothing.
 */
export function renderApiReference(document: Record<string, unknown>): string {
  const doc = document as unknown as Doc;
  const sections = doc.tags.map(({ name }) => {
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.tags.includes(name))
        .map(([method, op]) => ({ path, method, op })),
    );
    const items = ops.map(({ path, method, op }) => {
      const params = op.parameters?.length
        ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Meaning</th></tr></thead><tbody>${op.parameters
            .map(
              (p) =>
                `<tr><td><code>${escape(p.name)}</code></td><td>${p.in}</td><td>${escape(p.description ?? "")}</td></tr>`,
            )
            .join("")}</tbody></table>`
        : "";
      const body = op.requestBody
        ? `<details><summary>Request body</summary>${code(op.requestBody.content["application/json"]?.schema)}</details>`
        : "";
      const answers = Object.entries(op.responses)
        .map(([status, r]) => `<li><b>${status}</b> ${escape(r.description)}</li>`)
        .join("");
      const success = Object.values(op.responses)[0]?.content?.["application/json"]?.schema;
      return `<section class="op" id="${op.operationId}">
  <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
  <p>${escape(op.summary)}</p>
  ${op.description
    .split("\n\n")
    .map((p) => `<p class="note">${escape(p)}</p>`)
    .join("")}
  ${params}${body}
  ${success && JSON.stringify(success) !== '{"type":"object"}' ? `<details><summary>Response</summary>${code(success)}</details>` : ""}
  <ul class="answers">${answers}</ul>
</section>`;
    });
    return `<h2 id="${escape(name)}">${escape(name)}</h2>\n${items.join("\n")}`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(doc.info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#0f172a;background:#f8fafc}
header{background:#062a4f;color:#fff;padding:16px 32px} header a{color:#d9eaff}
main{max-width:1000px;margin:0 auto;padding:16px 32px}
nav a{margin-right:12px}
.op{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:8px 16px;margin:12px 0}
.op h3{font-size:15px;margin:8px 0}
.method{display:inline-block;min-width:56px;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 6px}
.get{background:#0b5cad}.post{background:#15803d}.put,.patch{background:#b45309}.delete{background:#b91c1c}
.note{color:#475569;margin:4px 0}
pre{background:#0f172a;color:#e2e8f0;padding:8px;border-radius:6px;overflow:auto;font-size:12px}
table{border-collapse:collapse;font-size:13px} td,th{border-bottom:1px solid #e2e8f0;padding:2px 8px;text-align:left}
.answers{font-size:13px;color:#334155}
</style></head>
<body><header><h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1>
<p>${escape(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1)</p></header>
<main><nav aria-label="Tags">${doc.tags.map((t) => `<a href="#${escape(t.name)}">${escape(t.name)}</a>`).join("")}</nav>
${sections.join("\n")}
</main></body></html>`;
}
