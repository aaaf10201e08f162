import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openMigratedDatabase } from "@/lib/db/database";
import { EmbeddedDatabaseLockedError, LOCK_FILE } from "@/lib/db/embedded-lock";
import { insertWorkspace, listWorkspaceRecords } from "@/lib/db/workspace-repository";
import { buildActor, buildWorkspaceInput } from "@/lib/testing/factories";

// `node --import tsx`, not the tsx binary: that one runs the script in a grandchild process,
// so the PID we see and signal would not be the process holding the database.
const node = (script: string, ...args: string[]) => [process.execPath, ["--import", "tsx", script, ...args]] as const;
const children: ChildProcess[] = [];
const dirs: string[] = [];

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agp-embedded-"));
  dirs.push(dir);
  return dir;
}

/** Starts another process that opens the embedded database in `dir` and holds it. */
function holdInAnotherProcess(dir: string): Promise<ChildProcess & { pid: number }> {
  const child = spawn(...node("lib/testing/hold-embedded-database.ts", dir), { stdio: ["pipe", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().startsWith("ready")) resolve(child as ChildProcess & { pid: number });
    });
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}: ${stderr}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.on("exit", () => resolve()),
  );
}

const target = (dir: string) => ({ kind: "embedded" as const, dataDir: dir, url: `file:${dir}` });

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill("SIGKILL");
    await exited(child);
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("embedded database directory guard", () => {
  it("refuses a second process on a directory a running process owns, naming the directory and PID", async () => {
    const dir = tempDir();
    const holder = await holdInAnotherProcess(dir);

    const attempt = openMigratedDatabase(target(dir));
    await expect(attempt).rejects.toBeInstanceOf(EmbeddedDatabaseLockedError);
    await expect(attempt).rejects.toThrow(`The embedded database in ${dir} is already open in process ${holder.pid}`);
  });

  it("refuses db:deploy (a separate command) while the directory is held, and exits non-zero", async () => {
    const dir = tempDir();
    const holder = await holdInAnotherProcess(dir);
    const result = spawnSync(...node("scripts/db-deploy.ts"), {
      env: { ...process.env, DATABASE_URL: `file:${dir}` },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${dir} is already open in process ${holder.pid}`);
  });

  it("lets the next process in after the owner stops cleanly, and keeps the data", async () => {
    const dir = tempDir();
    const first = await openMigratedDatabase(target(dir));
    await insertWorkspace(first.prisma, buildWorkspaceInput({ slug: "kept" }), { actor: buildActor(), origin: "cli" });
    await first.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);

    const holder = await holdInAnotherProcess(dir);
    holder.stdin!.end(); // asks the holder to close the database and exit
    await exited(holder);
    expect(holder.exitCode).toBe(0);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);

    const again = await openMigratedDatabase(target(dir));
    expect((await listWorkspaceRecords(again.prisma)).map((w) => w.slug)).toEqual(["kept"]);
    expect(again.appliedNow).toEqual([]);
    await again.close();
  });

  it("takes over the directory of an owner that was killed without cleaning up", async () => {
    const dir = tempDir();
    const holder = await holdInAnotherProcess(dir);
    holder.kill("SIGKILL");
    await exited(holder);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);

    const db = await openMigratedDatabase(target(dir));
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    await db.close();
  });
});
