import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireEmbeddedLock, EmbeddedDatabaseLockedError, LOCK_FILE } from "@/lib/db/embedded-lock";

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agp-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function writeOwner(dir: string, owner: object) {
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(owner));
}

describe("acquireEmbeddedLock", () => {
  it("writes this process as owner and removes the claim on release", () => {
    const dir = tempDir();
    const release = acquireEmbeddedLock(dir);
    const owner = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8"));
    expect(owner.pid).toBe(process.pid);
    expect(owner.host).toBe(os.hostname());
    release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it("lets the owning process claim its directory again", () => {
    const dir = tempDir();
    const release = acquireEmbeddedLock(dir);
    expect(acquireEmbeddedLock(dir)).toBe(release);
    release();
  });

  it("refuses a directory owned by another live process, naming the directory and its PID", () => {
    const dir = tempDir();
    // PID 1 is always alive; its start time is read from /proc so that the owner looks genuine.
    const start = fs.readFileSync("/proc/1/stat", "utf8");
    const processStart = start.slice(start.lastIndexOf(")") + 2).split(" ")[19];
    writeOwner(dir, { pid: 1, host: os.hostname(), startedAt: "2026-01-01T00:00:00.000Z", processStart });
    let error: unknown;
    try {
      acquireEmbeddedLock(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EmbeddedDatabaseLockedError);
    expect((error as Error).message).toContain(dir);
    expect((error as Error).message).toContain("process 1 ");
  });

  it("takes over a claim left by a process that no longer exists", () => {
    const dir = tempDir();
    writeOwner(dir, {
      pid: 2 ** 22 + 17,
      host: os.hostname(),
      startedAt: "2026-01-01T00:00:00.000Z",
      processStart: "1",
    });
    const release = acquireEmbeddedLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    release();
  });

  it("takes over a claim whose PID now belongs to a different process", () => {
    const dir = tempDir();
    writeOwner(dir, { pid: 1, host: os.hostname(), startedAt: "2026-01-01T00:00:00.000Z", processStart: "not-pid-1" });
    const release = acquireEmbeddedLock(dir);
    release();
  });
});
