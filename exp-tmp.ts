import { readSpecDocument } from "@/lib/domain/document/read-spec";
const text = "## 1. Ssl Endpoint And Dns Configuration\n\n| Public Endpoint DNS |\n|---|\n| aaa-aa |\n";
const d = readSpecDocument([{ name: "x.md", text }]);
console.log(JSON.stringify({ records: d.records.map(r => [r.kind, r.data]), gaps: d.gaps, problems: d.problems }, null, 1));
