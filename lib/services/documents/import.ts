import { createHash, randomUUID } from "node:crypto";
import { unzipSync } from "fflate";
import { z } from "zod";
import { isUniqueViolation } from "@/lib/db/decision-repository";
import { ImportConflict, listDecisionsForImport, listImports, writeImport } from "@/lib/db/import-repository";
import { listSpecRecords } from "@/lib/db/spec-repository";
import { countPlan, planImport, type ExistingRecord, type ImportPlan } from "@/lib/domain/document/plan";
import type { ImportReport } from "@/lib/domain/document/report";
import type { MergedRecord } from "@/lib/domain/document/draft";
import { mergedKinds } from "@/lib/domain/document/merge-records";
import {
  readSpecDocument,
  type DocumentFile,
  type ImportGap,
  type ImportProblem,
} from "@/lib/domain/document/read-spec";
import { recordKey, specKindIds, type SpecKind } from "@/lib/domain/spec/kinds";
import { listReferenceAliases } from "@/lib/db/reference-alias-repository";
import type { ServiceContext } from "@/lib/services/context";
import { ServiceError } from "@/lib/services/errors";
import { scheduleEvaluation } from "@/lib/services/governance/evaluation";
import { authorizeWorkspace, requirePermission } from "@/lib/services/guard";
import { invalidInput, parseInput } from "@/lib/services/validation";
import { linksOf } from "@/lib/services/spec";
import { docxToMarkdown } from "@/lib/services/documents/word";
import { htmlToMarkdown } from "@/lib/domain/document/html";

export type { ImportReport };

/** A file as it arrives: its name and bytes. */
export type UploadedFile = { name: string; bytes: Uint8Array };

/** The most a document (all its files together) may weigh; a 50 MB upload is refused before reading. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** What the zips of one upload may unpack to, all together (nested ones and Word files included). */
export const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024;
/** Entries the zips of one upload may hold, all together: a Confluence space export has a few hundred. */
export const MAX_ZIP_ENTRIES = 2_000;
const MAX_FILES = 200;

export const importOptionsSchema = z.object({
  /** skip: import the rest and report what could not be read; abort: write nothing when anything could not. */
  onProblems: z.enum(["skip", "abort"], { error: "onProblems must be skip or abort" }).default("skip"),
  includeOffered: z.boolean({ error: "includeOffered must be true or false" }).default(false),
  /** The digest of the preview the user reviewed: applying refuses when the plan is no longer the same. */
  expect: z.string().max(128).optional(),
  /** What names the document writes mean ("vpc01-nonprod-eu-frankfurt" is vpc01-nonprod-de-c1); remembered on apply. */
  resolutions: z
    .array(
      z.object({
        kind: z.enum(specKindIds as [SpecKind, ...SpecKind[]], { error: "kind must be a kind of record" }),
        written: z.string().trim().min(1, { error: "written is empty" }).max(200),
        target: z.string().trim().min(1, { error: "target is empty" }).max(200),
      }),
      { error: "resolutions must be a list of { kind, written, target }" },
    )
    .max(500, { error: "at most 500 resolutions at once" })
    .default([]),
  /** Answers to the preview's questions: are two close names of different tables one thing? Remembered on apply. */
  sameThings: z
    .array(
      z.object({
        kind: z.enum(specKindIds as [SpecKind, ...SpecKind[]], { error: "kind must be a kind of record" }),
        names: z.tuple([z.string().trim().min(1).max(200), z.string().trim().min(1).max(200)], {
          error: "names must be two names",
        }),
        same: z.boolean({ error: "same must be true or false" }),
      }),
      { error: "sameThings must be a list of { kind, names: [a, b], same }" },
    )
    .max(500, { error: "at most 500 answers at once" })
    .default([]),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

const textExtensions = /\.(md|markdown|mdown|txt)$/i;
const htmlExtensions = /\.(html?|xhtml|xml)$/i;
const wordExtension = /\.docx$/i;
const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);
const isZip = (bytes: Uint8Array) => startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);
const decoder = new TextDecoder("utf-8", { fatal: true });
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
const accepted = "Markdown (.md), Word (.docx), or a Confluence page's HTML export or storage format (.html, .xml)";

