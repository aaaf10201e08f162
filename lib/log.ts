import pino from "pino";
import { getEnv } from "@/lib/env";

/** The process logger (JSON lines on stdout); never log secrets or whole payloads. */
export const logger = pino({
  name: "agp",
  level: getEnv().logLevel,
  redact: { paths: ["*.password", "*.secret", "*.clientSecret", "*.token", "*.authorization"], censor: "[redacted]" },
});
