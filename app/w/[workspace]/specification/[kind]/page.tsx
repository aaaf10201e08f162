import Link from "next/link";
import { notFound } from "next/navigation";
import { notFoundOn404 } from "@/app/_lib/not-found-on-404";
import { requirePageContext } from "@/app/_lib/page-context";
import { ConventionTester } from "@/components/convention-tester";
import { PageHeader } from "@/components/page-header";
import { SpecSectionEditor } from "@/components/spec-section-editor";
import { can } from "@/lib/domain/access";
import { editPermissionFor, isSpecKind, specKinds } from "@/lib/domain/spec/kinds";
import { getReferenceOptions, listSpec } from "@/lib/services/spec";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  return { title: isSpecKind(kind) ? specKinds[kind].plural : "Specification" };
}

export default async function SpecSectionPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; kind: string }>;
  /** `?edit=<id>` opens that record's editor (the link a finding gives). */
  searchParams: Promise<{ edit?: string | string[] }>;
}) {
  const { workspace, kind } = await params;
  const { edit } = await searchParams;
  if (!isSpecKind(kind)) notFound();
  const ctx = await requirePageContext();
  const [records, options] = await Promise.all([
    notFoundOn404(listSpec(ctx, workspace, kind)),
    getReferenceOptions(ctx, workspace, kind),
  ]);
  const def = specKinds[kind];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/w/${workspace}/specification`} className="text-brand-700 underline">
          Specification
        </Link>{" "}
        / {def.plural}
      </p>
      <PageHeader title={def.plural} description={def.summary} />
      {kind === "naming-convention" ? (
        <ConventionTester
          conventions={records.map((r) => ({
            name: r.title,
            pattern: String(r.data.pattern ?? ""),
            maxLength: typeof r.data.maxLength === "number" ? r.data.maxLength : null,
          }))}
        />
      ) : null}
      <SpecSectionEditor
        workspace={workspace}
        kind={kind}
        label={def.label}
        fields={def.fields}
        initialRecords={JSON.parse(JSON.stringify(records))}
        options={options}
        canEdit={can(ctx.actor, editPermissionFor(kind))}
        openRecordId={typeof edit === "string" ? edit : undefined}
      />
    </>
  );
}