/** A text file's content as UTF-8 (a byte order mark and Windows line ends dropped), or why not. */
function decodeText(bytes: Uint8Array): { text: string } | { problem: string } {
  if (bytes.includes(0)) return { problem: "is a binary file, not a text document" };
  try {
    return {
      text: decoder
        .decode(bytes)
        .replace(/^\uFEFF/, "")
        .replace(/\r\n?/g, "\n"),
    };
  } catch {
    return { problem: "is not UTF-8 text; save it as UTF-8" };
  }
}

/** One file of the upload as the importer's Markdown, or why it cannot be read. */
async function readDocument(name: string, bytes: Uint8Array): Promise<{ text: string } | { problem: string }> {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46))
    return { problem: `is a PDF; import the specification as ${accepted}` };
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0))
    return { problem: "is a Word 97-2003 document (.doc); save it as a Word document (.docx) and import that" };
  if (wordExtension.test(name) || isZip(bytes)) {
    try {
      return { text: await docxToMarkdown(bytes) };
    } catch {
      return { problem: "is not a readable Word document (.docx)" };
    }
  }
  if (htmlExtensions.test(name)) {
    const read = decodeText(bytes);
    return "text" in read ? { text: htmlToMarkdown(read.text) } : read;
  }
  if (!textExtensions.test(name) && !/^[^.]+$/.test(name))
    return { problem: bytes.includes(0) ? `is a binary file; import ${accepted}` : `is not ${accepted}` };
  const read = decodeText(bytes);
  if ("problem" in read) return { problem: read.problem.replace("text document", "Markdown text document") };
  // A Markdown-named file that is HTML (a page saved from the browser) reads as the HTML it is.
  return /^\s*(<!doctype html|<html[\s>])/i.test(read.text) ? { text: htmlToMarkdown(read.text) } : read;
}

/** The files of a zip that are documents: a Word file is itself a zip (its parts are not documents). */
function documentEntries(entries: Record<string, Uint8Array>): [string, Uint8Array][] {
  const names = Object.keys(entries).filter(
    (n) =>
      (textExtensions.test(n) || htmlExtensions.test(n) || wordExtension.test(n)) &&
      // A Confluence space export's attachments and styles, and its page index.
      !/(^|\/)(attachments|images|styles)\//i.test(n),
  );
  const pages = names.filter((n) => /\.html?$/i.test(n));
  const index = pages.length > 1 ? new Set(pages.filter((n) => /(^|\/)index\.html?$/i.test(n))) : new Set();
  return names.filter((n) => !index.has(n)).map((n) => [n, entries[n]!]);
}

/** Why a zip entry's name is refused (it would name a file outside the archive), or null. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes("\\")) return "has a backslash (zip entries use /)";
  if (/[\x00-\x1f]/.test(name)) return "has a control character";
  if (name.startsWith("/") || /^[a-z]:/i.test(name)) return "is an absolute path";
  if (name.split("/").includes("..")) return "climbs out of the archive (..)";
  return null;
}

class ZipRefusal extends Error {}

type ZipBudget = { entries: number; bytes: number };

/** A zip's entries (directories and macOS metadata left out), counted against the upload's budget, or why not. */
function unpack(bytes: Uint8Array, budget: ZipBudget): { entries: Record<string, Uint8Array> } | { problem: string } {
  try {
    const entries = unzipSync(bytes, {
      filter: (entry) => {
        budget.entries += 1;
        if (budget.entries > MAX_ZIP_ENTRIES) {
          throw new ZipRefusal(`holds more than ${MAX_ZIP_ENTRIES.toLocaleString("en")} entries; not read`);
        }
        const unsafe = unsafeEntryName(entry.name);
        if (unsafe) throw new ZipRefusal(`holds an entry "${entry.name}" whose name ${unsafe}; not read`);
        // The sizes the archive declares bound what fflate inflates: a lying header cannot exceed them.
        budget.bytes += entry.originalSize;
        if (budget.bytes > MAX_UNZIPPED_BYTES) {
          throw new ZipRefusal(`unpacks to more than ${size(MAX_UNZIPPED_BYTES)}; not read`);
        }
        return !entry.name.endsWith("/") && !entry.name.startsWith("__MACOSX/");
      },
    });
    return { entries };
  } catch (error) {
    return { problem: error instanceof ZipRefusal ? error.message : "is not a readable zip archive" };
  }
}

