// `agp` on an embedded directory that a running portal holds: refused with exit 4 and a way out.
// PGlite only, like the embedded-directory guard it relies on (vitest.config.ts).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { runAgp } from "@/lib/testing/run-agp";
import { buildCli } from "@/scripts/build-cli.mjs";

const root = process.cwd();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "agp-cli-locked-"));
const dataDir = path.join(work, "data");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

it("refuses with exit 4 an embedded directory a running portal holds, and works once it is free", async () => {
  const bundle = await buildCli();
  const agp = (args: string[]) => runAgp(bundle, args, { cwd: work, env: { DATABASE_URL: `file:${dataDir}` } });
  const holder = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "lib/testing/hold-embedded-database.ts"), dataDir],
    { cwd: root, stdio: ["pipe", "pipe", "inherit"] },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      holder.on("exit", (code) => reject(new Error(`the holder exited with ${code}`)));
    });
    const refused = await agp(["check", "--json"]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain(dataDir);
    expect(refused.stderr).toContain("Stop the portal, or work through it: agp --server <url> --token <token>");
    expect(JSON.parse(refused.stdout)).toMatchObject({ error: { exitCode: 4 } });
  } finally {
    holder.stdin.end();
    await new Promise((resolve) => holder.on("exit", resolve));
  }
  // Free again: the same command gets as far as the (empty) database.
  const free = await agp(["check"]);
  expect(free.code).toBe(2);
  expect(free.stderr).toContain("There is no workspace yet");
  // Importing into an empty database without --workspace makes the portal's default workspace.
  const imported = await agp(["import", path.join(root, "lib/testing/documents/complete.md"), "--json"]);
  expect(imported.code, imported.stderr).toBe(0);
  expect(JSON.parse(imported.stdout)).toMatchObject({ workspace: "default", imported: { vpc: 2 } });
}, 120_000);
