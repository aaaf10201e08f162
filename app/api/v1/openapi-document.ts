// The REST API described as OpenAPI 3.1, built from the same zod schemas the services validate
// with, so the document cannot promise a field the API refuses. Every route file's every method
// must appear here (checked by the authorization matrix test, which also checks the roles).
import { z } from "zod";
import { roleSchema, type Role } from "@/lib/domain/access";
import { apiTokenSchema } from "@/lib/domain/api-token";
import { decisionDetailSchema, decisionSummarySchema } from "@/lib/domain/decisions/stored";
import { findingsPageSchema, waiverRecordSchema } from "@/lib/domain/governance/records";
import { connectionViewSchema } from "@/lib/domain/live/connection";
import { liveResourcesPageSchema, storedLiveResourceSchema } from "@/lib/domain/live/snapshot";
import { syncRunSchema } from "@/lib/domain/live/sync-run";
import { specRecordViewSchema } from "@/lib/domain/spec/record";
import { workspaceSchema } from "@/lib/domain/workspace";
import { checkReportSchema, failOnSchema } from "@/lib/domain/governance/check-report";
import { categorySchema } from "@/lib/domain/governance/types";
import { specKindIds } from "@/lib/domain/spec/kinds";
import { topologyViewSchema } from "@/lib/domain/topology/types";
import { agpVersion } from "@/lib/domain/version";
import { auditQuerySchema } from "@/lib/services/audit";
import { checkInputSchema } from "@/lib/services/check";
import { acceptLiveInputSchema, acceptLiveResultSchema } from "@/lib/services/governance/accept-live";
import { decisionQuerySchema } from "@/lib/services/decisions/read";
import { decisionReviewSchema, reviewRequestSchema } from "@/lib/services/decisions/reviews";
import { decisionTransitionSchema } from "@/lib/services/decisions/transition";
import { decisionCreateSchema, decisionUpdateSchema } from "@/lib/services/decisions/write";
import { workspaceRestoreSchema } from "@/lib/services/documents/backup";
import { importOptionsSchema } from "@/lib/services/documents/import";
import { findingQuerySchema } from "@/lib/services/governance/findings";
import { waiverDecisionSchema, waiverRequestSchema } from "@/lib/services/governance/waivers";
import { connectionSchema } from "@/lib/services/live/connection";
import { liveResourceQuerySchema } from "@/lib/services/live/resources";
import { syncOptionsSchema } from "@/lib/services/live/syncs";
import { roleMappingUpdateSchema } from "@/lib/services/role-mapping";
import { specRecordUpdateSchema } from "@/lib/services/spec";
import { createApiTokenSchema } from "@/lib/services/tokens";
import { nudgeSchema } from "@/lib/services/topology";
import { jsonUploadSchema } from "@/lib/services/upload";
import { slugSchema, workspaceNameSchema, workspaceUpdateSchema } from "@/lib/services/workspaces";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Who may call an operation: everyone signed in, delivery leads and above, architects and above, administrators. */
export type Audience = "everyone" | "leads" | "architects" | "admins";

const audienceRoles: Record<Audience, readonly Role[]> = {
  everyone: roleSchema.options,
  leads: ["delivery_lead", "architect", "admin"],
  architects: ["architect", "admin"],
  admins: ["admin"],
};

type Operation = {
  method: Method;
  path: string;
  tag: string;
  audience: Audience;
  summary: string;
  description?: string;
  /** Tokens may not call it: only signed-in people. */
  usersOnly?: boolean;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body may also be multipart form data (document uploads). */
  multipart?: boolean;
  success: number;
  response?: z.ZodType;
  /** Media types the success answer may come in besides JSON. */
  produces?: string[];
};

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;

/**
 * The JSON schema of an answer: the shape as it is sent (dates as ISO strings), fields beyond it
 * allowed (a client must not break when a field is added).
 */
export const responseJsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "output",
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === "date") Object.assign(jsonSchema, { type: "string", format: "date-time" });
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  }) as Record<string, unknown>;

const workspaceCreateSchema = z.union([
  z.object({ name: workspaceNameSchema, slug: slugSchema.optional() }),
  workspaceRestoreSchema,
]);