/**
 * Turns an upload (Markdown, Word or Confluence files, or a zip of them) into the document's files
 * in name order, as the Markdown the reader takes, with a problem for each file that is not a
 * document. Refuses, before reading, an upload larger than the limit; a zip that unpacks to more
 * than it should, holds too many entries, names one outside itself or nests zips deeper than one
 * level is reported as a problem of that file, naming the reason.
 */
export async function readUploads(
  files: readonly UploadedFile[],
): Promise<{ files: DocumentFile[]; problems: ImportProblem[] }> {
  const total = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (files.length === 0) throw invalidInput([{ field: "files", message: "choose a document to import" }]);
  if (total > MAX_DOCUMENT_BYTES)
    throw new ServiceError(
      413,
      "document_too_large",
      `The document is ${size(total)}; a specification document is at most ${size(MAX_DOCUMENT_BYTES)} (import its chapters separately, or remove embedded images).`,
    );
  const documents: DocumentFile[] = [];
  const problems: ImportProblem[] = [];
  const problem = (file: string, message: string) =>
    problems.push({ place: { file, line: 0, section: "" }, message: `${file} ${message}` });
  const add = async (name: string, bytes: Uint8Array) => {
    const read = await readDocument(name, bytes);
    if ("text" in read) documents.push({ name, text: read.text });
    else problem(name, read.problem);
  };
  const budget: ZipBudget = { entries: 0, bytes: 0 };
  // depth: 0 for an uploaded file, 1 inside its zip; a zip is read at most one level inside another.
  const readArchive = async (name: string, bytes: Uint8Array, depth: number): Promise<void> => {
    const read = unpack(bytes, budget);
    if ("problem" in read) return void problem(name, read.problem);
    if ("word/document.xml" in read.entries) return add(wordExtension.test(name) ? name : `${name}.docx`, bytes);
    const inside = documentEntries(read.entries);
    const archives = Object.keys(read.entries).filter((n) => /\.zip$/i.test(n) && isZip(read.entries[n]!));
    if (!inside.length && !archives.length) problem(name, `holds no document (${accepted})`);
    const within = (entry: string) => (depth === 0 ? entry : `${name}/${entry}`);
    // A Word file is a zip too: its parts count against the same budget before it is read.
    for (const [entry, content] of inside) {
      await (isZip(content) ? readArchive(within(entry), content, depth + 1) : add(within(entry), content));
    }
    for (const entry of archives) {
      if (depth >= 1)
        problem(within(entry), "is a zip inside a zip inside a zip; not read (one zip inside another at most)");
      else await readArchive(within(entry), read.entries[entry]!, depth + 1);
    }
  };
  for (const file of files) {
    await (isZip(file.bytes) ? readArchive(file.name, file.bytes, 0) : add(file.name, file.bytes));
  }
  if (documents.length > MAX_FILES)
    throw invalidInput([{ field: "files", message: `${documents.length} files; import at most ${MAX_FILES} at once` }]);
  if (documents.length === 0)
    throw invalidInput([{ field: "files", message: problems.map((p) => p.message).join("; ") || "no document found" }]);
  documents.sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
  return { files: documents, problems };
}

