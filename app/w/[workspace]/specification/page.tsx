import Link from "next/link";
import { notFoundOn404 } from "@/app/_lib/not-found-on-404";
import { requirePageContext } from "@/app/_lib/page-context";
import { CompletenessBar } from "@/components/completeness-bar";
import { PageHeader } from "@/components/page-header";
import { getSpecOverview } from "@/lib/services/spec";

export const metadata = { title: "Specification" };

export default async function SpecificationPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const overview = await notFoundOn404(getSpecOverview(await requirePageContext(), workspace));
  const { totals } = overview;
  return (
    <>
      <PageHeader
        title="Specification"
        description={`The architecture of ${overview.workspace.name}, as planned: ${totals.records} records, ${Math.round(totals.ratio * 100)}% of the tracked fields filled in with real values.`}
      />
      <nav aria-label="Specification document" className="-mt-3 mb-6 flex flex-wrap gap-4 text-sm">
        <Link href={`/w/${workspace}/specification/import`} className="text-brand-700 underline">
          Import a document
        </Link>
        {(
          [
            ["md", "Export Markdown"],
            ["html", "Print view"],
            ["pdf", "Export PDF"],
            ["docx", "Export Word (.docx)"],
            ["json", "Backup (JSON)"],
          ] as const
        ).map(([format, label]) => (
          // Plain links: the browser downloads or opens what the API answers.
          <a
            key={format}
            href={`/api/v1/workspaces/${encodeURIComponent(workspace)}/export?format=${format}`}
            className="text-brand-700 underline"
            {...(format === "html" ? { target: "_blank", rel: "noopener" } : { download: "" })}
          >
            {label}
          </a>
        ))}
      </nav>
      <div className="space-y-6">
        {overview.chapters.map((chapter) => (
          <section
            key={chapter.id}
            aria-labelledby={`chapter-${chapter.id}`}
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 id={`chapter-${chapter.id}`} className="mb-2 text-lg font-semibold">
              {chapter.title}
            </h2>
            <table className="w-full table-fixed text-left text-sm">
              <colgroup>
                <col className="w-[38%]" />
                <col className="w-[11%]" />
                <col className="w-[19%]" />
                <col />
              </colgroup>
              <thead className="sr-only">
                <tr>
                  <th scope="col">Section</th>
                  <th scope="col">Records</th>
                  <th scope="col">Completeness</th>
                  <th scope="col">Missing</th>
                </tr>
              </thead>
              <tbody>
                {chapter.sections.map((section) => (
                  <tr key={section.kind} className="border-t border-slate-100">
                    <td className="py-2 pr-3">
                      <Link
                        href={`/w/${workspace}/specification/${section.kind}`}
                        className="font-medium text-brand-700 underline"
                      >
                        {section.label}
                      </Link>
                      <p className="text-xs text-slate-600">{section.summary}</p>
                    </td>
                    <td className="py-2 pr-3 tabular-nums">{section.records} records</td>
                    <td className="py-2 pr-3">
                      <CompletenessBar ratio={section.ratio} label={`${section.label} completeness`} />
                    </td>
                    <td className="py-2 text-xs text-slate-700">
                      {section.records === 0
                        ? "empty"
                        : section.missing.length === 0
                          ? "complete"
                          : describeMissing(section.missing, section.notRecorded)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </>
  );
}

/** What is left in a section: the open cells with an example, and apart, what no document recorded. */
function describeMissing(missing: { record: string; field: string; reason: string }[], notRecorded: number): string {
  const open = missing.filter((m) => m.reason !== "not yet recorded");
  const parts = [
    open.length ? `${open.length} to finish, e.g. ${open[0]!.record}: ${open[0]!.field} (${open[0]!.reason})` : "",
    notRecorded ? `${notRecorded} not yet recorded (the document has no column for them)` : "",
  ];
  return parts.filter(Boolean).join("; ");
}
