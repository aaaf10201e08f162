/** What `agp` exits with; pipelines branch on these, so they never change meaning. */
export const exitCodes = {
  ok: 0,
  /** Findings at or above --fail-on. */
  findings: 1,
  /** Bad usage or bad input (a wrong flag, a malformed document, an unknown workspace). */
  usage: 2,
  /** The portal, the database or Anypoint could not be reached, or a sync failed or was held. */
  connection: 3,
  /** Refused: the role does not allow it, or the embedded database is held by a running portal. */
  refused: 4,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** A failure the command line reports with its reason and exit code. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    /** Field problems, printed one per line (and kept in --json output). */
    readonly fields: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** The exit code for an answer of the REST API or a service failure with this HTTP status. */
export function exitCodeOfStatus(status: number): ExitCode {
  if (status === 401 || status === 403) return exitCodes.refused;
  if (status >= 500) return exitCodes.connection;
  return exitCodes.usage;
}
