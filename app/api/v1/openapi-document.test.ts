import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/app/api/v1/openapi-document";

type Op = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<string, unknown>;
  "x-agp-roles": string[];
};

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument("https://agp.example.com") as { paths: Record<string, Record<string, Op>> };

  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(doc)) as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("declares every path parameter and takes request bodies from the services' zod schemas", () => {
    for (const [path, methods] of Object.entries(doc.paths))
      for (const op of Object.values(methods)) {
        const declared = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
        expect(declared).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
        expect(op["x-agp-roles"].length).toBeGreaterThan(0);
      }
    const token = doc.paths["/api/v1/tokens"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(Object.keys(token.properties ?? {})).toEqual(["name", "role", "expiresInDays"]);
    const check = doc.paths["/api/v1/workspaces/{workspace}/check"]!.get!;
    expect(check.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(["workspace", "category", "environment", "format", "failOn"]),
    );
    const findings = doc.paths["/api/v1/workspaces/{workspace}/findings"]!.get!;
    expect(findings.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(["limit", "cursor"]));
  });
});
