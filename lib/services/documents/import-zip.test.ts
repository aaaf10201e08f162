import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { MAX_ZIP_ENTRIES, readUploads, unsafeEntryName } from "@/lib/services/documents/import";

const text = (value: string) => new TextEncoder().encode(value);
const spec = text("# Environments\n\n| Name | Purpose |\n| --- | --- |\n| PROD | production |\n");
const zip = (entries: Record<string, Uint8Array>) => zipSync(entries, { level: 9 });
const problemsOf = (read: { problems: { message: string }[] }) => read.problems.map((p) => p.message);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as Error,
  );

describe("zip uploads that try to do harm", () => {
  it("refuses a zip bomb by the total it unpacks to, naming the file", async () => {
    // 25 MB of zeros weigh about 25 KB compressed.
    const bomb = zip({ "spec.md": spec, "padding.md": new Uint8Array(25 * 1024 * 1024) });
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    const read = await readUploads([
      { name: "bomb.zip", bytes: bomb },
      { name: "ok.md", bytes: spec },
    ]);
    expect(problemsOf(read)).toEqual(["bomb.zip unpacks to more than 20.0 MB; not read"]);
    expect(read.files.map((f) => f.name)).toEqual(["ok.md"]);
  });

  it("counts the unpacked total over every zip of the upload, not zip by zip", async () => {
    const half = () => zip({ "part.md": new Uint8Array(12 * 1024 * 1024) });
    const read = await readUploads([
      { name: "a.zip", bytes: half() },
      { name: "b.zip", bytes: half() },
      { name: "ok.md", bytes: spec },
    ]);
    expect(problemsOf(read)).toEqual([
      "part.md is a binary file, not a Markdown text document",
      "b.zip unpacks to more than 20.0 MB; not read",
    ]);
  });

  it(`refuses a zip of more than ${MAX_ZIP_ENTRIES} entries, naming it`, async () => {
    const many = zip(
      Object.fromEntries(Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => [`n/${i}.txt`, text("")])),
    );
    const error = await refusal(readUploads([{ name: "many.zip", bytes: many }]));
    expect(error).toMatchObject({
      status: 400,
      details: { fields: [{ field: "files", message: "many.zip holds more than 2,000 entries; not read" }] },
    });
  });

  it.each([
    ["../../etc/cron.d/evil.md", "climbs out of the archive (..)"],
    ["spec/../../evil.md", "climbs out of the archive (..)"],
    ["/etc/passwd.md", "is an absolute path"],
    ["C:/Windows/evil.md", "is an absolute path"],
    ["spec\\..\\evil.md", "has a backslash (zip entries use /)"],
  ])("refuses a zip holding the entry %s, naming it and why", async (name, reason) => {
    expect(unsafeEntryName(name)).toBe(reason);
    const read = await readUploads([
      { name: "export.zip", bytes: zip({ "spec.md": spec, [name]: spec }) },
      { name: "ok.md", bytes: spec },
    ]);
    expect(problemsOf(read)).toEqual([`export.zip holds an entry "${name}" whose name ${reason}; not read`]);
    expect(read.files.map((f) => f.name)).toEqual(["ok.md"]);
  });

  it("takes ordinary entry names", () => {
    for (const name of ["spec.md", "space/pages/1. Overview.html", "a..b.md", ".hidden/x.md"]) {
      expect(unsafeEntryName(name)).toBeNull();
    }
  });

  it("reads a zip one level inside another, and refuses one nested deeper, naming it", async () => {
    const inner = zip({ "chapter-2.md": spec });
    const deeper = zip({ "level-2.zip": zip({ "chapter-3.md": spec }) });
    const read = await readUploads([
      { name: "outer.zip", bytes: zip({ "chapter-1.md": spec, "inner.zip": inner, "deep.zip": deeper }) },
    ]);
    expect(read.files.map((f) => f.name)).toEqual(["chapter-1.md", "inner.zip/chapter-2.md"]);
    expect(problemsOf(read)).toEqual([
      "deep.zip/level-2.zip is a zip inside a zip inside a zip; not read (one zip inside another at most)",
    ]);
  });
});
