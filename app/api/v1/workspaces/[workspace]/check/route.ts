import { apiRoute } from "@/app/api/v1/handler";
import { checkFails, failOnSchema, formatJunit, formatSarif } from "@/lib/domain/governance/check-report";
import { agpVersion } from "@/lib/domain/version";
import { checkWorkspace } from "@/lib/services/check";
import { ServiceError } from "@/lib/services/errors";
import { listRules } from "@/lib/services/governance";

export const dynamic = "force-dynamic";

type Params = { workspace: string };

/** `?format=` wins, then the Accept header: SARIF, JUnit XML or JSON. */
function formatOf(request: Request, params: URLSearchParams): "json" | "sarif" | "junit" {
  const asked = params.get("format");
  if (asked) {
    if (asked === "json" || asked === "sarif" || asked === "junit") return asked;
    throw new ServiceError(400, "invalid_input", "format must be json, sarif or junit", {
      fields: [{ field: "format", message: "must be json, sarif or junit" }],
    });
  }
  const accept = request.headers.get("accept") ?? "";
  if (accept.includes("application/sarif+json")) return "sarif";
  if (accept.includes("application/junit+xml") || /\b(application|text)\/xml\b/.test(accept)) return "junit";
  return "json";
}

async function answer(
  request: Request,
  workspace: string,
  ctx: Parameters<typeof checkWorkspace>[0],
  evaluate: boolean,
) {
  const params = new URL(request.url).searchParams;
  const format = formatOf(request, params);
  const failOn = failOnSchema.safeParse(params.get("failOn") ?? "error");
  if (!failOn.success)
    throw new ServiceError(400, "invalid_input", "failOn must be error, warning or never", {
      fields: [{ field: "failOn", message: "must be error, warning or never" }],
    });
  const report = await checkWorkspace(ctx, workspace, {
    category: params.getAll("category"),
    environment: params.getAll("environment"),
    evaluate,
  });
  // Pipelines without jq can branch on this header.
  const headers = { "X-AGP-Check-Result": checkFails(report, failOn.data) ? "fail" : "pass" };
  if (format === "sarif")
    return new Response(
      JSON.stringify(
        formatSarif(report, listRules(), {
          toolVersion: agpVersion,
          informationUri: new URL("/api/docs", request.url).toString(),
          artifact: params.get("artifact") ?? undefined,
        }),
        null,
        2,
      ),
      { headers: { ...headers, "Content-Type": "application/sarif+json; charset=utf-8" } },
    );
  if (format === "junit")
    return new Response(formatJunit(report, listRules(), failOn.data), {
      headers: { ...headers, "Content-Type": "application/xml; charset=utf-8" },
    });
  return Response.json(report, { headers });
}

/**
 * The findings of the latest evaluation, as a pipeline reads them (no rule runs; viewers may):
 * `?category=&environment=` (repeatable), `&format=json|sarif|junit` or `Accept:
 * application/sarif+json`, `&failOn=error|warning|never` for the X-AGP-Check-Result header.
 */
export const GET = apiRoute<Params>(async (ctx, request, { workspace }) => answer(request, workspace, ctx, false));

/** Runs the rules now (delivery leads and above), then answers as GET does. */
export const POST = apiRoute<Params>(async (ctx, request, { workspace }) => answer(request, workspace, ctx, true));