const exportQuery = z.object({
  format: z
    .enum(["md", "html", "pdf", "docx", "json"])
    .default("md")
    .meta({ description: "md, html (print view), pdf, docx (Word), json (backup)" }),
});
const checkQuery = checkInputSchema.omit({ evaluate: true }).extend({
  category: z.array(categorySchema).optional(),
  format: z.enum(["json", "sarif", "junit"]).optional().meta({ description: "Or Accept: application/sarif+json" }),
  failOn: failOnSchema.optional().meta({ description: "Sets the X-AGP-Check-Result header: pass or fail" }),
  artifact: z.string().optional().meta({ description: "SARIF: a repository file to anchor results to" }),
});
const diffQuery = z.object({ from: z.coerce.number().int(), to: z.coerce.number().int() });
const limitQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
const specRecordCreateSchema = z
  .record(z.string(), z.unknown())
  .meta({ description: "The record's fields; which ones depends on the kind (GET /spec lists the kinds)" });

// What the routes answer: the domain's shapes of each concept (decision 0015), dates as ISO strings.
const items = (item: z.ZodType) => z.object({ items: z.array(item) });
// A record just created or saved comes without the decisions that govern it.
const specRecordView = specRecordViewSchema.partial({ governedBy: true });
// Attributes are any JSON (a recursive schema would need a $ref the document cannot resolve).
const liveResourcesPage = liveResourcesPageSchema.extend({
  items: z.array(storedLiveResourceSchema.extend({ attributes: z.record(z.string(), z.unknown()) })),
});

const ws = "/api/v1/workspaces/{workspace}";

