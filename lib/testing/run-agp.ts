import { spawn } from "node:child_process";

/** What a run of the `agp` command line printed and exited with. */
export type AgpRun = { code: number | null; stdout: string; stderr: string };

/** Runs a script of the command line (the bundle or bin/agp.mjs) as a pipeline would: a subprocess. */
export function runAgp(
  script: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<AgpRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: "1", ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
