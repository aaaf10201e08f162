import { describe, expect, it } from "vitest";
import { BACKUP_FORMAT, BACKUP_VERSION, remapBackup, workspaceBackupSchema } from "@/lib/domain/document/backup";

const at = "2026-11-21T12:00:00.000Z";
const backup = (records: unknown[], decisions: unknown[] = []) =>
  workspaceBackupSchema.parse({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: at,
    workspace: { name: "W", slug: "w", requiredApprovals: 1 },
    records,
    decisions,
    waivers: [],
  });
const record = (id: string, kind: string, data: Record<string, unknown>) => ({
  id,
  kind,
  title: String(data.name),
  data,
  createdAt: at,
  updatedAt: at,
});
const decision = (sequence: number, extra: Record<string, unknown> = {}) => ({
  sequence,
  title: `Decision ${sequence}`,
  status: "draft",
  context: "",
  decision: "",
  rationale: "",
  implications: "",
  owner: "",
  createdById: "u",
  createdAt: at,
  revisions: [],
  reviews: [],
  links: [],
  governs: [],
  ...extra,
});

describe("remapBackup", () => {
  it("gives records new ids and rewrites references and governed records to match", () => {
    let n = 0;
    const newId = () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, "0")}`;
    const result = remapBackup(
      backup(
        [
          record("old-env", "environment", { name: "PROD", classification: "production" }),
          record("old-vpc", "vpc", { name: "v", region: "eu-west-1", cidr: "10.0.0.0/16", environments: ["old-env"] }),
        ],
        [decision(1, { governs: ["old-vpc"] })],
      ),
      newId,
    );
    expect(result.problems).toEqual([]);
    const [env, vpc] = result.records;
    expect(env!.id).toBe("00000000-0000-4000-8000-000000000001");
    expect(vpc!.data.environments).toEqual([env!.id]);
    expect(result.decisions[0]!.governs).toEqual([vpc!.id]);
  });

  it("names each problem by its path: dangling references, invalid data, links to missing decisions", () => {
    const result = remapBackup(
      backup(
        [record("a", "vpc", { name: "v", region: "mars-1", cidr: "10.0.0.0/16", environments: ["nowhere"] })],
        [decision(1, { links: [{ kind: "supersedes", to: 7 }], governs: ["gone"] })],
      ),
      () => "00000000-0000-4000-8000-000000000001",
    );
    expect(result.problems.map((p) => p.field)).toEqual([
      "records[0].data.environments",
      "records[0].data.region",
      "decisions[0].links[0].to",
      "decisions[0].governs[0]",
    ]);
  });

  it("refuses what is not a backup of this format", () => {
    const parsed = workspaceBackupSchema.safeParse({ format: "something-else", version: 1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toContain("is not a workspace backup");
  });

  it("restores remembered names onto the records' new ids, and names one whose record is missing", () => {
    const aliases = [
      { kind: "vpc", alias: "prod vpc", recordId: "a", actorName: "Ada", createdAt: at },
      { kind: "vpc", alias: "old vpc", recordId: "gone", actorName: "Ada", createdAt: at },
    ];
    const parsed = workspaceBackupSchema.parse({
      ...backup([record("a", "vpc", { name: "vpc-prod", region: "eu-west-1", cidr: "10.0.0.0/16" })]),
      referenceAliases: aliases,
    });
    let n = 0;
    const { records, referenceAliases, problems } = remapBackup(parsed, () => `new-${(n += 1)}`);
    expect(referenceAliases.map((a) => [a.alias, a.recordId])).toEqual([["prod vpc", records[0]!.id]]);
    expect(problems).toEqual([
      { field: "referenceAliases[1].recordId", message: "refers to gone, which is not in the backup" },
    ]);
    // A backup from before names were remembered still reads.
    expect(backup([]).referenceAliases).toEqual([]);
  });
});
