import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { childProcessEnv } from "@/lib/env";

/** A directory of its own under the system's temporary directory, removed by `remove`. */
export function scratchDir(prefix: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `agp-bench-${prefix}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs a benchmark script in a process of its own (tsx, a large heap) with `env` added, and
 * answers the JSON of its last output line. Its other output goes to stderr; a failure throws
 * with what it printed.
 */
export async function runChild<T>(script: string, args: string[], env: Record<string, string>): Promise<T> {
  const child = spawn("node_modules/.bin/tsx", [script, ...args], {
    env: {
      ...childProcessEnv(),
      NODE_OPTIONS: "--max-old-space-size=8192 --expose-gc",
      AGP_LOG_LEVEL: "warn",
      // No background evaluation after the writes: the benchmarks time each step themselves.
      NODE_ENV: "test",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const last = out.trim().split("\n").at(-1) ?? "";
  if (code !== 0 || !last.startsWith("{")) {
    throw new Error(`${script} ${args.join(" ")} failed (exit ${code}):\n${err.slice(-2000)}${out.slice(-1000)}`);
  }
  return JSON.parse(last) as T;
}