const operations: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/me",
    tag: "Access",
    audience: "everyone",
    summary: "Who is calling: kind, name, role",
    success: 200,
  },
  {
    method: "GET",
    path: "/api/v1/tokens",
    tag: "Access",
    audience: "admins",
    usersOnly: true,
    summary: "API tokens (never their secrets)",
    response: items(apiTokenSchema),
    success: 200,
  },
  {
    method: "POST",
    path: "/api/v1/tokens",
    tag: "Access",
    audience: "admins",
    usersOnly: true,
    summary: "Create an API token; its secret is answered this once",
    body: createApiTokenSchema,
    success: 201,
  },
  {
    method: "DELETE",
    path: "/api/v1/tokens/{id}",
    tag: "Access",
    audience: "admins",
    usersOnly: true,
    summary: "Revoke an API token",
    success: 200,
  },
  {
    method: "GET",
    path: "/api/v1/settings/role-mapping",
    tag: "Access",
    audience: "admins",
    summary: "Okta groups per role",
    success: 200,
  },
  {
    method: "PUT",
    path: "/api/v1/settings/role-mapping",
    tag: "Access",
    audience: "admins",
    summary: "Change the Okta groups per role",
    body: roleMappingUpdateSchema,
    success: 200,
  },
  {
    method: "GET",
    path: "/api/v1/rules",
    tag: "Governance",
    audience: "everyone",
    summary: "The governance rules: id, title, category, severity, rationale, remediation",
    success: 200,
  },

  {
    method: "GET",
    path: "/api/v1/workspaces",
    tag: "Workspaces",
    audience: "everyone",
    summary: "The workspaces",
    response: items(workspaceSchema),
    success: 200,
  },
  {
    method: "POST",
    path: "/api/v1/workspaces",
    tag: "Workspaces",
    audience: "admins",
    summary: "Create a workspace, or restore one from a JSON backup ({ backup })",
    body: workspaceCreateSchema,
    success: 201,
  },
  {
    method: "GET",
    path: ws,
    tag: "Workspaces",
    audience: "everyone",
    summary: "A workspace",
    response: workspaceSchema,
    success: 200,
  },
  {
    method: "PATCH",
    path: ws,
    tag: "Workspaces",
    audience: "admins",
    summary: "Rename a workspace or change the approvals decisions need",
    body: workspaceUpdateSchema,
    success: 200,
  },
  {
    method: "GET",
    path: `${ws}/audit`,
    tag: "Workspaces",
    audience: "everyone",
    summary: "The audit trail, newest first (cursor paging)",
    query: auditQuerySchema,
    success: 200,
  },

  {
    method: "GET",
    path: `${ws}/spec`,
    tag: "Specification",
    audience: "everyone",
    summary: "Overview: every kind with its count and completeness",
    success: 200,
  },
  {
    method: "GET",
    path: `${ws}/spec/{kind}`,
    tag: "Specification",
    audience: "everyone",
    summary: "The records of one kind",
    response: items(specRecordView),
    success: 200,
  },
  {
    method: "POST",
    path: `${ws}/spec/{kind}`,
    tag: "Specification",
    audience: "architects",
    summary: "Create a record",
    body: specRecordCreateSchema,
    response: specRecordView,
    success: 201,
  },
  {
    method: "GET",
    path: `${ws}/spec/{kind}/{id}`,
    tag: "Specification",
    audience: "everyone",
    summary: "A record with its references",
    response: specRecordView,
    success: 200,
  },
  {
    method: "PUT",
    path: `${ws}/spec/{kind}/{id}`,
    tag: "Specification",
    audience: "architects",
    summary: "Replace a record (409 with the current one when it changed since version)",
    body: specRecordUpdateSchema,
    response: specRecordView,
    success: 200,
  },
  {
    method: "DELETE",
    path: `${ws}/spec/{kind}/{id}`,
    tag: "Specification",
    audience: "architects",
    summary: "Delete a record (?version=)",
    success: 204,
  },

  {
    method: "GET",
    path: `${ws}/imports`,
    tag: "Documents",
    audience: "everyone",
    summary: "Past imports with their gaps and problems",
    success: 200,
  },
  {
    method: "POST",
    path: `${ws}/imports`,
    tag: "Documents",
    audience: "architects",
    summary: "Import a specification document (Markdown, chapters, zip) in one transaction",
    body: jsonUploadSchema.extend(importOptionsSchema.shape),
    multipart: true,
    success: 201,
  },
  {
    method: "POST",
    path: `${ws}/imports/preview`,
    tag: "Documents",
    audience: "architects",
    summary: "What an import would create, update and leave; writes nothing",
    body: jsonUploadSchema.extend(importOptionsSchema.shape),
    multipart: true,
    success: 200,
  },
  {
    method: "GET",
    path: `${ws}/export`,
    tag: "Documents",
    audience: "everyone",
    summary: "The specification as Markdown, print HTML, PDF, Word or a JSON backup",
    query: exportQuery,
    success: 200,
    produces: [
      "text/markdown",
      "text/html",
      "application/pdf",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
  },

  {
    method: "GET",
    path: `${ws}/decisions`,
    tag: "Decisions",
    audience: "everyone",
    summary: "Decision records, filtered",
    query: decisionQuerySchema,
    response: items(decisionSummarySchema),
    success: 200,
  },
  {
    method: "POST",
    path: `${ws}/decisions`,
    tag: "Decisions",
    audience: "architects",
    summary: "Draft a decision (numbered D01, D02 …)",
    body: decisionCreateSchema,
    response: decisionDetailSchema,
    success: 201,
  },
  {
    method: "GET",
    path: `${ws}/decisions/options`,
    tag: "Decisions",
    audience: "everyone",
    summary: "What the decision editor offers: reviewers, records to govern",
    success: 200,
  },
  {
    method: "GET",
    path: `${ws}/decisions/export`,
    tag: "Decisions",
    audience: "everyone",
    summary: "Every decision as the template's table",
    success: 200,
    produces: ["text/markdown"],
  },
  {
    method: "GET",
    path: `${ws}/decisions/{decision}`,
    tag: "Decisions",
    audience: "everyone",
    summary: "A decision with its links, reviews and revisions",
    response: decisionDetailSchema,
    success: 200,
  },
  {
    method: "PUT",
    path: `${ws}/decisions/{decision}`,
    tag: "Decisions",
    audience: "architects",
    summary: "Change a decision's text (accepted text is immutable)",
    body: decisionUpdateSchema,
    response: decisionDetailSchema,
    success: 200,
  },
  {
    method: "POST",
    path: `${ws}/decisions/{decision}/transitions`,
    tag: "Decisions",
    audience: "architects",
    summary: "Move a decision through its lifecycle",
    body: decisionTransitionSchema,
    success: 200,
  },
  {
    method: "POST",
    path: `${ws}/decisions/{decision}/review-requests`,
    tag: "Decisions",
    audience: "architects",
    summary: "Ask people to review",
    body: reviewRequestSchema,
    success: 200,
  },
  {
    method: "POST",
    path: `${ws}/decisions/{decision}/reviews`,
    tag: "Decisions",
    audience: "leads",
    summary: "Approve or request changes",
    body: decisionReviewSchema,
    success: 200,
  },
  {
    method: "GET",
    path: `${ws}/decisions/{decision}/diff`,
    tag: "Decisions",
    audience: "everyone",
    summary: "Word diff between two revisions",
    query: diffQuery,
    success: 200,
  },
  {
    method: "GET",
    path: `${ws}/decisions/{decision}/export`,
    tag: "Decisions",
    audience: "everyone",
    summary: "The decision as MADR Markdown",
    success: 200,
    produces: ["text/markdown"],
  },

  {
    method: "GET",
    path: `${ws}/connection`,
    tag: "Live estate",
    audience: "admins",
    summary: 'The Anypoint connection (the secret only as "set")',
    response: z.object({ connection: connectionViewSchema.nullable() }),
    success: 200,
  },
  {
    method: "PUT",
    path: `${ws}/connection`,
    tag: "Live estate",
    audience: "admins",
    summary: "Create or replace the Anypoint connection (secret encrypted at rest)",
    body: connectionSchema,
    response: connectionViewSchema,
    success: 200,
  },
  {
    method: "DELETE",
    path: `${ws}/connection`,
    tag: "Live estate",
    audience: "admins",
    summary: "Remove the Anypoint connection",
    success: 204,
  },
  {
    method: "POST",
    path: `${ws}/connection/test`,
    tag: "Live estate",
    audience: "admins",
    summary: "What the connected app can read",
    success: 200,
  },
  {
    method: "GET",
    path: `${ws}/syncs`,
    tag: "Live estate",
    audience: "everyone",
    summary: "The latest syncs",
    query: limitQuery,
    response: items(syncRunSchema),
    success: 200,
  },
  {
    method: "POST",
    path: `${ws}/syncs`,
    tag: "Live estate",
    audience: "architects",
    summary: "Start a sync; poll GET /syncs/{sync} for its progress",
    body: syncOptionsSchema,
    response: syncRunSchema,
    success: 202,
  },
  {
    method: "GET",
    path: `${ws}/syncs/{sync}`,
    tag: "Live estate",
    audience: "everyone",
    summary: "A sync: status, progress per kind, counts, requests, error",
    response: syncRunSchema,
    success: 200,
  },
  {
    method: "POST",
    path: `${ws}/syncs/{sync}/cancel`,
    tag: "Live estate",
    audience: "architects",
    summary: "Cancel a running sync (nothing of it is applied)",
    response: syncRunSchema,
    success: 200,
  },
  {
    method: "POST",
    path: `${ws}/syncs/{sync}/confirm`,
    tag: "Live estate",
    audience: "admins",
    summary: "Apply a sync held for removing too much",
    response: syncRunSchema,
    success: 200,
  },
  {
    method: "POST",
    path: `${ws}/syncs/{sync}/discard`,
    tag: "Live estate",
    audience: "admins",
    summary: "Discard a held sync",
    response: syncRunSchema,
    success: 200,
  },
  {
    method: "GET",
    path: `${ws}/live`,
    tag: "Live estate",
    audience: "everyone",
    summary: "The current snapshot: when, counts per kind",
    success: 200,
  },
  {
    method: "GET",
    path: `${ws}/live/resources`,
    tag: "Live estate",
    audience: "everyone",
    summary: "Resources of the current snapshot (limit/cursor paging)",
    query: liveResourceQuerySchema,
    response: liveResourcesPage,
    success: 200,
  },

  {
    method: "GET",
    path: `${ws}/findings`,
    tag: "Governance",
    audience: "everyone",
    summary: "Findings, most severe first (limit/cursor paging)",
    query: findingQuerySchema,
    response: findingsPageSchema,
    success: 200,
  },
  {
    method: "GET",
    path: `${ws}/governance`,
    tag: "Governance",
    audience: "everyone",
    summary: "The dashboard: readiness, trend, top blockers, waivers",
    success: 200,
  },
  {
    method: "GET",
    path: `${ws}/evaluations`,
    tag: "Governance",
    audience: "everyone",
    summary: "The latest evaluation runs",
    success: 200,
  },
  {
    method: "POST",
    path: `${ws}/evaluations`,
    tag: "Governance",
    audience: "leads",
    summary: "Run the rules now",
    success: 201,
  },
  {
    method: "GET",
    path: `${ws}/check`,
    tag: "Pipelines",
    audience: "everyone",
    summary: "The latest evaluation's findings, as agp check reports them",
    description:
      "JSON by default; SARIF 2.1.0 with format=sarif or Accept: application/sarif+json; JUnit XML with format=junit.",
    query: checkQuery,
    success: 200,
    response: checkReportSchema,
    produces: ["application/sarif+json", "application/xml"],
  },
  {
    method: "POST",
    path: `${ws}/check`,
    tag: "Pipelines",
    audience: "leads",
    summary: "Run the rules now, then answer as GET does",
    query: checkQuery,
    success: 200,
    response: checkReportSchema,
    produces: ["application/sarif+json", "application/xml"],
  },
  {
    method: "POST",
    path: `${ws}/findings/accept-live`,
    tag: "Governance",
    audience: "architects",
    summary: "Accept live as plan: the records of drift findings of values take the live values (all or none)",
    body: acceptLiveInputSchema,
    response: acceptLiveResultSchema,
    success: 200,
  },
  {
    method: "GET",
    path: `${ws}/waivers`,
    tag: "Governance",
    audience: "everyone",
    summary: "Waivers",
    response: items(waiverRecordSchema),
    success: 200,
  },
  {
    method: "POST",
    path: `${ws}/waivers`,
    tag: "Governance",
    audience: "leads",
    summary: "Request a waiver (reason and expiry mandatory)",
    body: waiverRequestSchema,
    response: waiverRecordSchema,
    success: 201,
  },
  {
    method: "POST",
    path: `${ws}/waivers/{waiver}/decision`,
    tag: "Governance",
    audience: "architects",
    summary: "Approve or reject a waiver (not your own)",
    body: waiverDecisionSchema,
    response: waiverRecordSchema,
    success: 200,
  },

  {
    method: "GET",
    path: `${ws}/topology/{view}`,
    tag: "Topology",
    audience: "everyone",
    summary: "A diagram: graph, live overlay, findings, nudges",
    success: 200,
  },
  {
    method: "PATCH",
    path: `${ws}/topology/{view}/layout`,
    tag: "Topology",
    audience: "architects",
    summary: "Keep nodes where they were dragged (merged key by key)",
    body: nudgeSchema,
    success: 200,
  },
  {
    method: "DELETE",
    path: `${ws}/topology/{view}/layout`,
    tag: "Topology",
    audience: "architects",
    summary: "Forget the nudges of a view",
    success: 200,
  },
];

