import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The owner record written into an embedded data directory while a process has it open. */
export type LockOwner = { pid: number; host: string; startedAt: string; processStart: string | null };

export const LOCK_FILE = "agp-owner.lock";

/** A second process tried to open an embedded data directory that a live process owns. */
export class EmbeddedDatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The embedded database in ${dataDir} is already open in process ${owner.pid} ` +
        `(on ${owner.host}, since ${owner.startedAt}). PGlite allows one process per directory: ` +
        `stop that process, use another directory (DATABASE_URL=file:<dir>), ` +
        `or connect both to a PostgreSQL server (DATABASE_URL=postgresql://…).`,
    );
    this.name = "EmbeddedDatabaseLockedError";
  }
}

// Linux tells when a process started and whether it is a zombie: comparing the start time
// detects a PID reused by another process after the owner died without cleaning up (common in
// containers, where PIDs are small); a zombie has exited but still answers kill(pid, 0).
function readProcStat(pid: number): { state: string; start: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The fields after the parenthesised command name (which may contain spaces): state is
    // field 3 of the line, starttime field 22.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", start: fields[19] ?? "" };
  } catch {
    return null;
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true; // cannot check another host: assume it is live
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const stat = readProcStat(owner.pid);
  if (!stat) return true; // no /proc (not Linux): kill(pid, 0) said it exists
  if (stat.state === "Z" || stat.state === "X") return false;
  return owner.processStart === null || stat.start === owner.processStart;
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockOwner;
  } catch {
    return null; // missing or half-written: treated as no owner
  }
}

const held = new Map<string, () => void>();

/**
 * Claims an embedded data directory for this process, refusing when another live process owns
 * it. Returns a release function; the claim is also dropped when the process exits.
 */
export function acquireEmbeddedLock(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  const existing = held.get(dir);
  if (existing) return existing;

  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    processStart: readProcStat(process.pid)?.start ?? null,
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // "wx" fails if the file exists, so two processes racing cannot both win.
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: "wx" });
      const release = () => {
        held.delete(dir);
        process.removeListener("exit", release);
        const owner = readOwner(lockPath);
        if (owner?.pid === me.pid && owner.startedAt === me.startedAt) fs.rmSync(lockPath, { force: true });
      };
      process.on("exit", release);
      held.set(dir, release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner = readOwner(lockPath);
      if (!owner) {
        // The winner of a race may not have written its record yet: give it a moment.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
        owner = readOwner(lockPath);
      }
      if (owner && owner.pid !== process.pid && isAlive(owner)) {
        throw new EmbeddedDatabaseLockedError(dir, owner);
      }
      // Stale claim (owner gone) or one of ours from before a reload: take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not claim the embedded database in ${dir}: ${lockPath} keeps reappearing.`);
}