async function planFor(ctx: ServiceContext, workspaceId: string, files: DocumentFile[], options: ImportOptions) {
  const [records, decisions, remembered] = await Promise.all([
    listSpecRecords(ctx.db.prisma, workspaceId),
    listDecisionsForImport(ctx.db.prisma, workspaceId),
    listReferenceAliases(ctx.db.prisma, workspaceId),
  ]);
  const existing: ExistingRecord[] = records.map((r) => ({ ...r, kind: r.kind as SpecKind }));
  // This preview's choices come first: they may correct a name remembered earlier.
  const said = options.resolutions.map((r) => ({ kind: r.kind, alias: r.written, target: r.target }));
  // A name remembered for a record of a merged kind is that record: its row merges without asking.
  const titleOf = new Map(existing.map((r) => [r.id, r.title]));
  const rememberedSame = remembered.flatMap((a) =>
    mergedKinds.includes(a.kind) && titleOf.has(a.target)
      ? [{ kind: a.kind, names: [a.alias, titleOf.get(a.target)!] as const, same: true }]
      : [],
  );
  const draft = readSpecDocument(files, { answers: [...options.sameThings, ...rememberedSame] });
  const plan = planImport(draft, existing, decisions, {
    includeOffered: options.includeOffered,
    newId: randomUUID,
    aliases: [...said, ...remembered],
  });
  // Each choice must name a record of its kind, in the document or the workspace.
  const idOf = (kind: SpecKind, target: string) =>
    existing.find((r) => r.kind === kind && (r.id === target || r.title.toLowerCase() === target.toLowerCase()))?.id ??
    plan.records.find((r) => r.kind === kind && r.title.toLowerCase() === target.toLowerCase())?.id;
  const resolved = options.resolutions.map((r, i) => {
    const recordId = idOf(r.kind, r.target);
    if (!recordId)
      throw invalidInput([
        {
          field: `resolutions[${i}].target`,
          message: `no ${r.kind} named "${r.target}" in the document or the workspace`,
        },
      ]);
    return { kind: r.kind, alias: r.written, recordId };
  });
  // The names an unresolved reference may mean, for the preview's choice.
  const refKinds = new Set(plan.gaps.flatMap((g) => (g.refKind ? [g.refKind] : [])));
  const referenceCandidates = Object.fromEntries(
    [...refKinds].map((kind) => [
      kind,
      [
        ...new Set([
          ...existing.filter((r) => r.kind === kind).map((r) => r.title),
          ...plan.records.filter((r) => r.kind === kind).map((r) => r.title),
        ]),
      ].sort((a, b) => a.localeCompare(b)),
    ]),
  );
  // Names said to be one thing are remembered as the merged record's other name.
  for (const answer of options.sameThings.filter((a) => a.same)) {
    const [a, b] = answer.names.map((n) => n.toLowerCase());
    const record = plan.records.find((r) => r.kind === answer.kind && [a, b].includes(r.title.toLowerCase()));
    if (record)
      resolved.push({ kind: answer.kind, alias: record.title.toLowerCase() === a ? b! : a!, recordId: record.id });
  }
  return { plan, merged: draft.merged ?? [], questions: draft.questions ?? [], resolved, referenceCandidates };
}

function report(
  slug: string,
  uploads: UploadedFile[],
  plan: ImportPlan,
  problems: ImportProblem[],
  merged: MergedRecord[],
  questions: ImportReport["questions"],
): Omit<ImportReport, "referenceCandidates"> {
  const counts = countPlan(plan);
  const records = plan.records.map((r) => ({
    action: r.action,
    kind: r.kind,
    title: r.title,
    offered: r.offered,
    changes: r.changes,
    place: r.place,
  }));
  const decisions = plan.decisions.map((d) => ({
    action: d.action,
    number: d.number,
    title: d.title,
    status: d.status,
    changes: d.changes,
  }));
  // New records get fresh ids on every plan: the digest covers what the user sees, not the ids.
  const digest = createHash("sha256")
    .update(JSON.stringify({ records, decisions, problems, offered: plan.offered, merged, questions }))
    .digest("hex")
    .slice(0, 32);
  return {
    workspace: slug,
    files: uploads.map((f) => ({ name: f.name, bytes: f.bytes.byteLength })),
    digest,
    applied: false,
    importId: null,
    ...counts,
    records,
    decisions,
    skipped: plan.skipped,
    gaps: plan.gaps,
    problems,
    offered: plan.offered,
    keptAsText: plan.keptAsText,
    // What the reader made one record: the records above already are the merged ones.
    merged,
    questions,
  };
}

