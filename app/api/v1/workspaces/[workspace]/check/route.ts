import { apiRoute, negotiateFormat, readQueryChoice, respondWithDocument } from "@/app/api/v1/handler";
import { checkFails, failOnSchema, formatJunit, formatSarif } from "@/lib/domain/governance/check-report";
import { agpVersion } from "@/lib/domain/version";
import { checkWorkspace } from "@/lib/services/check";
import type { ServiceContext } from "@/lib/services/context";
import { listRules } from "@/lib/services/governance/evaluation";

export const dynamic = "force-dynamic";

type Params = { workspace: string };

/** The Accept headers that ask for SARIF or JUnit XML rather than JSON. */
const accepted = { sarif: /application\/sarif\+json/, junit: /application\/junit\+xml|\b(application|text)\/xml\b/ };

async function answer(ctx: ServiceContext, request: Request, workspace: string, evaluate: boolean) {
  const format = negotiateFormat(request, ["json", "sarif", "junit"], "json", accepted);
  const failOn = readQueryChoice(request, "failOn", failOnSchema.options, "error");
  const params = new URL(request.url).searchParams;
  const report = await checkWorkspace(ctx, workspace, {
    category: params.getAll("category"),
    environment: params.getAll("environment"),
    include: params.getAll("include"),
    evaluate,
  });
  // Pipelines without jq can branch on this header.
  const headers = { "X-AGP-Check-Result": checkFails(report, failOn) ? "fail" : "pass" };
  if (format === "json") return Response.json(report, { headers });
  const body =
    format === "sarif"
      ? JSON.stringify(
          formatSarif(report, listRules(), {
            toolVersion: agpVersion,
            informationUri: new URL("/api/docs", request.url).toString(),
            artifact: params.get("artifact") ?? undefined,
          }),
          null,
          2,
        )
      : formatJunit(report, listRules(), failOn);
  return respondWithDocument(body, { type: format, headers });
}

/**
 * The findings of the latest evaluation, as a pipeline reads them (no rule runs; viewers may):
 * `?category=&environment=` (repeatable), `&include=completeness` (the fields no document asked for yet), `&format=json|sarif|junit` or `Accept:
 * application/sarif+json`, `&failOn=error|warning|never` for the X-AGP-Check-Result header.
 */
export const GET = apiRoute<Params>(async (ctx, request, { workspace }) => answer(ctx, request, workspace, false));

/** Runs the rules now (delivery leads and above), then answers as GET does. */
export const POST = apiRoute<Params>(async (ctx, request, { workspace }) => answer(ctx, request, workspace, true));