/** The route key the authorization matrix uses: "GET /api/v1/workspaces/[workspace]/check". */
export const routeKeyOf = (op: { method: string; path: string }) =>
  `${op.method} ${op.path.replace(/\{(\w+)\}/g, "[$1]")}`;

/** Each operation's route key and the roles it documents, for the consistency test. */
export function documentedOperations(): {
  key: string;
  roles: readonly Role[];
  usersOnly: boolean;
  success: number;
  /** The JSON schema of the success answer, where one is documented. */
  response?: Record<string, unknown>;
}[] {
  return operations.map((op) => ({
    key: routeKeyOf(op),
    roles: audienceRoles[op.audience],
    usersOnly: !!op.usersOnly,
    success: op.success,
    ...(op.response ? { response: responseJsonSchema(op.response) } : {}),
  }));
}

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "Stable, e.g. invalid_input, forbidden, conflict" },
        message: { type: "string", description: "What went wrong and what to do, for people" },
        fields: {
          type: "array",
          description: "Which fields are wrong and why (invalid_input)",
          items: {
            type: "object",
            required: ["field", "message"],
            properties: { field: { type: "string" }, message: { type: "string" } },
          },
        },
        details: { description: "More, by code: the current record on a conflict, the report of a refused import" },
      },
    },
  },
};

