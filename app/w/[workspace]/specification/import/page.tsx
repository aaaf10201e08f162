import Link from "next/link";
import { notFoundOn404 } from "@/app/_lib/not-found-on-404";
import { requirePageContext } from "@/app/_lib/page-context";
import { DocumentImport } from "@/components/document-import";
import { PageHeader } from "@/components/page-header";
import { can } from "@/lib/domain/access";
import { listDocumentImports } from "@/lib/services/documents/import";

export const metadata = { title: "Import a specification document" };

export default async function ImportPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const ctx = await requirePageContext();
  const imports = await notFoundOn404(listDocumentImports(ctx, workspace));
  const sum = (counts: unknown) => Object.values(counts as Record<string, number>).reduce((a, b) => a + b, 0);
  return (
    <>
      <PageHeader
        title="Import a specification document"
        description={
          <>
            Turns a filled-in (or half-filled) architecture specification into the{" "}
            <Link className="text-brand-700 underline" href={`/w/${workspace}/specification`}>
              specification
            </Link>
            : records by name, every gap with its place. Importing the same document again changes nothing.
          </>
        }
      />
      {can(ctx.actor, "spec:edit") ? (
        <DocumentImport workspace={workspace} />
      ) : (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-sm">
          Your role can read this workspace but not import into it; ask an architect.
        </p>
      )}
      <section aria-labelledby="past-imports" className="mt-8">
        <h2 id="past-imports" className="text-lg font-semibold">
          Past imports
        </h2>
        {imports.length === 0 ? (
          <p className="text-sm text-slate-600">No document imported into this workspace yet.</p>
        ) : (
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-3">
                  When
                </th>
                <th scope="col" className="py-1 pr-3">
                  By
                </th>
                <th scope="col" className="py-1 pr-3">
                  Files
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Created
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Updated
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Gaps (open)
                </th>
                <th scope="col" className="py-1 text-right">
                  Skipped parts
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.map((run) => (
                <tr key={run.id} className="border-b border-slate-100">
                  <td className="py-1 pr-3">{run.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC</td>
                  <td className="py-1 pr-3">{run.actorName}</td>
                  <td className="py-1 pr-3">{(run.files as { name: string }[]).map((f) => f.name).join(", ")}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{sum(run.created)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{sum(run.updated)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">
                    {run.gaps} ({run.openGaps.length})
                  </td>
                  <td className="py-1 text-right tabular-nums">{run.problems.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
