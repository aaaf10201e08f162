// The `agp` executable's entry point (bundled to dist/cli/agp.mjs by scripts/build-cli.mjs):
// opens the real backends and exits with the command's code.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readCliEnv } from "@/lib/env";
import { logToStderr } from "@/lib/log";
import { runAgp } from "@/lib/cli/program";

logToStderr();
// `agp check | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
const env = readCliEnv();
// The bundle lives in <checkout>/dist/cli: migrations are read from the checkout.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const code = await runAgp(process.argv.slice(2), {
  io: {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    color: !!process.stdout.isTTY && !env.noColor,
  },
  env,
  // Loaded on demand: --help and --version do not load the database drivers.
  openBackend: async (remote) =>
    remote
      ? (await import("@/lib/cli/remote")).openRemoteBackend(remote.server, remote.token)
      : (await import("@/lib/cli/direct")).openDirectBackend(root, env.user),
});
// Let pending writes to a pipe finish before the process goes.
process.exitCode = code;
setTimeout(() => process.exit(code), 0).unref();
