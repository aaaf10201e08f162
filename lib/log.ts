import pino from "pino";
import { getEnv } from "@/lib/env";

let instance: pino.Logger | undefined;

/**
 * The process logger (JSON lines on stdout); never log secrets or whole payloads. Created on
 * first use, so that importing it never reads the environment before start-up validates it.
 */
export function getLogger(): pino.Logger {
  instance ??= pino(
    {
      name: "agp",
      level: getEnv().logLevel,
      redact: {
        paths: ["*.password", "*.secret", "*.clientSecret", "*.token", "*.authorization"],
        censor: "[redacted]",
      },
    },
    pino.destination({ fd: destination, sync: true }),
  );
  return instance;
}

let destination: 1 | 2 = 1;

/**
 * Sends the log to stderr: the command line keeps stdout for its output (`--json` must stay
 * parseable). Call before the first log line.
 */
export function logToStderr(): void {
  destination = 2;
  instance = undefined;
}