/** What importing the document would create, update and leave, with its gaps and problems; writes nothing. */
export async function previewImport(
  ctx: ServiceContext,
  slug: string,
  uploads: UploadedFile[],
  input: unknown,
): Promise<ImportReport> {
  return (await prepareImport(ctx, slug, uploads, input)).result;
}

/** Reads the upload and plans it against the workspace: the common first half of preview and apply. */
async function prepareImport(ctx: ServiceContext, slug: string, uploads: UploadedFile[], input: unknown) {
  const workspace = await authorizeWorkspace(ctx, slug, "spec:edit");
  const options = parseInput(importOptionsSchema, input);
  const read = await readUploads(uploads);
  const { plan, merged, questions, resolved, referenceCandidates } = await planFor(
    ctx,
    workspace.id,
    read.files,
    options,
  );
  const result = {
    ...report(workspace.slug, uploads, plan, [...read.problems, ...plan.problems], merged, questions),
    referenceCandidates,
  };
  return { workspace, options, plan, result, resolved };
}

/**
 * Applies a document in one transaction: every record and decision with its audit event, or
 * nothing (when the user chose to abort on problems, the plan differs from the previewed one,
 * or the workspace changed meanwhile). Importing the same document again changes nothing.
 */
export async function applyImport(
  ctx: ServiceContext,
  slug: string,
  uploads: UploadedFile[],
  input: unknown,
): Promise<ImportReport> {
  const { workspace, options, plan, result, resolved } = await prepareImport(ctx, slug, uploads, input);
  if (options.expect && options.expect !== result.digest)
    throw new ServiceError(
      409,
      "preview_outdated",
      "The workspace or the document changed since the preview; review the new preview and apply again.",
      result,
    );
  if (options.onProblems === "abort" && result.problems.length > 0)
    throw new ServiceError(
      422,
      "import_problems",
      `Nothing was imported: ${result.problems.length} part(s) of the document could not be read (first: ${result.problems[0]!.message}). Fix them, or import with the problems skipped.`,
      result,
    );
  const writes = plan.records.filter((r) => r.action !== "unchanged");
  if (writes.some((r) => r.kind === "naming-convention"))
    requirePermission(ctx.actor, "convention:edit", { workspace });
  if (plan.decisions.some((d) => d.action === "create" || d.action === "update"))
    requirePermission(ctx.actor, "decision:edit", { workspace });
  try {
    const importId = await writeImport(ctx.db.prisma, {
      workspaceId: workspace.id,
      records: writes.map((r) => ({
        id: r.id,
        kind: r.kind,
        key: recordKey(r.kind, r.data)?.toLowerCase() ?? null,
        title: r.title,
        data: r.data,
        links: linksOf(r.kind, r.data),
        action: r.action as "create" | "update",
        version: r.version,
        before: r.before,
      })),
      decisions: plan.decisions,
      files: result.files,
      counts: { created: result.created, updated: result.updated, unchanged: result.unchanged },
      gaps: result.gaps,
      problems: result.problems,
      aliases: resolved,
      actor: ctx.actor,
      origin: ctx.origin,
    });
    scheduleEvaluation(ctx.db, workspace.id, "spec");
    return { ...result, applied: true, importId };
  } catch (error) {
    if (error instanceof ImportConflict)
      throw new ServiceError(409, "conflict", `Nothing was imported: ${error.message}. Preview again and apply.`);
    // Someone created a record or decision of the same name or number meanwhile.
    if (isUniqueViolation(error))
      throw new ServiceError(
        409,
        "conflict",
        "Nothing was imported: the workspace changed meanwhile. Preview again and apply.",
      );
    throw error;
  }
}

/** The workspace's past imports, newest first, with their gaps and problems. */
export async function listDocumentImports(ctx: ServiceContext, slug: string) {
  const workspace = await authorizeWorkspace(ctx, slug);
  return (await listImports(ctx.db.prisma, workspace.id)).map((row) => ({
    ...row,
    gaps: (row.gaps as ImportGap[]).length,
    openGaps: (row.gaps as ImportGap[]).filter((g) => !g.kept),
    problems: row.problems as ImportProblem[],
  }));
}