const pathParameter = (name: string) => {
  const described: Record<string, { description: string; schema: Record<string, unknown> }> = {
    workspace: { description: "The workspace's slug", schema: { type: "string" } },
    kind: { description: "A specification kind", schema: { type: "string", enum: specKindIds } },
    view: { description: "A diagram", schema: jsonSchema(topologyViewSchema) },
    decision: { description: "A decision's number, e.g. D05", schema: { type: "string", pattern: "^D\\d+$" } },
  };
  return {
    name,
    in: "path",
    required: true,
    ...(described[name] ?? { description: `The ${name}'s id`, schema: { type: "string" } }),
  };
};

/** The OpenAPI 3.1 document of /api/v1, for `server` (the portal's public URL). */
export function buildOpenApiDocument(server: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => pathParameter(m[1]!)),
      ...Object.entries(op.query?.shape ?? {}).map(([name, field]) => {
        const schema = jsonSchema(field as z.ZodType);
        return {
          name,
          in: "query",
          required: false,
          ...(schema.type === "array" ? { style: "form", explode: true } : {}),
          ...(typeof schema.description === "string" ? { description: schema.description } : {}),
          schema,
        };
      }),
    ];
    const content = (schema: Record<string, unknown>) => ({
      "application/json": { schema },
      ...(op.multipart
        ? {
            "multipart/form-data": {
              schema: {
                type: "object",
                properties: {
                  files: { type: "array", items: { type: "string", contentMediaType: "application/octet-stream" } },
                  onProblems: { type: "string", enum: ["skip", "abort"] },
                },
              },
            },
          }
        : {}),
    });
    const errors = {
      "400": { description: "Bad input: the fields and why", content: { "application/json": { schema: errorSchema } } },
      "401": {
        description: "No valid credentials (a Bearer token or a session)",
        content: { "application/json": { schema: errorSchema } },
      },
      "403": { description: "The role does not allow it", content: { "application/json": { schema: errorSchema } } },
      "404": { description: "No such workspace or record", content: { "application/json": { schema: errorSchema } } },
      ...(op.method === "GET"
        ? {}
        : {
            "409": {
              description: "Changed meanwhile, or not possible now (the reason)",
              content: { "application/json": { schema: errorSchema } },
            },
          }),
    };
    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      operationId: `${op.method.toLowerCase()}${op.path
        .replace(/^\/api\/v1/, "")
        .split("/")
        .filter(Boolean)
        .map((part) => part.replace(/[{}]/g, "").replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()))
        .join("")}`,
      tags: [op.tag],
      summary: op.summary,
      description: [
        op.description,
        `Roles: ${audienceRoles[op.audience].join(", ")}${op.usersOnly ? " (signed-in people only, not API tokens)" : ""}.`,
      ]
        .filter(Boolean)
        .join("\n\n"),
      "x-agp-roles": audienceRoles[op.audience],
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: content(jsonSchema(op.body)) } } : {}),
      responses: {
        [String(op.success)]: {
          description: op.success === 204 ? "Done; no body" : op.success === 202 ? "Started" : "OK",
          ...(op.success === 204
            ? {}
            : {
                content: {
                  "application/json": { schema: op.response ? responseJsonSchema(op.response) : { type: "object" } },
                  ...Object.fromEntries((op.produces ?? []).map((type) => [type, {}])),
                },
              }),
        },
        ...errors,
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Anypoint Governance Portal API",
      version: agpVersion,
      description:
        "Everything the portal's pages do, for pipelines and tools. Authenticate with `Authorization: Bearer agp_…` (an API token an administrator creates in Settings). Errors are `{ error: { code, message, fields? } }`; list endpoints page with `limit` and `cursor` (the previous page's `nextCursor`). The `agp` command line uses this API with --server and --token.",
    },
    servers: [{ url: server }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token: agp_…" } },
      schemas: { Error: errorSchema, CheckReport: jsonSchema(checkReportSchema) },
    },
    tags: [
      "Pipelines",
      "Workspaces",
      "Specification",
      "Documents",
      "Decisions",
      "Live estate",
      "Governance",
      "Topology",
      "Access",
    ].map((name) => ({ name })),
    paths,
  };
}
