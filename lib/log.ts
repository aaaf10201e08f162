import pino from "pino";
import { getEnv } from "@/lib/env";

let instance: pino.Logger | undefined;

/**
 * The process logger (JSON lines on stdout); never log secrets or whole payloads. Created on
 * first use, so that importing it never reads the environment before start-up validates it.
 */
export function getLogger(): pino.Logger {
  instance ??= pino({
    name: "agp",
    level: getEnv().logLevel,
    redact: {
      paths: ["*.password", "*.secret", "*.clientSecret", "*.token", "*.authorization"],
      censor: "[redacted]",
    },
  });
  return instance;
}
